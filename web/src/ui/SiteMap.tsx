import type { MapPoint, SiteMap as SiteMapData } from '@anju/contracts';
import { Empty } from 'antd';
import { useRef, type MouseEvent } from 'react';
import { gridAt, project, projectedRings, tilesOver, unproject, viewBoxOf } from './siteMapGeometry.ts';

interface Props {
  map: SiteMapData;
  /** The building shown as chosen. */
  buildingId?: string;
  /** The point shown as chosen. */
  point?: MapPoint | null;
  /** A tap on a building; without it buildings are only shown. */
  onBuilding?(id: string): void;
  /** A tap elsewhere on the map, with the grid it lies in; without it taps do nothing. */
  onPoint?(point: MapPoint, gridId: string | undefined): void;
  /** Shown when nothing of the community has a place on the map yet. */
  emptyText: string;
  height?: number | string;
  testId?: string;
}

const COLOURS = {
  grid: '#f0f5ff',
  mine: '#d6e4ff',
  gridLine: '#597ef7',
  building: '#8c8c8c',
  chosen: '#fa541c',
  text: '#262626',
};

/**
 * A community drawn from Anju's own data — grid boundaries, buildings and their names — as SVG,
 * so it needs no tile server; a deployment's tiles, when configured, lie under it.
 */
export function SiteMap({
  map,
  buildingId,
  point,
  onBuilding,
  onPoint,
  emptyText,
  height = 360,
  testId,
}: Props) {
  const svg = useRef<SVGSVGElement>(null);
  const box = viewBoxOf(map);
  if (!box) return <Empty description={emptyText} />;
  const unit = Math.max(box.w, box.h) / 100;
  // drawn from the box's corner: browsers draw SVG in single precision, too coarse for world units
  const at = ([x, y]: [number, number]): [number, number] => [x - box.x, y - box.y];
  const mark = Math.max(unit * 2.2, 6);

  const tap = (e: MouseEvent<SVGSVGElement>) => {
    if (!onPoint || !svg.current) return;
    const ctm = svg.current.getScreenCTM();
    if (!ctm) return;
    const tapped = new DOMPoint(e.clientX, e.clientY).matrixTransform(ctm.inverse());
    const picked = unproject([tapped.x + box.x, tapped.y + box.y]);
    onPoint(picked, gridAt(map, picked)?.id);
  };

  return (
    <svg
      ref={svg}
      viewBox={`0 0 ${box.w} ${box.h}`}
      preserveAspectRatio="xMidYMid meet"
      style={{ width: '100%', height, background: '#fafafa', borderRadius: 8, touchAction: 'manipulation' }}
      onClick={tap}
      role="img"
      aria-label={map.community.name}
      data-testid={testId}
    >
      {map.tiles &&
        tilesOver(box).map((t) => (
          <image
            key={`${t.z}/${t.x}/${t.y}`}
            href={map
              .tiles!.replace('{z}', String(t.z))
              .replace('{x}', String(t.x))
              .replace('{y}', String(t.y))}
            x={t.x * t.size - box.x}
            y={t.y * t.size - box.y}
            width={t.size}
            height={t.size}
            opacity={0.7}
          />
        ))}
      {map.grids.map(
        (g) =>
          g.boundary && (
            <g key={g.id} data-testid={`map-grid-${g.id}`}>
              {projectedRings(g.boundary)
                .map((ring) => ring.map(at))
                .map((ring, i) => (
                  <polygon
                    key={i}
                    points={ring.map((p) => p.join(',')).join(' ')}
                    fill={g.mine ? COLOURS.mine : COLOURS.grid}
                    fillOpacity={map.tiles ? 0.45 : 1}
                    stroke={COLOURS.gridLine}
                    strokeWidth={1.5}
                    vectorEffect="non-scaling-stroke"
                  />
                ))}
              <GridName
                rings={projectedRings(g.boundary).map((r) => r.map(at))}
                name={g.name}
                size={unit * 3.2}
              />
            </g>
          ),
      )}
      {map.buildings.map((b) => {
        if (!b.point) return null;
        const [x, y] = at(project(b.point));
        const chosen = b.id === buildingId;
        return (
          <g
            key={b.id}
            onClick={(e) => {
              if (!onBuilding) return;
              e.stopPropagation();
              onBuilding(b.id);
            }}
            style={{ cursor: onBuilding ? 'pointer' : undefined }}
            data-testid={`map-building-${b.id}`}
            aria-label={b.name}
          >
            <rect
              x={x - mark}
              y={y - mark}
              width={mark * 2}
              height={mark * 2}
              rx={mark / 4}
              fill={chosen ? COLOURS.chosen : COLOURS.building}
              stroke="#fff"
              strokeWidth={1}
              vectorEffect="non-scaling-stroke"
            />
            <text
              x={x}
              y={y + mark * 2.3}
              fontSize={unit * 2.6}
              textAnchor="middle"
              fill={COLOURS.text}
              fontWeight={chosen ? 600 : 400}
              style={{ pointerEvents: 'none' }}
            >
              {b.name}
            </text>
          </g>
        );
      })}
      {point && <Pin at={at(project(point))} size={unit * 3} />}
    </svg>
  );
}

function GridName({ rings, name, size }: { rings: [number, number][][]; name: string; size: number }) {
  const ring = rings[0].slice(0, -1);
  const x = ring.reduce((s, p) => s + p[0], 0) / ring.length;
  // under the lower of its two top corners, so a slanted top edge never crosses the name
  const top = ring.map((p) => p[1]).sort((a, b) => a - b)[Math.min(1, ring.length - 1)];
  return (
    <text
      x={x}
      y={top + size * 1.4}
      fontSize={size}
      textAnchor="middle"
      fill={COLOURS.gridLine}
      fontWeight={600}
      style={{ pointerEvents: 'none' }}
    >
      {name}
    </text>
  );
}

function Pin({ at: [x, y], size }: { at: [number, number]; size: number }) {
  return (
    <g data-testid="map-point" style={{ pointerEvents: 'none' }}>
      <path
        d={`M${x},${y} l${-size / 2},${-size} a${size / 2},${size / 2} 0 1 1 ${size},0 z`}
        fill={COLOURS.chosen}
        stroke="#fff"
        strokeWidth={1.5}
        vectorEffect="non-scaling-stroke"
      />
      <circle cx={x} cy={y - size * 1.05} r={size / 5} fill="#fff" />
    </g>
  );
}
