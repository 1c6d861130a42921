import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, REPORTER, world, xml, xmlErrors, type World } from './open311.test-support.ts';

let w: World;
beforeAll(async () => {
  w = await world();
  // the first grid: a square of about 1.1 km around (26.5, 106.7); the other community's grid far east
  const square = (lat: number, lon: number, d: number) => ({
    type: 'Polygon',
    coordinates: [
      [
        [lon - d, lat - d],
        [lon + d, lat - d],
        [lon + d, lat + d],
        [lon - d, lat + d],
        [lon - d, lat - d],
      ],
    ],
  });
  for (const [grid, shape] of [
    [w.tree.grid, square(26.5, 106.7, 0.005)],
    [w.tree.otherGrid, square(26.5, 107.5, 0.005)],
  ] as const)
    await w.t.database.query(
      `INSERT INTO grid_boundaries (grid_id, geometry, points) VALUES ($1, $2, 5)
       ON CONFLICT (grid_id) DO UPDATE SET geometry = EXCLUDED.geometry`,
      [grid, JSON.stringify(shape)],
    );
});
afterAll(() => w.close());

const at = (lat: number, long: number, over: Record<string, string> = {}) =>
  w.post('json', {
    api_key: w.key,
    service_code: 'neighbour_dispute',
    lat: String(lat),
    long: String(long),
    description: '路灯不亮',
    ...REPORTER,
    ...over,
  });
const placeOf = async (code: string) =>
  (
    await w.t.database.query<{ place_id: number }>('SELECT place_id FROM incidents WHERE code = $1', [code])
  )[0].place_id;

describe('POST requests placed by lat and long', () => {
  it('goes to the grid whose boundary holds the point', async () => {
    const [created] = json(await at(26.501, 106.702));
    expect(Number(await placeOf(created.service_request_id))).toBe(w.tree.grid);
  });

  it('goes to the community of the nearest grid within 2 km, else is refused naming lat', async () => {
    const [near] = json(await at(26.515, 106.7)); // about 1.1 km north of the first grid
    expect(Number(await placeOf(near.service_request_id))).toBe(w.tree.community);
    const far = json(await at(26.6, 106.7), 400);
    expect(far).toEqual([
      {
        code: 400,
        description: 'lat: is not inside a grid, nor within 2 km of a community, in the area of the api_key',
      },
    ]);
    // a grid of another key's area is never chosen
    expect(json(await at(26.501, 106.702, { api_key: w.otherKey }), 400)[0].description).toMatch(/^lat: /);
  });

  it('answers an unknown service_code with 404 before any field is checked', async () => {
    const bad = { service_code: 'no_such', lat: '', phone: '12', 'attribute[X]': '1' };
    expect(json(await at(26.501, 106.702, bad), 404)).toEqual([
      { code: 404, description: 'service_code no_such was not found' },
    ]);
    const res = await w.post('xml', { api_key: w.key, service_code: 'no_such', media_url: 'x' });
    expect(xmlErrors(xml(res, 404))).toEqual([[404, 'service_code no_such was not found']]);
  });
});
