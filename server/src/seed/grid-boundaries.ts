import type { Database } from '../db/client.ts';
import type { GeneratedCommunity } from './registry.ts';
import type { Rng } from './rng.ts';

type Position = [number, number];

/** A city block of about 300 m × 280 m at these latitudes, in degrees. */
const CELL = { lon: 0.003, lat: 0.0025 };
const round = (v: number) => Math.round(v * 1e6) / 1e6;

/**
 * Rectangles tiling a community, one a grid, on a lattice whose inner corners are nudged so the
 * blocks look drawn rather than ruled; neighbouring grids share their corners, so nothing overlaps.
 * The community sits somewhere in the Guizhou–Yunnan plateau, where most relocation sites are.
 */
export function gridPolygons(rng: Rng, grids: number): Position[][][] {
  const cols = Math.ceil(Math.sqrt(grids));
  const rows = Math.ceil(grids / cols);
  const origin = { lon: 104 + rng.next() * 4, lat: 25 + rng.next() * 3 };
  const corner = Array.from({ length: rows + 1 }, (_, r) =>
    Array.from({ length: cols + 1 }, (_, c): Position => {
      const inner = r > 0 && r < rows && c > 0 && c < cols;
      const nudge = () => (inner ? (rng.next() - 0.5) * 0.4 : 0);
      return [
        round(origin.lon + (c + nudge()) * CELL.lon),
        round(origin.lat + (rows - r + nudge()) * CELL.lat),
      ];
    }),
  );
  return Array.from({ length: grids }, (_, i) => {
    const [r, c] = [Math.floor(i / cols), i % cols];
    const ring = [corner[r][c], corner[r][c + 1], corner[r + 1][c + 1], corner[r + 1][c], corner[r][c]];
    return [ring];
  });
}

/**
 * Points for `count` buildings inside a grid's ring: rows and columns over the middle of its
 * bounding box, kept clear of the nudged edges so each building lies inside its grid.
 */
export function buildingPoints(ring: Position[], count: number): Position[] {
  const lons = ring.map((p) => p[0]);
  const lats = ring.map((p) => p[1]);
  const [west, east, south, north] = [
    Math.min(...lons),
    Math.max(...lons),
    Math.min(...lats),
    Math.max(...lats),
  ];
  const cols = Math.ceil(Math.sqrt(count));
  const rows = Math.ceil(count / cols);
  // the inner corners move by at most a fifth of a cell, so the middle three fifths are always inside
  const inset = { lon: (east - west) * 0.25, lat: (north - south) * 0.25 };
  const step = (span: number, n: number) => (n > 1 ? span / (n - 1) : 0);
  const dx = step(east - west - 2 * inset.lon, cols);
  const dy = step(north - south - 2 * inset.lat, rows);
  return Array.from({ length: count }, (_, i) => {
    const [r, c] = [Math.floor(i / cols), i % cols];
    const lon = cols > 1 ? west + inset.lon + c * dx : (west + east) / 2;
    const lat = rows > 1 ? north - inset.lat - r * dy : (north + south) / 2;
    return [round(lon), round(lat)];
  });
}

const csv = (v: string | number) => `"${String(v).replace(/"/g, '""')}"`;

/** Boundaries for the grids of the seeded communities in one bulk load, and their buildings' points in one update. */
export async function seedGridBoundaries(database: Database, rng: Rng, communities: GeneratedCommunity[]) {
  const lines: string[] = [];
  const buildings: { ids: number[]; lngs: number[]; lats: number[] } = { ids: [], lngs: [], lats: [] };
  for (const community of communities) {
    const polygons = gridPolygons(rng.fork(community.code), community.grids.length);
    community.grids.forEach((grid, i) => {
      const geometry = { type: 'Polygon', coordinates: polygons[i] };
      lines.push([grid.id, JSON.stringify(geometry), polygons[i][0].length].map(csv).join(','));
      buildingPoints(polygons[i][0], grid.buildings.length).forEach(([lng, lat], k) => {
        buildings.ids.push(grid.buildings[k].id);
        buildings.lngs.push(lng);
        buildings.lats.push(lat);
      });
    });
  }
  if (lines.length)
    await database.copy('grid_boundaries', ['grid_id', 'geometry', 'points'], `${lines.join('\n')}\n`);
  if (buildings.ids.length)
    await database.query(
      `UPDATE places p SET lng = b.lng, lat = b.lat
         FROM (SELECT unnest($1::bigint[]) AS id, unnest($2::float8[]) AS lng, unnest($3::float8[]) AS lat) b
        WHERE p.id = b.id`,
      [buildings.ids, buildings.lngs, buildings.lats],
    );
  return lines.length;
}
