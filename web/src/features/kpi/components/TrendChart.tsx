import type { KpiTrend } from '@anju/contracts';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { chartValue } from '../format.ts';
import { EChart, type ChartOption } from '../../../ui/EChart.tsx';

const RATES = ['timelyAcceptanceRate', 'onTimeClosureRate', 'satisfactionRate'] as const;

/** The three rates as lines over the weeks or months of the period, with the number reported as bars. */
export function TrendChart({ trend }: { trend: KpiTrend }) {
  const { t } = useTranslation();
  const option: ChartOption = useMemo(
    () => ({
      grid: { left: 8, right: 8, top: 40, bottom: 8, containLabel: true },
      legend: { top: 0, type: 'scroll' },
      tooltip: { trigger: 'axis' },
      xAxis: {
        type: 'category',
        data: trend.points.map((p) =>
          p.start.slice(trend.interval === 'month' ? 0 : 5, trend.interval === 'month' ? 7 : 10),
        ),
      },
      yAxis: [
        { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
        { type: 'value', min: 0, splitLine: { show: false } },
      ],
      series: [
        {
          type: 'bar',
          name: t('kpi.columns.reported'),
          yAxisIndex: 1,
          data: trend.points.map((p) => p.reported),
          itemStyle: { color: '#d9d9d9' },
          barMaxWidth: 24,
        },
        ...RATES.map((key) => ({
          type: 'line',
          name: t(`kpi.keys.${key}`),
          connectNulls: true,
          data: trend.points.map((p) => chartValue(key, p)),
          tooltip: { valueFormatter: (v: number | null) => (v === null || v === undefined ? '—' : `${v}%`) },
        })),
      ],
    }),
    [trend, t],
  );
  return <EChart option={option} height={300} testId="kpi-trend-chart" />;
}
