import { LABOUR_CAPACITIES, POVERTY_STATUSES, type VisitPlan } from '@anju/contracts';
import { Form, Input, InputNumber, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormModal, useSaveOutcome } from '../../../ui/FormModal.tsx';
import { useCodes } from '../../registry/index.ts';
import { useSavePlan } from '../api.ts';

interface Values {
  name: string;
  tag: string | null;
  povertyStatus: (typeof POVERTY_STATUSES)[number] | null;
  labourCapacity: (typeof LABOUR_CAPACITIES)[number] | null;
  intervalDays: number;
}

/** Adds a plan to a community or changes one at the version it was read at. */
export function PlanModal({
  communityId,
  plan,
  onClose,
}: {
  communityId: string;
  plan?: VisitPlan;
  onClose(): void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const codes = useCodes();
  const save = useSavePlan();
  const outcome = useSaveOutcome(
    form,
    { saved: t('visits.plans.saved'), stale: t('visits.plans.stale') },
    onClose,
  );
  const any = { value: null, label: t('visits.plans.any') };
  const required = (field: string) => ({
    required: true,
    message: t('common.required', { field: t(field) }),
  });

  const submit = (v: Values) =>
    save.mutate(
      plan ? { id: plan.id, body: { ...v, version: plan.version } } : { body: { ...v, communityId } },
      outcome,
    );

  return (
    <FormModal
      title={plan ? t('visits.plans.edit') : t('visits.plans.add')}
      form={form}
      saving={save.isPending}
      saveTestId="plan-save"
      onClose={onClose}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{
          name: plan?.name,
          tag: plan?.tag ?? null,
          povertyStatus: plan?.povertyStatus ?? null,
          labourCapacity: plan?.labourCapacity ?? null,
          intervalDays: plan?.intervalDays ?? 30,
        }}
      >
        <Form.Item
          name="name"
          label={t('visits.plans.name')}
          rules={[required('visits.plans.name'), { min: 2, max: 64 }]}
        >
          <Input maxLength={64} data-testid="plan-name" />
        </Form.Item>
        <Form.Item name="tag" label={t('visits.plans.tag')}>
          <Select options={[any, ...codes.tagOptions]} data-testid="plan-tag" />
        </Form.Item>
        <Form.Item name="povertyStatus" label={t('visits.plans.povertyStatus')}>
          <Select
            options={[any, ...POVERTY_STATUSES.map((s) => ({ value: s, label: codes.label('poverty', s) }))]}
          />
        </Form.Item>
        <Form.Item name="labourCapacity" label={t('visits.plans.labourCapacity')}>
          <Select
            options={[any, ...LABOUR_CAPACITIES.map((s) => ({ value: s, label: codes.label('labour', s) }))]}
          />
        </Form.Item>
        <Form.Item
          name="intervalDays"
          label={t('visits.plans.intervalDays')}
          rules={[required('visits.plans.intervalDays'), { type: 'integer', min: 1, max: 366 }]}
        >
          <InputNumber
            min={1}
            max={366}
            precision={0}
            style={{ width: '100%' }}
            data-testid="plan-interval"
          />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
