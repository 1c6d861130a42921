import { GRID_MAX_POINTS, type GridBoundary } from '@anju/contracts';
import { invalid } from '../../platform/errors.ts';

type Position = [number, number];

/** The polygons of a boundary, each a list of rings, with the field path of each. */
function polygonsOf(b: GridBoundary): { at: string; rings: Position[][] }[] {
  return b.type === 'Polygon'
    ? [{ at: 'boundary.coordinates', rings: b.coordinates }]
    : b.coordinates.map((rings, i) => ({ at: `boundary.coordinates.${i}`, rings }));
}

/**
 * Checks what zod cannot: WGS84 ranges (longitude −180…180, latitude −90…90), closed rings (the
 * last position repeats the first) and at most GRID_MAX_POINTS positions in all. Returns the count.
 */
export function checkBoundary(b: GridBoundary): number {
  let points = 0;
  for (const { at, rings } of polygonsOf(b)) {
    rings.forEach((ring, r) => {
      ring.forEach(([lon, lat], p) => {
        if (lon < -180 || lon > 180) throw invalid(`${at}.${r}.${p}`, 'longitude must be within -180…180');
        if (lat < -90 || lat > 90) throw invalid(`${at}.${r}.${p}`, 'latitude must be within -90…90');
      });
      const [first, last] = [ring[0], ring[ring.length - 1]];
      if (first[0] !== last[0] || first[1] !== last[1])
        throw invalid(`${at}.${r}`, 'a ring must end where it starts');
      if (new Set(ring.map((p) => `${p[0]},${p[1]}`)).size < 3)
        throw invalid(`${at}.${r}`, 'a ring needs at least three distinct positions');
      points += ring.length;
    });
  }
  if (points > GRID_MAX_POINTS)
    throw invalid('boundary', 'at most {{max}} points, found {{points}}', { max: GRID_MAX_POINTS, points });
  return points;
}

/** Whether a ring (as [lon, lat] positions) holds the point, by the even–odd rule. */
function inRing(ring: Position[], lon: number, lat: number) {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Whether a boundary holds the point: inside an outer ring and outside that polygon's holes. */
export function boundaryContains(b: GridBoundary, lat: number, lon: number): boolean {
  return polygonsOf(b).some(
    ({ rings }) => inRing(rings[0], lon, lat) && !rings.slice(1).some((hole) => inRing(hole, lon, lat)),
  );
}

const EARTH_METRES = 6_371_000;

/** Metres from the point to the nearest edge of a boundary (equirectangular, fine at a few km). */
export function metresToBoundary(b: GridBoundary, lat: number, lon: number): number {
  const k = Math.cos((lat * Math.PI) / 180);
  const xy = ([x, y]: Position) => [(x - lon) * k, y - lat];
  let best = Infinity;
  for (const { rings } of polygonsOf(b))
    for (const ring of rings)
      for (let i = 1; i < ring.length; i++) {
        const [ax, ay] = xy(ring[i - 1]);
        const [bx, by] = xy(ring[i]);
        const [dx, dy] = [bx - ax, by - ay];
        const len = dx * dx + dy * dy;
        const s = len ? Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len)) : 0;
        best = Math.min(best, Math.hypot(ax + s * dx, ay + s * dy));
      }
  return (best * Math.PI * EARTH_METRES) / 180;
}
