import type { GridBoundary, MapPoint, SiteMap } from '@anju/contracts';

/** Web Mercator scaled to this many units a world, so a community spans a few thousand units. */
export const WORLD = 2 ** 26;

/** Longitude and latitude to Web Mercator units (x east, y south), the projection map tiles use. */
export function project({ lng, lat }: MapPoint): [number, number] {
  const s = Math.sin((lat * Math.PI) / 180);
  return [((lng + 180) / 360) * WORLD, (0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI)) * WORLD];
}

/** Web Mercator units back to longitude and latitude, rounded to about 10 cm. */
export function unproject([x, y]: [number, number]): MapPoint {
  const lng = (x / WORLD) * 360 - 180;
  const lat = (Math.atan(Math.sinh(Math.PI * (1 - (2 * y) / WORLD))) * 180) / Math.PI;
  const round = (v: number) => Math.round(v * 1e6) / 1e6;
  return { lng: round(lng), lat: round(lat) };
}

const ringsOf = (b: GridBoundary) => (b.type === 'Polygon' ? b.coordinates : b.coordinates.flat());

/** The outer rings of a boundary, as projected points. */
export const projectedRings = (b: GridBoundary) =>
  ringsOf(b).map((ring) => ring.map(([lng, lat]) => project({ lng, lat })));

/** The box around every grid and building of a map, with a margin; undefined when nothing has a place yet. */
export function viewBoxOf(map: SiteMap) {
  const points = [
    ...map.grids.flatMap((g) => (g.boundary ? projectedRings(g.boundary).flat() : [])),
    ...map.buildings.flatMap((b) => (b.point ? [project(b.point)] : [])),
  ];
  if (points.length === 0) return undefined;
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const pad = Math.max(maxX - minX, maxY - minY, 40) * 0.08;
  return { x: minX - pad, y: minY - pad, w: maxX - minX + 2 * pad, h: maxY - minY + 2 * pad };
}

/** Whether a point lies inside a grid's boundary (ray casting over its rings). */
export function inBoundary(point: MapPoint, b: GridBoundary): boolean {
  let inside = false;
  for (const ring of ringsOf(b)) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i];
      const [xj, yj] = ring[j];
      if (yi > point.lat !== yj > point.lat && point.lng < ((xj - xi) * (point.lat - yi)) / (yj - yi) + xi)
        inside = !inside;
    }
  }
  return inside;
}

/** The grid a point of the map lies in, if any. */
export const gridAt = (map: SiteMap, point: MapPoint) =>
  map.grids.find((g) => g.boundary && inBoundary(point, g.boundary));

/** The tiles of zoom `z` covering a box of projected units, for a deployment's tile source. */
export function tilesOver(box: { x: number; y: number; w: number; h: number }) {
  const z = Math.max(0, Math.min(19, Math.floor(Math.log2(WORLD / box.w)) + 1));
  const size = WORLD / 2 ** z;
  const tiles: { z: number; x: number; y: number; size: number }[] = [];
  for (let x = Math.floor(box.x / size); x * size < box.x + box.w; x++)
    for (let y = Math.floor(box.y / size); y * size < box.y + box.h; y++) tiles.push({ z, x, y, size });
  return tiles;
}
