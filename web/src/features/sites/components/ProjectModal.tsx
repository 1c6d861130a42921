import { DatePicker, Form, Input, InputNumber, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { FormModal, useSaveOutcome } from '../../../ui/FormModal.tsx';
import { useRules } from '../../../ui/rules.ts';
import { INDUSTRY_FUND_SOURCES, INDUSTRY_KINDS, useSaveProject, type IndustryProject } from '../api.ts';

interface Values {
  name: string;
  kind: IndustryProject['kind'];
  investment: number;
  fundSource: IndustryProject['fundSource'];
  startedOn: Dayjs;
}

/** Records an industry project supporting a site. */
export function ProjectModal({ siteId, onClose }: { siteId: string; onClose(): void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const save = useSaveProject();
  const rules = useRules();
  const outcome = useSaveOutcome(form, { saved: t('sites.saved'), stale: t('sites.stale') }, onClose);
  return (
    <FormModal
      title={t('sites.project.add')}
      form={form}
      saving={save.isPending}
      saveTestId="project-save"
      onClose={onClose}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={(v) =>
          save.mutate(
            { body: { ...v, placeId: siteId, startedOn: v.startedOn.format('YYYY-MM-DD') } },
            outcome,
          )
        }
        initialValues={{
          name: '',
          kind: 'workshop',
          investment: 0,
          fundSource: 'central_budget',
          startedOn: dayjs(),
        }}
      >
        <Form.Item
          name="name"
          label={t('sites.project.name')}
          rules={[rules.required(t('sites.project.name'))]}
        >
          <Input maxLength={128} data-testid="project-name" />
        </Form.Item>
        <Form.Item name="kind" label={t('sites.project.kind')}>
          <Select options={INDUSTRY_KINDS.map((k) => ({ value: k, label: t(`sites.projectKind.${k}`) }))} />
        </Form.Item>
        <Form.Item name="investment" label={t('sites.project.investment')}>
          <InputNumber style={{ width: '100%' }} prefix="¥" />
        </Form.Item>
        <Form.Item name="fundSource" label={t('sites.project.fundSource')}>
          <Select options={INDUSTRY_FUND_SOURCES.map((k) => ({ value: k, label: t(`sites.fund.${k}`) }))} />
        </Form.Item>
        <Form.Item name="startedOn" label={t('sites.project.startedOn')}>
          <DatePicker style={{ width: '100%' }} allowClear={false} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
