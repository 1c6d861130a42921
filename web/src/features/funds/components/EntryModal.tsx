import { FUND_CATEGORIES, FUND_DIRECTIONS, type FundEntryCreateInput } from '@anju/contracts';
import { DatePicker, Form, Input, InputNumber, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { FormModal, useSaveOutcome } from '../../../ui/FormModal.tsx';
import { useRules } from '../../../ui/rules.ts';
import { useAccounts, useFundSetup, useRecordEntry } from '../api.ts';

type Values = Omit<FundEntryCreateInput, 'occurredOn' | 'amountFen'> & {
  occurredOn: Dayjs;
  amountYuan: number;
};

/** Records an income or expense of an account; it waits for someone else's approval. */
export function EntryModal({ accountId, onClose }: { accountId?: string; onClose(): void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const record = useRecordEntry();
  const accounts = useAccounts();
  const setup = useFundSetup();
  const rules = useRules();
  const outcome = useSaveOutcome(
    form,
    { saved: t('funds.entry.recorded'), stale: t('funds.entry.recorded') },
    onClose,
  );
  const direction = Form.useWatch('direction', form);
  const submit = ({ amountYuan, occurredOn, ...v }: Values) =>
    record.mutate(
      { ...v, amountFen: Math.round(amountYuan * 100), occurredOn: occurredOn.format('YYYY-MM-DD') },
      outcome,
    );
  const given = (key: string) => [
    { required: true, message: t('common.required', { field: t(`funds.entry.${key}`) }) },
  ];
  const categories = FUND_CATEGORIES.filter(
    (c) => c === 'other' || c.endsWith('_income') === (direction === 'income'),
  );
  return (
    <FormModal
      title={t('funds.entry.record')}
      form={form}
      saving={record.isPending}
      saveTestId="entry-save"
      onClose={onClose}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ accountId, direction: 'expense', occurredOn: dayjs() }}
        onValuesChange={(changed) => changed.direction && form.setFieldValue('category', undefined)}
      >
        <Form.Item name="accountId" label={t('funds.entry.account')} rules={given('account')}>
          <Select
            data-testid="entry-account"
            options={(accounts.data ?? []).map((a) => ({ value: a.id, label: `${a.placeName} · ${a.name}` }))}
          />
        </Form.Item>
        <Form.Item name="direction" label={t('funds.entry.direction')}>
          <Select
            data-testid="entry-direction"
            options={FUND_DIRECTIONS.map((d) => ({ value: d, label: t(`funds.directions.${d}`) }))}
          />
        </Form.Item>
        <Form.Item name="category" label={t('funds.entry.category')} rules={given('category')}>
          <Select
            data-testid="entry-category"
            options={categories.map((c) => ({ value: c, label: setup.category(c) }))}
          />
        </Form.Item>
        <Form.Item name="amountYuan" label={t('funds.entry.amountYuan')} rules={given('amountYuan')}>
          <InputNumber
            min={0.01}
            max={1_000_000_000}
            precision={2}
            style={{ width: '100%' }}
            data-testid="entry-amount"
          />
        </Form.Item>
        <Form.Item name="occurredOn" label={t('funds.entry.occurredOn')} rules={given('occurredOn')}>
          <DatePicker
            style={{ width: '100%' }}
            disabledDate={(d) => d.isAfter(dayjs(), 'day')}
            data-testid="entry-date"
          />
        </Form.Item>
        <Form.Item
          name="summary"
          label={t('funds.entry.summary')}
          rules={[rules.required(t('funds.entry.summary'))]}
        >
          <Input maxLength={200} data-testid="entry-summary" />
        </Form.Item>
        <Form.Item name="counterparty" label={t('funds.entry.counterparty')}>
          <Input maxLength={128} />
        </Form.Item>
        <Form.Item
          name="decisionRef"
          label={t('funds.entry.decisionRef')}
          extra={t('funds.entry.decisionRefHint')}
        >
          <Input maxLength={128} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
