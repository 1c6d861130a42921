import type { KpiGrouping, KpiKey, KpiRow } from '@anju/contracts';
import { Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { formatKpi } from '../format.ts';

const COUNTS = [
  'reported',
  'acceptedInTime',
  'closed',
  'closedOnTime',
  'fellDue',
  'callbacks',
  'satisfied',
] as const;
const SHOWN_KPIS: KpiKey[] = [
  'timelyAcceptanceRate',
  'onTimeClosureRate',
  'satisfactionRate',
  'averageHandlingHours',
  'overdueOpen',
];

/** Nulls (nothing to measure) sort below every figure. */
const byValue = (key: keyof KpiRow) => (a: KpiRow, b: KpiRow) =>
  ((a[key] as number | null) ?? -Infinity) - ((b[key] as number | null) ?? -Infinity);

/** Every group's counts and KPIs; each column sorts. */
export function BreakdownTable({
  rows,
  by,
  loading,
  nameOf,
}: {
  rows: KpiRow[];
  by: KpiGrouping;
  loading: boolean;
  nameOf: (r: KpiRow) => string;
}) {
  const { t } = useTranslation();
  const columns: ColumnsType<KpiRow> = [
    {
      title: t(`kpi.by.${by}`),
      key: 'name',
      fixed: 'left',
      width: 120,
      render: (_, r) => nameOf(r),
      sorter: (a, b) => nameOf(a).localeCompare(nameOf(b), 'zh-CN'),
    },
    ...SHOWN_KPIS.map((key) => ({
      title: t(`kpi.keys.${key}`),
      key,
      align: 'right' as const,
      render: (_: unknown, r: KpiRow) => formatKpi(key, r),
      sorter: byValue(key),
    })),
    ...COUNTS.map((key) => ({
      title: t(`kpi.columns.${key}`),
      dataIndex: key,
      key,
      align: 'right' as const,
      sorter: byValue(key),
    })),
  ];
  return (
    <Table<KpiRow>
      data-testid="kpi-table"
      rowKey="id"
      size="small"
      loading={loading}
      dataSource={rows}
      columns={columns}
      scroll={{ x: 'max-content' }}
      pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
    />
  );
}
