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
