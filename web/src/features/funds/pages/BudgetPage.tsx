import { FUND_CATEGORIES, type FundExecution } from '@anju/contracts';
import { Button, Form, InputNumber, Select, Space, Table } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EChart, type ChartOption } from '../../../ui/EChart.tsx';
import { ErrorView } from '../../../ui/ErrorView.tsx';
import { FormModal, useSaveOutcome } from '../../../ui/FormModal.tsx';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { useMe } from '../../auth/api.ts';
import { useAccounts, useExecution, useFundSetup, useSetBudget, yuan } from '../api.ts';

type Row = FundExecution['rows'][number];
const toYuan = (fen: string) => Number(BigInt(fen)) / 100;

/** Budget execution of a community's year per category: budget against spent, as a chart and a table. */
export function BudgetPage() {
  const { t } = useTranslation();
  const mayWrite = !!useMe().data?.permissions.includes('fund:write');
  const setup = useFundSetup();
  const accounts = useAccounts();
  const communities = [...new Map((accounts.data ?? []).map((a) => [a.placeId, a.placeName])).entries()];
  const [chosen, setChosen] = useState<string>();
  const placeId = chosen ?? communities[0]?.[0];
  const [year, setYear] = useState(dayjs().year());
  const execution = useExecution(placeId, year);
  const [editing, setEditing] = useState(false);
  const rows = useMemo(
    () => (execution.data?.rows ?? []).filter((r) => !r.category.endsWith('_income')),
    [execution.data],
  );
  const option: ChartOption = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { top: 0, data: [t('funds.budget.budget'), t('funds.budget.spent')] },
      grid: { left: 8, right: 8, top: 48, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: rows.map((r) => setup.category(r.category)) },
      yAxis: { type: 'value', name: t('funds.budget.yuan') },
      series: [
        { name: t('funds.budget.budget'), type: 'bar', data: rows.map((r) => toYuan(r.budgetFen)) },
        { name: t('funds.budget.spent'), type: 'bar', data: rows.map((r) => toYuan(r.spentFen)) },
      ],
    }),
    [rows, setup, t],
  );
  return (
    <>
      <PageHeader
        title={t('funds.budget.title')}
        extra={
          mayWrite &&
          placeId && (
            <Button type="primary" onClick={() => setEditing(true)} data-testid="budget-set">
              {t('funds.budget.set')}
            </Button>
          )
        }
      />
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          style={{ width: 200 }}
          value={placeId}
          onChange={setChosen}
          placeholder={t('funds.accounts.community')}
          options={communities.map(([id, name]) => ({ value: id, label: name }))}
        />
        <Select
          style={{ width: 100 }}
          value={year}
          onChange={setYear}
          options={[0, 1, 2].map((k) => ({ value: dayjs().year() - k, label: String(dayjs().year() - k) }))}
        />
      </Space>
      {execution.error ? (
        <ErrorView error={execution.error} />
      ) : (
        <>
          <EChart option={option} height={320} testId="budget-chart" />
          <Table<Row>
            rowKey="category"
            size="small"
            pagination={false}
            scroll={{ x: true }}
            loading={execution.isLoading}
            dataSource={rows}
            data-testid="budget-table"
            columns={[
              {
                title: t('funds.entry.category'),
                dataIndex: 'category',
                render: (c: string) => setup.category(c),
              },
              {
                title: t('funds.budget.budget'),
                dataIndex: 'budgetFen',
                align: 'right',
                render: (f: string) => `¥${yuan(f)}`,
              },
              {
                title: t('funds.budget.spent'),
                dataIndex: 'spentFen',
                align: 'right',
                render: (f: string) => `¥${yuan(f)}`,
              },
              {
                title: t('funds.budget.rate'),
                dataIndex: 'executionPct',
                align: 'right',
                render: (p: number | null) => (p === null ? '—' : `${p}%`),
              },
            ]}
          />
        </>
      )}
      {editing && placeId && <BudgetModal placeId={placeId} year={year} onClose={() => setEditing(false)} />}
    </>
  );
}

function BudgetModal({ placeId, year, onClose }: { placeId: string; year: number; onClose(): void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ category: Row['category']; amountYuan: number }>();
  const save = useSetBudget();
  const setup = useFundSetup();
  const outcome = useSaveOutcome(
    form,
    { saved: t('funds.budget.saved'), stale: t('funds.budget.saved') },
    onClose,
  );
  const required = (key: string) => [{ required: true, message: t('common.required', { field: t(key) }) }];
  return (
    <FormModal
      title={t('funds.budget.set')}
      form={form}
      saving={save.isPending}
      saveTestId="budget-save"
      onClose={onClose}
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) =>
          save.mutate(
            { placeId, year, category: v.category, amountFen: Math.round(v.amountYuan * 100) },
            outcome,
          )
        }
      >
        <Form.Item name="category" label={t('funds.entry.category')} rules={required('funds.entry.category')}>
          <Select
            options={FUND_CATEGORIES.filter((c) => !c.endsWith('_income')).map((c) => ({
              value: c,
              label: setup.category(c),
            }))}
          />
        </Form.Item>
        <Form.Item
          name="amountYuan"
          label={t('funds.budget.amountYuan')}
          rules={required('funds.budget.amountYuan')}
        >
          <InputNumber min={0} precision={2} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
