import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { EChart, type ChartOption } from '../../../ui/EChart.tsx';
import type { CoverageRow } from '../api.ts';

/** Coverage per grid or grid worker as horizontal bars: visits made against visits due, rate in the label. */
export function CoverageChart({ rows, testId }: { rows: CoverageRow[]; testId: string }) {
  const { t } = useTranslation();
  const option = useMemo<ChartOption>(() => {
    const shown = [...rows].reverse();
    const percent = (r: CoverageRow) =>
      r.rate === null ? t('visits.coverage.nothingDue') : `${Math.round(r.rate * 100)}%`;
    return {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0 },
      grid: { left: 8, right: 48, top: 32, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: {
        type: 'category',
        data: shown.map((r) => r.name),
        axisLabel: { width: 96, overflow: 'truncate' },
      },
      series: [
        {
          name: t('visits.coverage.due'),
          type: 'bar',
          barMaxWidth: 24,
          data: shown.map((r) => r.due),
          itemStyle: { color: '#d9d9d9' },
        },
        {
          name: t('visits.coverage.visited'),
          type: 'bar',
          barGap: '-100%',
          barMaxWidth: 24,
          data: shown.map((r) => r.visited),
          itemStyle: { color: '#1677ff' },
          label: {
            show: true,
            position: 'right',
            formatter: ({ dataIndex }: { dataIndex: number }) => percent(shown[dataIndex]),
          },
        },
      ],
    };
  }, [rows, t]);
  return <EChart option={option} height={Math.max(160, rows.length * 36 + 60)} testId={testId} />;
}
