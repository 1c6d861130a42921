import type { HouseholdDetail, Income, IncomeAssessed } from '@anju/contracts';
import { Button, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useMe } from '../../auth/api.ts';
import { HouseholdCases } from '../../cases/index.ts';
import { useIncomes } from '../api.ts';
import { IncomeForm } from './IncomeForm.tsx';

/** The household's monitoring tab: its incomes year by year, entered and corrected by the residence side. */
export function HouseholdMonitoring({ household }: { household: HouseholdDetail }) {
  const { t } = useTranslation();
  const me = useMe().data;
  const incomes = useIncomes(household.id);
  const [editing, setEditing] = useState<Income | null | undefined>(undefined);
  const mayWrite = !!me?.permissions.includes('monitoring:write') && household.side !== 'hukou';
  const members = household.members.filter((m) => m.status === 'living').length;
  const yuan = (n: number) => n.toLocaleString(undefined, { maximumFractionDigits: 2 });

  return (
    <>
      <HouseholdCases householdId={household.id} />
      <Typography.Paragraph type="secondary">{t('monitoring.income.intro')}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 12 }}>
        {mayWrite && (
          // a new record takes a year not yet entered, known once the records are in
          <Button
            type="primary"
            onClick={() => setEditing(null)}
            disabled={!incomes.data}
            data-testid="income-add"
          >
            {t('monitoring.income.add')}
          </Button>
        )}
        <Link
          to={`/monitoring/leads?${new URLSearchParams({ q: household.householdNo, status: 'any' })}`}
          data-testid="household-leads"
        >
          {t('monitoring.income.leads')}
        </Link>
      </Space>
      <Table<IncomeAssessed>
        rowKey={(r) => `${r.year}-${r.period}`}
        loading={incomes.isLoading}
        dataSource={incomes.data ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        size="small"
        data-testid="income-table"
        columns={[
          { title: t('monitoring.income.year'), dataIndex: 'year' },
          {
            title: t('monitoring.income.period'),
            dataIndex: 'period',
            render: (p) => t(`monitoring.periods.${p}`),
          },
          { title: t('monitoring.income.netIncome'), dataIndex: 'netIncome', render: yuan },
          { title: t('monitoring.income.memberCount'), dataIndex: 'memberCount' },
          { title: t('monitoring.income.perCapitaNet'), dataIndex: 'perCapitaNet', render: yuan },
          {
            title: t('monitoring.income.assessed'),
            key: 'assessed',
            render: (_, r) => {
              const a = r.assessed;
              const method = t(`monitoring.partYear.${a.method}`);
              const part = a.months < 12;
              return (
                <Space size={4} data-testid={`income-assessed-${r.year}-${r.period}`}>
                  <Tooltip
                    title={part ? t(`monitoring.partYear.${a.method}Hint`, { months: a.months }) : undefined}
                  >
                    <span>
                      {yuan(a.perCapitaNet)} /{' '}
                      {a.line === null ? t('monitoring.income.noLine') : yuan(a.line)}
                      {part && <Typography.Text type="secondary">（{method}）</Typography.Text>}
                    </span>
                  </Tooltip>
                  {a.belowLine !== null && (
                    <Tag color={a.belowLine ? 'red' : 'green'}>
                      {t(a.belowLine ? 'monitoring.income.below' : 'monitoring.income.above')}
                    </Tag>
                  )}
                </Space>
              );
            },
          },
          {
            title: t('monitoring.income.rigid'),
            key: 'rigid',
            render: (_, r) => yuan(r.medicalExpense + r.schoolingExpense),
          },
          {
            title: t('monitoring.income.enteredBy'),
            dataIndex: 'enteredBy',
            render: (by: string | null) => by ?? '—',
          },
          ...(mayWrite
            ? [
                {
                  key: 'edit',
                  render: (_: unknown, r: Income) => (
                    <Button size="small" onClick={() => setEditing(r)} data-testid="income-edit">
                      {t('monitoring.edit')}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      {editing !== undefined && (
        <IncomeForm
          householdId={household.id}
          members={members}
          editing={editing}
          taken={(incomes.data ?? []).map((i) => `${i.year}-${i.period}`)}
          onClose={() => setEditing(undefined)}
        />
      )}
    </>
  );
}
