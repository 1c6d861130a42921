import {
  SERVICE_CATEGORIES,
  SERVICE_PROJECT_KINDS,
  type PlaceLevel,
  type ServiceProjectCreateInput,
} from '@anju/contracts';
import { Button, DatePicker, Form, Input, InputNumber, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { FormModal, useSaveOutcome } from '../../../ui/FormModal.tsx';
import { useRules } from '../../../ui/rules.ts';
import { PlaceSelect } from '../../places/index.ts';
import { useCategories, useOrgs, useStartProject } from '../api.ts';

type Values = Omit<ServiceProjectCreateInput, 'startsOn' | 'endsOn' | 'milestones'> & {
  startsOn: Dayjs;
  endsOn: Dayjs;
  milestones?: { title: string; dueOn: Dayjs }[];
};
const LEVELS: PlaceLevel[] = ['county', 'township', 'community'];
const day = (d: Dayjs) => d.format('YYYY-MM-DD');

/** Starts a project: owner department, provider offering its category, budget, days and milestones. */
export function ProjectModal({ place, onClose }: { place?: { id: string; name: string }; onClose(): void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const start = useStartProject();
  const rules = useRules();
  const categories = useCategories();
  const category = Form.useWatch('category', form);
  const orgs = useOrgs({ page: 1, pageSize: 100, category });
  const outcome = useSaveOutcome(
    form,
    { saved: t('services.projects.saved'), stale: t('services.projects.saved') },
    onClose,
  );
  const label = (key: string) => t(`services.projects.${key}`);
  const required = (key: string) => [rules.required(label(key))];
  const given = (key: string) => [{ required: true, message: t('common.required', { field: label(key) }) }];
  const submit = (v: Values) =>
    start.mutate(
      {
        ...v,
        startsOn: day(v.startsOn),
        endsOn: day(v.endsOn),
        milestones: (v.milestones ?? []).map((m) => ({ title: m.title, dueOn: day(m.dueOn) })),
      },
      outcome,
    );
  return (
    <FormModal
      title={label('add')}
      form={form}
      saving={start.isPending}
      saveTestId="project-save"
      onClose={onClose}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ kind: 'purchased', category: SERVICE_CATEGORIES[0], placeId: place?.id }}
      >
        <Form.Item name="name" label={label('name')} rules={required('name')}>
          <Input maxLength={128} data-testid="project-name" />
        </Form.Item>
        <Form.Item name="kind" label={label('kind')}>
          <Select
            options={SERVICE_PROJECT_KINDS.map((k) => ({
              value: k,
              label: t(`services.projects.kinds.${k}`),
            }))}
          />
        </Form.Item>
        <Form.Item name="category" label={label('category')}>
          <Select options={categories.options} data-testid="project-category" />
        </Form.Item>
        <Form.Item name="orgId" label={label('org')} extra={label('orgHelp')} rules={required('org')}>
          <Select
            loading={orgs.isLoading}
            options={(orgs.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }))}
            data-testid="project-org"
          />
        </Form.Item>
        <Form.Item
          name="ownerDepartment"
          label={label('ownerDepartment')}
          rules={required('ownerDepartment')}
        >
          <Input maxLength={128} data-testid="project-owner" />
        </Form.Item>
        <Form.Item name="placeId" label={label('place')} rules={required('place')}>
          <PlaceSelect levels={LEVELS} initial={place} testId="project-place" />
        </Form.Item>
        <Form.Item name="budget" label={label('budget')} rules={given('budget')}>
          <InputNumber
            min={0}
            precision={0}
            addonAfter={t('services.projects.yuan')}
            data-testid="project-budget"
          />
        </Form.Item>
        <Space wrap>
          <Form.Item name="startsOn" label={label('startsOn')} rules={given('startsOn')}>
            <DatePicker data-testid="project-starts" />
          </Form.Item>
          <Form.Item name="endsOn" label={label('endsOn')} rules={given('endsOn')}>
            <DatePicker data-testid="project-ends" />
          </Form.Item>
        </Space>
        <Form.Item name="summary" label={label('summary')}>
          <Input.TextArea maxLength={2000} rows={2} />
        </Form.Item>
        <Form.List name="milestones">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} wrap align="baseline">
                  <Form.Item name={[f.name, 'title']} rules={required('milestoneTitle')}>
                    <Input maxLength={128} placeholder={label('milestoneTitle')} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'dueOn']} rules={given('dueOn')}>
                    <DatePicker placeholder={label('dueOn')} />
                  </Form.Item>
                  <Button type="link" danger onClick={() => remove(f.name)}>
                    {t('services.projects.remove')}
                  </Button>
                </Space>
              ))}
              <Button onClick={() => add()} data-testid="project-add-milestone">
                {label('addMilestone')}
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </FormModal>
  );
}
