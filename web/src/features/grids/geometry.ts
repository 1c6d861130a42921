import type { GridBoundary } from '@anju/contracts';

export type Position = [number, number];

/** Where a new community's map starts when none of its grids has a boundary yet. */
const DEFAULT_CENTRE: Position = [106.63, 26.65];

/** The outer ring of a boundary's first polygon, without the repeated closing position. */
export function outerRing(boundary: GridBoundary): Position[] {
  const ring = boundary.type === 'Polygon' ? boundary.coordinates[0] : boundary.coordinates[0][0];
  return ring.slice(0, -1).map(([lon, lat]) => [lon, lat]);
}

/** A GeoJSON polygon of the vertices, closed by repeating the first, rounded to about 10 cm. */
export function polygonOf(vertices: Position[]): GridBoundary {
  const round = (v: number) => Math.round(v * 1e6) / 1e6;
  const ring = vertices.map(([lon, lat]): Position => [round(lon), round(lat)]);
  return { type: 'Polygon', coordinates: [[...ring, ring[0]]] };
}

/** [[west, north], [east, south]] around all boundaries with a margin, for the map's view. */
export function viewOf(boundaries: GridBoundary[]): [Position, Position] {
  const all = boundaries.flatMap((b) =>
    (b.type === 'Polygon' ? [b.coordinates] : b.coordinates).flatMap((rings) => rings.flat()),
  );
  if (!all.length) {
    const [lon, lat] = DEFAULT_CENTRE;
    return [
      [lon - 0.006, lat + 0.005],
      [lon + 0.006, lat - 0.005],
    ];
  }
  const lons = all.map((p) => p[0]);
  const lats = all.map((p) => p[1]);
  const [w, e, s, n] = [Math.min(...lons), Math.max(...lons), Math.min(...lats), Math.max(...lats)];
  const pad = Math.max(e - w, n - s, 0.002) * 0.12;
  return [
    [w - pad, n + pad],
    [e + pad, s - pad],
  ];
}

function distanceToSegment(p: Position, a: Position, b: Position) {
  const [dx, dy] = [b[0] - a[0], b[1] - a[1]];
  const length = dx * dx + dy * dy;
  const t = length ? Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / length)) : 0;
  return Math.hypot(p[0] - (a[0] + t * dx), p[1] - (a[1] + t * dy));
}

/** Inserts a vertex into a closed ring on the edge nearest to it. */
export function insertVertex(vertices: Position[], p: Position): Position[] {
  let best = 0;
  let bestDistance = Infinity;
  vertices.forEach((a, i) => {
    const d = distanceToSegment(p, a, vertices[(i + 1) % vertices.length]);
    if (d < bestDistance) [best, bestDistance] = [i, d];
  });
  return [...vertices.slice(0, best + 1), p, ...vertices.slice(best + 1)];
}
