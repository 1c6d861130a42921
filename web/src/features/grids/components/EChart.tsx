import { CustomChart, MapChart, TreeChart } from 'echarts/charts';
import {
  GeoComponent,
  GraphicComponent,
  TooltipComponent,
  VisualMapPiecewiseComponent,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef, type CSSProperties } from 'react';

echarts.use([
  MapChart,
  TreeChart,
  CustomChart,
  GeoComponent,
  GraphicComponent,
  TooltipComponent,
  VisualMapPiecewiseComponent,
  CanvasRenderer,
]);

interface Props {
  option: echarts.EChartsCoreOption;
  /** Called once with the chart after it is created, to bind events; its return value undoes them. */
  onReady?: (chart: echarts.ECharts) => void | (() => void);
  /** Replace the whole option instead of merging into the last one. */
  notMerge?: boolean;
  style?: CSSProperties;
  testId?: string;
}

/** An ECharts instance (the map, tree and custom charts only, to keep the bundle small) bound to a div: created once, resized with its box, disposed on unmount. */
export function EChart({ option, onReady, notMerge, style, testId }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
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
    chart.current?.setOption(option, { notMerge });
  }, [option, notMerge]);

  return <div ref={box} data-testid={testId} style={{ width: '100%', height: 360, ...style }} />;
}
