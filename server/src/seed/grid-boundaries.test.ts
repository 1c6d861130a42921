import { describe, expect, it } from 'vitest';
import { checkBoundary } from '../modules/grids/boundary.ts';
import { gridPolygons } from './grid-boundaries.ts';
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
