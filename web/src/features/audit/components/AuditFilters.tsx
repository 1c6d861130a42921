import { AUDIT_RESULTS } from '@anju/contracts';
import { Button, DatePicker, Form, Input, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useAuditActions } from '../actions.ts';
import type { AuditFilter } from '../api.ts';

interface Values {
  actor?: string;
  action?: string;
  result?: AuditFilter['result'];
  range?: [Dayjs | null, Dayjs | null] | null;
}

/** Actor, action (by its name), result and date-range filters of the audit log. */
export function AuditFilters({ onChange }: { onChange(filter: AuditFilter): void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const actions = useAuditActions();
  const apply = (v: Values) =>
    onChange({
      actor: v.actor?.trim() || undefined,
      action: v.action,
      result: v.result,
      from: v.range?.[0]?.startOf('day').toISOString(),
      to: v.range?.[1]?.endOf('day').toISOString(),
    });
  return (
    <Form form={form} layout="inline" onFinish={apply} style={{ rowGap: 8, marginBottom: 16 }}>
      <Form.Item name="actor">
        <Input allowClear placeholder={t('audit.actor')} style={{ width: 160 }} data-testid="audit-actor" />
      </Form.Item>
      <Form.Item name="action">
        <Select
          allowClear
          showSearch={{
            // by the name or by the code
            filterOption: (input, option) =>
              !!option &&
              'value' in option &&
              `${option.label} ${option.value}`.toLowerCase().includes(input.trim().toLowerCase()),
          }}
          placeholder={t('audit.action')}
          style={{ width: 220 }}
          popupMatchSelectWidth={false}
          options={actions.groups}
          data-testid="audit-action"
        />
      </Form.Item>
      <Form.Item name="result">
        <Select
          allowClear
          placeholder={t('audit.result')}
          style={{ width: 120 }}
          options={AUDIT_RESULTS.map((r) => ({ value: r, label: t(`audit.results.${r}`) }))}
        />
      </Form.Item>
      <Form.Item name="range">
        <DatePicker.RangePicker />
      </Form.Item>
      <Space>
        <Button type="primary" htmlType="submit" data-testid="audit-search">
          {t('common.search')}
        </Button>
        <Button onClick={() => (form.resetFields(), apply({}))}>{t('common.reset')}</Button>
      </Space>
    </Form>
  );
}
