import { describe, expect, it } from 'vitest';
import { checkBoundary } from '../modules/grids/boundary.ts';
import { buildingPoints, gridPolygons } from './grid-boundaries.ts';
import { createRng } from './rng.ts';

describe('seeded grid boundaries', () => {
  it('tile a community with valid rings that share their corners', () => {
    const polygons = gridPolygons(createRng('c1'), 7);
    expect(polygons).toHaveLength(7);
    for (const coordinates of polygons) expect(checkBoundary({ type: 'Polygon', coordinates })).toBe(5);
    // grid 0's right edge is grid 1's left edge; grid 0's bottom edge is grid 3's top edge (3 columns)
    const [a, b, , d] = polygons.map((p) => p[0]);
    expect([a[1], a[2]]).toEqual([b[0], b[3]]);
    expect([a[3], a[2]]).toEqual([d[0], d[1]]);
  });

  it('are the same for the same seed and differ between communities', () => {
    expect(gridPolygons(createRng('c1'), 4)).toEqual(gridPolygons(createRng('c1'), 4));
    expect(gridPolygons(createRng('c2'), 4)).not.toEqual(gridPolygons(createRng('c1'), 4));
  });
});

describe('seeded building points', () => {
  it('lie inside their grid, apart from each other', () => {
    for (const [ring] of gridPolygons(createRng('c3'), 9)) {
      const points = buildingPoints(ring, 7);
      expect(points).toHaveLength(7);
      expect(new Set(points.map((p) => p.join()))).toHaveProperty('size', 7);
      for (const p of points) expect(inRing(p, ring)).toBe(true);
    }
    expect(buildingPoints(gridPolygons(createRng('c4'), 1)[0][0], 1)).toHaveLength(1);
  });
});

/** Ray casting: whether a point lies inside a closed ring. */
function inRing([x, y]: number[], ring: number[][]) {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}
