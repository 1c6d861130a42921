import type { Job, PlaceLevel } from '@anju/contracts';
import { Form, Input, InputNumber, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormModal, useSaveOutcome } from '../../../ui/FormModal.tsx';
import { useRules } from '../../../ui/rules.ts';
import { useEnterprises } from '../../enterprises/api.ts';
import { PlaceSelect } from '../../places/index.ts';
import { COMMON_SKILLS, useSaveJob } from '../api.ts';

interface Values {
  enterpriseId?: string;
  title: string;
  wageMin: number;
  wageMax: number;
  placeId?: string;
  headcount: number;
  skills: string[];
  housing: boolean;
  commuteNote: string;
}

const LEVELS: PlaceLevel[] = ['county', 'township', 'community'];

/** Posts a job or changes one from the version read; officials pick the enterprise, its staff post for their own. */
export function JobModal({
  job,
  pickEnterprise,
  onClose,
}: {
  job?: Job;
  pickEnterprise: boolean;
  onClose(): void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const save = useSaveJob();
  const rules = useRules();
  /** Numbers and dates are required without the text rule's whitespace check. */
  const given = (field: string) => ({ required: true, message: t('common.required', { field }) });
  const enterprises = useEnterprises({ page: 1, pageSize: 200 });
  const outcome = useSaveOutcome(form, { saved: t('jobs.saved'), stale: t('jobs.stale') }, onClose);

  const submit = (v: Values) => {
    const { enterpriseId, placeId, ...fields } = v;
    if (job) save.mutate({ id: job.id, body: { ...fields, placeId, version: job.version } }, outcome);
    else save.mutate({ body: { ...fields, placeId, ...(pickEnterprise ? { enterpriseId } : {}) } }, outcome);
  };

  return (
    <FormModal
      title={job ? t('jobs.edit') : t('jobs.add')}
      form={form}
      saving={save.isPending}
      saveTestId="job-save"
      onClose={onClose}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{
          title: job?.title ?? '',
          wageMin: job?.wageMin,
          wageMax: job?.wageMax,
          placeId: job?.placeId,
          headcount: job?.headcount ?? 1,
          skills: job?.skills ?? [],
          housing: job?.housing ?? false,
          commuteNote: job?.commuteNote ?? '',
        }}
      >
        {pickEnterprise && !job && (
          <Form.Item
            name="enterpriseId"
            label={t('jobs.enterprise')}
            rules={[rules.required(t('jobs.enterprise'))]}
          >
            <Select
              showSearch
              optionFilterProp="label"
              data-testid="job-enterprise"
              options={(enterprises.data?.items ?? []).map((e) => ({ value: e.id, label: e.name }))}
            />
          </Form.Item>
        )}
        <Form.Item name="title" label={t('jobs.name')} rules={[rules.required(t('jobs.name'))]}>
          <Input maxLength={64} data-testid="job-title" />
        </Form.Item>
        <Form.Item name="wageMin" label={t('jobs.wageMin')} rules={[given(t('jobs.wageMin'))]}>
          <InputNumber min={0} max={1_000_000} style={{ width: '100%' }} data-testid="job-wage-min" />
        </Form.Item>
        <Form.Item name="wageMax" label={t('jobs.wageMax')} rules={[given(t('jobs.wageMax'))]}>
          <InputNumber min={0} max={1_000_000} style={{ width: '100%' }} data-testid="job-wage-max" />
        </Form.Item>
        {pickEnterprise ? (
          <Form.Item name="placeId" label={t('jobs.place')} extra={t('jobs.placeHelp')}>
            <PlaceSelect
              levels={LEVELS}
              initial={job ? { id: job.placeId, name: job.placeName } : undefined}
              testId="job-place"
            />
          </Form.Item>
        ) : (
          <Form.Item label={t('jobs.place')}>{job?.placeName ?? t('jobs.placeOwn')}</Form.Item>
        )}
        <Form.Item name="headcount" label={t('jobs.headcount')}>
          <InputNumber min={1} max={10_000} style={{ width: '100%' }} data-testid="job-headcount" />
        </Form.Item>
        <Form.Item name="skills" label={t('jobs.skills')} extra={t('jobs.skillsHelp')}>
          <Select
            mode="tags"
            data-testid="job-skills"
            options={COMMON_SKILLS.map((s) => ({ value: s, label: s }))}
          />
        </Form.Item>
        <Form.Item name="housing" label={t('jobs.housing')} valuePropName="checked">
          <Switch data-testid="job-housing" />
        </Form.Item>
        <Form.Item name="commuteNote" label={t('jobs.commuteNote')}>
          <Input maxLength={200} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
