import { BarChart, CustomChart, LineChart, MapChart, PieChart, TreeChart } from 'echarts/charts';
import {
  DataZoomComponent,
  GeoComponent,
  GraphicComponent,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  VisualMapPiecewiseComponent,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef, type CSSProperties } from 'react';

echarts.use([
  BarChart,
  LineChart,
  PieChart,
  MapChart,
  TreeChart,
  CustomChart,
  GridComponent,
  GeoComponent,
  GraphicComponent,
  TooltipComponent,
  LegendComponent,
  DataZoomComponent,
  VisualMapPiecewiseComponent,
  CanvasRenderer,
]);

export type ChartOption = echarts.EChartsCoreOption;
export type ChartInstance = echarts.ECharts;

interface Props {
  option: ChartOption;
  /** Called once with the chart after it is created, to bind events; its return value undoes them. */
  onReady?: (chart: ChartInstance) => void | (() => void);
  /** Merge into the last option instead of replacing it. */
  merge?: boolean;
  height?: number;
  style?: CSSProperties;
  testId?: string;
}

/** An ECharts canvas bound to a div: created once, following its option and its box's size, disposed on unmount. */
export function EChart({ option, onReady, merge, height = 360, style, testId }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<ChartInstance | null>(null);
  const ready = useRef(onReady);
  ready.current = onReady;

  useEffect(() => {
    const instance = echarts.init(box.current!);
    chart.current = instance;
    const undo = ready.current?.(instance);
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(box.current!);
    return () => {
      undo?.();
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: !merge });
  }, [option, merge]);

  return <div ref={box} data-testid={testId} style={{ width: '100%', height, ...style }} />;
}
