import type { KpiKey, KpiRow } from '@anju/contracts';
import { Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { chartValue } from '../format.ts';
import { EChart, type ChartOption } from '../../../ui/EChart.tsx';

/** The chart shows the best and worst this many groups; the table lists them all. */
const SHOWN = 20;

/** A bar per grid, community, township or department for one KPI, best first. */
export function BreakdownChart({
  rows,
  kpi,
  nameOf,
}: {
  rows: KpiRow[];
  kpi: KpiKey;
  nameOf: (r: KpiRow) => string;
}) {
  const { t } = useTranslation();
  const measured = useMemo(
    () =>
      rows
        .map((r) => ({ name: nameOf(r), value: chartValue(kpi, r) }))
        .filter((r): r is { name: string; value: number } => r.value !== null)
        .sort((a, b) => b.value - a.value),
    [rows, kpi, nameOf],
  );
  const shown = useMemo(
    () =>
      measured.length > SHOWN ? [...measured.slice(0, SHOWN / 2), ...measured.slice(-SHOWN / 2)] : measured,
    [measured],
  );
  const rate = kpi.endsWith('Rate');
  const option: ChartOption = useMemo(
    () => ({
      grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        valueFormatter: (v: number) => (rate ? `${v}%` : String(v)),
      },
      xAxis: {
        type: 'value',
        max: rate ? 100 : undefined,
        axisLabel: { formatter: rate ? '{value}%' : '{value}' },
      },
      yAxis: {
        type: 'category',
        inverse: true,
        data: shown.map((r) => r.name),
        axisLabel: { width: 96, overflow: 'truncate' },
      },
      series: [
        {
          type: 'bar',
          name: t(`kpi.keys.${kpi}`),
          data: shown.map((r) => r.value),
          label: { show: true, position: 'right', formatter: rate ? '{c}%' : '{c}' },
          itemStyle: { color: kpi === 'overdueOpen' ? '#cf1322' : '#1677ff' },
          barMaxWidth: 18,
        },
      ],
    }),
    [shown, rate, kpi, t],
  );
  if (measured.length === 0) return <Typography.Text type="secondary">{t('kpi.noFigures')}</Typography.Text>;
  return (
    <>
      <EChart option={option} height={Math.max(160, shown.length * 28 + 24)} testId="kpi-bar-chart" />
      {shown.length < measured.length && (
        <Typography.Text type="secondary">
          {t('kpi.chartClipped', { shown: shown.length, total: measured.length })}
        </Typography.Text>
      )}
    </>
  );
}
