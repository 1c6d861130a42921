import { useMemo } from 'react';
import { EChart, type ChartInstance, type ChartOption } from '../../../ui/EChart.tsx';

interface Props {
  items: { code: string; count: number }[];
  label: (code: string) => string;
  color: string | ((code: string) => string);
  testId: string;
  /** Called with the code of the bar tapped. */
  onPick?: (code: string) => void;
}

/** Counts as horizontal bars, the first item on top, each labelled with its number. */
export function CountBars({ items, label, color, testId, onPick }: Props) {
  const option: ChartOption = useMemo(
    () => ({
      grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: {
        type: 'category',
        inverse: true,
        data: items.map((i) => label(i.code)),
        axisLabel: { width: 140, overflow: 'truncate' },
      },
      series: [
        {
          type: 'bar',
          barMaxWidth: 22,
          label: { show: true, position: 'right' },
          data: items.map((i) => ({
            value: i.count,
            itemStyle: { color: typeof color === 'string' ? color : color(i.code) },
          })),
        },
      ],
    }),
    [items, label, color],
  );
  const onReady = useMemo(
    () =>
      onPick
        ? (chart: ChartInstance) => {
            chart.on('click', (p) => onPick(items[p.dataIndex].code));
            return () => chart.off('click');
          }
        : undefined,
    [items, onPick],
  );
  return (
    <EChart
      option={option}
      onReady={onReady}
      height={Math.max(160, 36 * items.length + 24)}
      testId={testId}
    />
  );
}
