import { DatePicker, Form, Input, InputNumber, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { FormModal, useSaveOutcome } from '../../../ui/FormModal.tsx';
import { BENEFIT_KINDS, usePayout, type IndustryProjectDetail } from '../api.ts';

interface Values {
  kind: IndustryProjectDetail['beneficiaries'][number]['benefit'];
  amount: number;
  paidOn: Dayjs;
  note: string;
}

/** Pays every household of a project the same amount (a dividend, a rent) on one day. */
export function PayoutModal({ project, onClose }: { project: IndustryProjectDetail; onClose(): void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const pay = usePayout(project.id);
  const outcome = useSaveOutcome(
    form,
    { saved: t('sites.project.paidOut'), stale: t('sites.stale') },
    onClose,
  );
  return (
    <FormModal
      title={t('sites.project.payout')}
      form={form}
      saving={pay.isPending}
      saveTestId="payout-save"
      onClose={onClose}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={(v) => pay.mutate({ ...v, paidOn: v.paidOn.format('YYYY-MM-DD') }, outcome)}
        initialValues={{ kind: 'dividend', paidOn: dayjs(), note: '' }}
      >
        <Form.Item name="kind" label={t('sites.project.benefit')}>
          <Select options={BENEFIT_KINDS.map((k) => ({ value: k, label: t(`sites.benefit.${k}`) }))} />
        </Form.Item>
        <Form.Item name="amount" label={t('sites.project.amountEach')}>
          <InputNumber style={{ width: '100%' }} prefix="¥" data-testid="payout-amount" />
        </Form.Item>
        <Form.Item name="paidOn" label={t('sites.project.paidOn')}>
          <DatePicker style={{ width: '100%' }} allowClear={false} />
        </Form.Item>
        <Form.Item name="note" label={t('sites.project.note')}>
          <Input maxLength={200} data-testid="payout-note" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
