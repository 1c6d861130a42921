import type { GridMapItem } from '@anju/contracts';
import * as echarts from 'echarts/core';
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { viewOf, type Position } from '../geometry.ts';
import { EChart } from '../../../ui/EChart.tsx';

/** The shape being drawn or edited: its vertices, and whether the ring is closed yet. */
export interface Draft {
  vertices: Position[];
  closed: boolean;
}

interface Props {
  mapName: string;
  items: GridMapItem[];
  norm: { min: number; max: number };
  selectedId?: string;
  draft?: Draft;
  onSelect(id: string): void;
  /** A click on the map while drawing, in longitude/latitude. */
  onPoint(p: Position): void;
  onDragStart(): void;
  onMoveVertex(index: number, p: Position): void;
  /** A click on the first vertex of an open ring with three or more. */
  onClose(): void;
}

export const SIZE_COLOURS = { under: '#faad14', within: '#52c41a', over: '#f5222d' } as const;
const NEAR_VERTEX_PX = 10;

/**
 * The grids of a community as a GeoJSON map coloured by households against the norm, with the
 * shape being drawn on top: its vertices can be dragged, and clicks add vertices.
 */
export function GridMapChart(props: Props) {
  const { mapName, items, norm, selectedId, draft } = props;
  const { t } = useTranslation();
  const chart = useRef<echarts.ECharts | null>(null);
  const handlers = useRef(props);
  handlers.current = props;

  const option = useMemo(() => {
    const drawn = items.filter((g) => g.boundary);
    echarts.registerMap(mapName, {
      type: 'FeatureCollection',
      features: drawn.map((g) => ({ type: 'Feature', properties: { name: g.id }, geometry: g.boundary! })),
    } as Parameters<typeof echarts.registerMap>[1]);
    const byId = new Map(items.map((g) => [g.id, g]));
    return {
      tooltip: {
        trigger: 'item',
        formatter: (p: { name: string }) => {
          const g = byId.get(p.name);
          return g ? `${g.name}<br/>${t('grids.householdCount', { count: g.households })}` : '';
        },
      },
      visualMap: {
        type: 'piecewise',
        seriesIndex: 0,
        orient: 'horizontal',
        left: 'center',
        bottom: 0,
        pieces: [
          { lt: norm.min, label: t('grids.size.under', norm), color: SIZE_COLOURS.under },
          { gte: norm.min, lte: norm.max, label: t('grids.size.within', norm), color: SIZE_COLOURS.within },
          { gt: norm.max, label: t('grids.size.over', norm), color: SIZE_COLOURS.over },
        ],
      },
      geo: {
        map: mapName,
        roam: !draft,
        boundingCoords: viewOf(drawn.map((g) => g.boundary!)),
        selectedMode: false,
        label: { show: true, formatter: (p: { name: string }) => byId.get(p.name)?.name ?? '', fontSize: 11 },
        itemStyle: { borderColor: '#595959', borderWidth: 1 },
        emphasis: { label: { show: true }, itemStyle: { areaColor: undefined, borderWidth: 2 } },
        regions: selectedId
          ? [{ name: selectedId, itemStyle: { borderColor: '#1677ff', borderWidth: 3 } }]
          : [],
      },
      series: [
        {
          type: 'map',
          geoIndex: 0,
          data: drawn.map((g) => ({ name: g.id, value: g.households })),
        },
        {
          type: 'custom',
          coordinateSystem: 'geo',
          silent: true,
          z: 10,
          data: draft?.vertices.length ? [0] : [],
          renderItem: (_: unknown, api: { coord(p: Position): number[] }) => {
            const points = (draft?.vertices ?? []).map((v) => api.coord(v));
            return draft?.closed
              ? {
                  type: 'polygon',
                  shape: { points },
                  style: { fill: 'rgba(22,119,255,0.25)', stroke: '#1677ff', lineWidth: 2 },
                }
              : {
                  type: 'polyline',
                  shape: { points },
                  style: { stroke: '#1677ff', lineWidth: 2, lineDash: [6, 4] },
                };
          },
        },
      ],
    };
  }, [mapName, items, norm, selectedId, draft, t]);

  // The draggable vertices, placed in pixels after the map has laid itself out.
  useEffect(() => {
    const instance = chart.current;
    if (!instance) return;
    const elements = (draft?.vertices ?? []).map((v, i) => ({
      type: 'circle',
      id: `vertex-${i}`,
      x: instance.convertToPixel({ geoIndex: 0 }, v)[0],
      y: instance.convertToPixel({ geoIndex: 0 }, v)[1],
      shape: { r: 6 },
      style: { fill: i === 0 ? '#1677ff' : '#fff', stroke: '#1677ff', lineWidth: 2 },
      draggable: true,
      z: 100,
      ondragstart() {
        handlers.current.onDragStart();
      },
      ondrag(this: { x: number; y: number }) {
        const p = instance.convertFromPixel({ geoIndex: 0 }, [this.x, this.y]) as Position;
        handlers.current.onMoveVertex(i, p);
      },
    }));
    instance.setOption({ graphic: elements }, { replaceMerge: ['graphic'] });
  }, [draft, option]);

  const bind = (instance: echarts.ECharts) => {
    chart.current = instance;
    instance.on('click', { seriesType: 'map' }, (p) => {
      if (!handlers.current.draft) handlers.current.onSelect((p as { name: string }).name);
    });
    const zr = instance.getZr();
    const click = (e: { offsetX: number; offsetY: number }) => {
      const current = handlers.current.draft;
      if (!current) return;
      const near = current.vertices.findIndex((v) => {
        const [x, y] = instance.convertToPixel({ geoIndex: 0 }, v);
        return Math.hypot(x - e.offsetX, y - e.offsetY) < NEAR_VERTEX_PX;
      });
      if (near === 0 && !current.closed && current.vertices.length >= 3) return handlers.current.onClose();
      if (near >= 0) return;
      handlers.current.onPoint(
        instance.convertFromPixel({ geoIndex: 0 }, [e.offsetX, e.offsetY]) as Position,
      );
    };
    zr.on('click', click);
    return () => zr.off('click', click);
  };

  return <EChart option={option} onReady={bind} merge testId="grid-map" height={480} />;
}
