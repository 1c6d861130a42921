import { describe, expect, it } from 'vitest';
import { insertVertex, outerRing, polygonOf, viewOf, type Position } from './geometry.ts';

const square: Position[] = [
  [106, 26],
  [106.01, 26],
  [106.01, 26.01],
  [106, 26.01],
];

describe('grid geometry', () => {
  it('closes a polygon by repeating the first vertex, rounded to six decimals', () => {
    const polygon = polygonOf([[106.1234567, 26.7654321], ...square.slice(1)]);
    expect(polygon.type).toBe('Polygon');
    expect(polygon.coordinates[0][0]).toEqual([106.123457, 26.765432]);
    expect(polygon.coordinates[0].at(-1)).toEqual([106.123457, 26.765432]);
    expect(polygon.coordinates[0]).toHaveLength(5);
  });

  it('reads the outer ring back without the closing vertex, of a polygon and a multipolygon', () => {
    expect(outerRing(polygonOf(square))).toEqual(square);
    const ring: Position[] = [...square, square[0]];
    const multi = { type: 'MultiPolygon' as const, coordinates: [[ring]] };
    expect(outerRing(multi)).toEqual(square);
  });

  it('frames all boundaries with a margin of 12% of the larger side', () => {
    const [[w, n], [e, s]] = viewOf([polygonOf(square)]);
    expect(w).toBeCloseTo(106 - 0.0012, 9);
    expect(e).toBeCloseTo(106.01 + 0.0012, 9);
    expect(n).toBeCloseTo(26.01 + 0.0012, 9);
    expect(s).toBeCloseTo(26 - 0.0012, 9);
  });

  it('starts a community without boundaries at the default centre', () => {
    const [[w, n], [e, s]] = viewOf([]);
    expect([w, n, e, s].map((v) => Number(v.toFixed(3)))).toEqual([106.624, 26.655, 106.636, 26.645]);
  });

  it('inserts a vertex into the nearest edge, the closing edge included', () => {
    expect(insertVertex(square, [106.005, 25.999])).toEqual([
      square[0],
      [106.005, 25.999],
      ...square.slice(1),
    ]);
    expect(insertVertex(square, [106.011, 26.005])[2]).toEqual([106.011, 26.005]);
    expect(insertVertex(square, [105.999, 26.005])).toEqual([...square, [105.999, 26.005]]);
  });
});
