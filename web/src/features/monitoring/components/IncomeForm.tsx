import type { Income, IncomeInput, ScreeningRule } from '@anju/contracts';
import { Alert, Form, type ButtonProps, InputNumber, Modal, Select, Space, Statistic, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SaveError } from '../../../ui/ErrorAlert.tsx';
import { useSaveIncome } from '../api.ts';
import { useFieldErrors } from '../../../ui/errors.ts';

const PARTS = ['wage', 'operating', 'property', 'transfer', 'productionCosts'] as const;
const EXPENSES = ['medicalExpense', 'schoolingExpense'] as const;
type Values = Omit<IncomeInput, 'version'>;

/** Enter or correct one year's income of a household; the answer names the screening flags it raised. */
export function IncomeForm({
  householdId,
  members,
  editing,
  taken,
  onClose,
}: {
  householdId: string;
  members: number;
  /** The record being corrected, or null for a new one. */
  editing: Income | null;
  /** `year-period` of the records already entered: a new record takes another year. */
  taken: string[];
  onClose(): void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const save = useSaveIncome(householdId);
  const fieldErrors = useFieldErrors();
  const [flags, setFlags] = useState<ScreeningRule[] | null>(null);
  const values = Form.useWatch([], form) as Partial<Values> | undefined;
  const net =
    (values?.wage ?? 0) +
    (values?.operating ?? 0) +
    (values?.property ?? 0) +
    (values?.transfer ?? 0) -
    (values?.productionCosts ?? 0);
  const thisYear = new Date().getFullYear();
  const years = [1, 0, 2, 3].map((d) => thisYear - d);
  const freeYear = years.find((y) => !taken.includes(`${y}-year`)) ?? thisYear - 1;

  const submit = async () => {
    const input = await form.validateFields();
    if (!editing && taken.includes(`${input.year}-${input.period}`)) {
      form.setFields([{ name: 'year', errors: [t('monitoring.income.taken')] }]);
      return;
    }
    try {
      const saved = await save.mutateAsync({ ...input, version: editing?.version });
      setFlags(saved.flags);
    } catch (error) {
      fieldErrors(form, error);
    }
  };

  const money = (name: (typeof PARTS)[number] | (typeof EXPENSES)[number]) => (
    <Form.Item
      key={name}
      name={name}
      label={t(`monitoring.income.${name}`)}
      rules={[{ required: true, message: t('monitoring.income.required') }]}
    >
      <InputNumber
        min={name === 'operating' ? -100_000_000 : 0}
        max={100_000_000}
        precision={0}
        addonAfter={t('monitoring.yuan')}
        style={{ width: '100%' }}
        data-testid={`income-${name}`}
      />
    </Form.Item>
  );

  return (
    <Modal
      open
      title={t(editing ? 'monitoring.income.edit' : 'monitoring.income.add')}
      okText={flags ? t('monitoring.close') : t('common.save')}
      onOk={flags ? onClose : submit}
      onCancel={onClose}
      confirmLoading={save.isPending}
      okButtonProps={{ 'data-testid': 'income-save' } as ButtonProps}
      destroyOnHidden
    >
      {flags ? (
        <Alert
          data-testid="income-flags"
          type={flags.length ? 'warning' : 'success'}
          showIcon
          title={flags.length ? t('monitoring.income.flagged') : t('monitoring.income.clear')}
          description={
            flags.length > 0 && (
              <Space wrap>
                {flags.map((f) => (
                  <Tag color="orange" key={f}>
                    {t(`monitoring.rules.${f}.name`)}
                  </Tag>
                ))}
              </Space>
            )
          }
        />
      ) : (
        <Form
          form={form}
          layout="vertical"
          initialValues={
            editing ?? {
              year: freeYear,
              period: 'year',
              ...Object.fromEntries([...PARTS, ...EXPENSES].map((k) => [k, 0])),
            }
          }
        >
          <SaveError error={save.error} onReload={onClose} />
          <Space wrap>
            <Form.Item name="year" label={t('monitoring.income.year')} rules={[{ required: true }]}>
              <Select
                disabled={!!editing}
                style={{ width: 120 }}
                data-testid="income-year"
                options={[...years].sort((a, b) => b - a).map((y) => ({ value: y, label: y }))}
              />
            </Form.Item>
            <Form.Item name="period" label={t('monitoring.income.period')} rules={[{ required: true }]}>
              <Select
                disabled={!!editing}
                style={{ width: 140 }}
                data-testid="income-period"
                options={['year', 'mid_year'].map((p) => ({ value: p, label: t(`monitoring.periods.${p}`) }))}
              />
            </Form.Item>
          </Space>
          {PARTS.map(money)}
          {EXPENSES.map(money)}
          <Statistic
            title={t('monitoring.income.perCapitaPreview', { members })}
            value={members > 0 ? net / members : 0}
            precision={2}
            suffix={t('monitoring.yuan')}
          />
        </Form>
      )}
    </Modal>
  );
}
