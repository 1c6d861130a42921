import { useMemo } from 'react';
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { EChart, type ChartOption } from '../../../ui/EChart.tsx';
import type { EmploymentFigures } from '../api.ts';

/** The last 12 months: labour force and employed as bars, the employment rate as a line. */
export function FiguresTrend({ trend }: { trend: EmploymentFigures['trend'] }) {
  const { t } = useTranslation();
  const option: ChartOption = useMemo(
    () => ({
      grid: { left: 8, right: 8, top: 40, bottom: 8, containLabel: true },
      legend: { top: 0, type: 'scroll' },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: trend.map((m) => m.month) },
      yAxis: [
        { type: 'value', min: 0, splitLine: { show: false } },
        { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
      ],
      series: [
        {
          type: 'bar',
          name: t('employment.figures.trend.labourForce'),
          data: trend.map((m) => m.labourForce),
          itemStyle: { color: '#d9d9d9' },
          barMaxWidth: 20,
        },
        {
          type: 'bar',
          name: t('employment.figures.trend.employed'),
          data: trend.map((m) => m.employed),
          barMaxWidth: 20,
        },
        { type: 'line', name: t('employment.figures.trend.exported'), data: trend.map((m) => m.exported) },
        {
          type: 'line',
          name: t('employment.figures.trend.workshopAndPost'),
          data: trend.map((m) => m.workshopAndPost),
        },
        {
          type: 'line',
          name: t('employment.figures.trend.rate'),
          yAxisIndex: 1,
          connectNulls: true,
          data: trend.map((m) => m.employmentRate),
          tooltip: { valueFormatter: (v: number | null) => (v === null || v === undefined ? '—' : `${v}%`) },
        },
      ],
    }),
    [trend, t],
  );
  return (
    <>
      <EChart option={option} height={300} testId="figures-trend" />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('employment.figures.trend.capacityNote')}
      </Typography.Text>
    </>
  );
}
