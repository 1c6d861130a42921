import type { MonitoringOverview } from '@anju/contracts';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { EChart, type ChartOption } from '../../../ui/EChart.tsx';

const CASES = [
  ['monitored', '#1677ff'],
  ['identified', '#fa8c16'],
  ['eliminated', '#52c41a'],
] as const;

/**
 * Month by month: households monitored at month end, cases identified and eliminated as lines; leads
 * raised as bars on their own axis (a screening run raises many at once).
 */
export function OverviewTrend({ trend }: { trend: MonitoringOverview['trend'] }) {
  const { t } = useTranslation();
  const option: ChartOption = useMemo(
    () => ({
      grid: { left: 8, right: 8, top: 40, bottom: 8, containLabel: true },
      legend: { top: 0, type: 'scroll' },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: trend.map((p) => p.month) },
      yAxis: [
        { type: 'value', minInterval: 1 },
        { type: 'value', minInterval: 1, splitLine: { show: false } },
      ],
      series: [
        {
          type: 'bar',
          name: t('monitoringOverview.trend.leads'),
          yAxisIndex: 1,
          data: trend.map((p) => p.leads),
          itemStyle: { color: '#d9d9d9' },
          barMaxWidth: 24,
        },
        ...CASES.map(([key, color]) => ({
          type: 'line',
          name: t(`monitoringOverview.trend.${key}`),
          data: trend.map((p) => p[key]),
          itemStyle: { color },
          lineStyle: { color, width: key === 'monitored' ? 3 : 2 },
        })),
      ],
    }),
    [trend, t],
  );
  return <EChart option={option} height={300} testId="overview-trend-chart" />;
}
