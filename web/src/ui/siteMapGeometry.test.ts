import type { SiteMap } from '@anju/contracts';
import { describe, expect, it } from 'vitest';
import { gridAt, project, tilesOver, unproject, viewBoxOf, WORLD } from './siteMapGeometry.ts';

const square = (lng: number, lat: number) => ({
  type: 'Polygon' as const,
  coordinates: [
    [
      [lng, lat],
      [lng + 0.003, lat],
      [lng + 0.003, lat + 0.0025],
      [lng, lat + 0.0025],
      [lng, lat],
    ] as [number, number][],
  ],
});

const MAP: SiteMap = {
  community: { id: '1', name: '幸福社区' },
  grids: [
    { id: '2', name: '第一网格', boundary: square(104.1, 26.2), mine: true },
    { id: '3', name: '第二网格', boundary: square(104.103, 26.2), mine: false },
  ],
  buildings: [{ id: '4', name: '1栋', gridId: '2', point: { lng: 104.1015, lat: 26.201 }, version: 1 }],
  tiles: null,
};

describe('the site map geometry', () => {
  it('projects to Web Mercator and back within 10 cm', () => {
    const p = { lng: 104.123456, lat: 26.654321 };
    expect(unproject(project(p))).toEqual(p);
    expect(project({ lng: 0, lat: 0 })).toEqual([WORLD / 2, WORLD / 2]);
  });

  it('finds the grid a tapped point lies in, and none outside every grid', () => {
    expect(gridAt(MAP, { lng: 104.101, lat: 26.201 })?.id).toBe('2');
    expect(gridAt(MAP, { lng: 104.104, lat: 26.201 })?.id).toBe('3');
    expect(gridAt(MAP, { lng: 104.2, lat: 26.201 })).toBeUndefined();
  });

  it('frames every grid with a margin, and nothing when nothing has a place', () => {
    const box = viewBoxOf(MAP)!;
    const [west, north] = project({ lng: 104.1, lat: 26.2025 });
    expect(box.x).toBeLessThan(west);
    expect(box.y).toBeLessThan(north);
    expect(viewBoxOf({ ...MAP, grids: [], buildings: [] })).toBeUndefined();
  });

  it('covers the frame with a few tiles of one zoom', () => {
    const tiles = tilesOver(viewBoxOf(MAP)!);
    expect(tiles.length).toBeGreaterThan(0);
    expect(tiles.length).toBeLessThanOrEqual(9);
    expect(new Set(tiles.map((t) => t.z)).size).toBe(1);
  });
});
