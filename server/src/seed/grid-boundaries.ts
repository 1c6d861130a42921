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

const csv = (v: string | number) => `"${String(v).replace(/"/g, '""')}"`;

/** Boundaries for the grids of the seeded communities, in one bulk load. */
export async function seedGridBoundaries(database: Database, rng: Rng, communities: GeneratedCommunity[]) {
  const lines: string[] = [];
  for (const community of communities) {
    const polygons = gridPolygons(rng.fork(community.code), community.grids.length);
    community.grids.forEach((grid, i) => {
      const geometry = { type: 'Polygon', coordinates: polygons[i] };
      lines.push([grid.id, JSON.stringify(geometry), polygons[i][0].length].map(csv).join(','));
    });
  }
  if (lines.length)
    await database.copy('grid_boundaries', ['grid_id', 'geometry', 'points'], `${lines.join('\n')}\n`);
  return lines.length;
}
