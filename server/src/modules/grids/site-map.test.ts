import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  errorCode,
  makeTree,
  signIn,
  testApp,
  type Client,
  type TestApp,
  type Tree,
} from '../../../test/harness.ts';

let t: TestApp;
let tree: Tree;
let staff: Client;
let worker: Client;
let resident: Client;
let outsider: Client;
let secondGrid: string;

const square = {
  type: 'Polygon',
  coordinates: [
    [
      [104.1, 26.2],
      [104.103, 26.2],
      [104.103, 26.2025],
      [104.1, 26.2025],
      [104.1, 26.2],
    ],
  ],
};

beforeAll(async () => {
  t = await testApp({ mapTiles: 'https://tiles.example.gov.cn/{z}/{x}/{y}.png' });
  tree = await makeTree(t.database);
  staff = await signIn(t, ['community_staff'], [tree.community]);
  worker = await signIn(t, ['grid_worker'], [tree.grid]);
  resident = await signIn(t, ['resident'], [tree.dwelling]);
  outsider = await signIn(t, ['community_staff'], [tree.otherCommunity]);
  const second = await staff.post(`/api/communities/${tree.community}/grids`, {
    name: '第二网格',
    boundary: square,
  });
  secondGrid = second.json().id;
});
afterAll(() => t.close());

const byName = <T extends { name: string }>(grids: T[]) =>
  [...grids].sort((a, b) => a.name.localeCompare(b.name));
const mapOf = (c: Client, place = tree.community) => c.get(`/api/site-map?place=${place}`);

describe('the site map of a community', () => {
  it('draws grids and buildings from Anju’s own data, with the configured tiles', async () => {
    const res = await mapOf(staff);
    expect(res.statusCode, res.body).toBe(200);
    const map = res.json();
    expect(map.community).toEqual({ id: String(tree.community), name: '靖安社区' });
    expect(map.tiles).toBe('https://tiles.example.gov.cn/{z}/{x}/{y}.png');
    expect(byName(map.grids)).toEqual([
      { id: String(tree.grid), name: '第一网格', boundary: null, mine: true },
      { id: secondGrid, name: '第二网格', boundary: square, mine: true },
    ]);
    expect(map.buildings).toEqual([
      { id: String(tree.building), name: '1栋', gridId: String(tree.grid), point: null, version: 1 },
    ]);
  });

  it('is open to a grid worker and a resident of the community, the worker’s own grid marked', async () => {
    const seen = (await mapOf(worker)).json();
    expect(byName<{ name: string; mine: boolean }>(seen.grids).map((g) => g.mine)).toEqual([true, false]);
    expect(seen.buildings).toHaveLength(1);
    expect((await mapOf(resident, tree.dwelling)).json().community.id).toBe(String(tree.community));
  });

  it('is missing for those of another community, and for places above communities', async () => {
    expect(errorCode(await mapOf(outsider))).toBe('not_found');
    expect(errorCode(await mapOf(staff, tree.township))).toBe('not_found');
    expect(errorCode(await mapOf(outsider, tree.dwelling))).toBe('not_found');
    const nobody = await signIn(t, ['social_org_staff'], [tree.community]);
    expect(errorCode(await mapOf(nobody))).toBe('forbidden');
  });
});

describe('placing a building on the map', () => {
  const put = (c: Client, id: number, body: unknown) => c.put(`/api/places/${id}/point`, body);

  it('is done by community staff at the version read, and shows on the map', async () => {
    const res = await put(staff, tree.building, { point: { lng: 104.101, lat: 26.201 }, version: 1 });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      id: String(tree.building),
      point: { lng: 104.101, lat: 26.201 },
      version: 2,
    });
    const map = (await mapOf(resident)).json();
    expect(map.buildings[0]).toMatchObject({ point: { lng: 104.101, lat: 26.201 }, version: 2 });
    const stale = await put(staff, tree.building, { point: null, version: 1 });
    expect(errorCode(stale)).toBe('conflict');
    const [audited] = await t.database.query<{ detail: unknown }>(
      `SELECT detail FROM audit_log WHERE action = 'place.point' AND target_id = $1`,
      [String(tree.building)],
    );
    expect(audited.detail).toEqual({ from: null, to: [104.101, 26.201] });
  });

  it('is refused to those who may not edit places, out of scope, and for anything but a building', async () => {
    expect(errorCode(await put(worker, tree.building, { point: null, version: 2 }))).toBe('forbidden');
    expect(errorCode(await put(outsider, tree.building, { point: null, version: 2 }))).toBe('not_found');
    const flat = await put(staff, tree.dwelling, { point: { lng: 104.1, lat: 26.2 }, version: 1 });
    expect(flat.json().error.details).toMatchObject([{ field: 'point' }]);
    const bad = await put(staff, tree.building, { point: { lng: 200, lat: 26.2 }, version: 2 });
    expect(bad.json().error.details).toMatchObject([{ field: 'point.lng' }]);
  });
});
