import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addPlace, errorCode, signIn, testApp, type Client, type TestApp } from '../../../test/harness.ts';
import { family, registryWorld, type RegistryWorld } from '../registry/registry.fixture.ts';
import { sizeOf } from './grids.service.ts';

let t: TestApp;
let w: RegistryWorld;
let secretary: Client;
let communityCode: string;

const square = (lon = 103.7, lat = 27.3, d = 0.001) => ({
  type: 'Polygon',
  coordinates: [
    [
      [lon, lat],
      [lon + d, lat],
      [lon + d, lat + d],
      [lon, lat + d],
      [lon, lat],
    ],
  ],
});

beforeAll(async () => {
  t = await testApp();
  w = await registryWorld(t);
  secretary = await signIn(t, ['party_secretary'], [w.tree.community]);
  [{ code: communityCode }] = await t.database.query<{ code: string }>(
    'SELECT code FROM places WHERE id = $1',
    [w.tree.community],
  );
});
afterAll(() => t.close());

const newGrid = async (name: string, body: Record<string, unknown> = {}) =>
  w.staff.post(`/api/communities/${w.tree.community}/grids`, { name, ...body });

describe('grid codes and boundaries', () => {
  it('numbers grids with the community code and the next 3-digit sequence', async () => {
    const a = await newGrid('第三网格', { boundary: square() });
    expect(a.statusCode, a.body).toBe(201);
    const b = await newGrid('第四网格');
    expect(a.json()).toMatchObject({ code: `${communityCode}001`, hasBoundary: true, households: 0 });
    expect(b.json()).toMatchObject({ code: `${communityCode}002`, hasBoundary: false });
    expect(a.json().boundary).toEqual(square());
  });

  it.each([
    [
      'an open ring',
      {
        type: 'Polygon',
        coordinates: [
          [
            [1, 1],
            [2, 1],
            [2, 2],
            [1, 2],
          ],
        ],
      },
      'boundary.coordinates.0',
    ],
    ['a longitude out of range', square(179.9995), 'boundary.coordinates.0.1'],
    ['a latitude out of range', square(100, -91), 'boundary.coordinates.0.0'],
    [
      'a ring of one point repeated',
      {
        type: 'Polygon',
        coordinates: [
          [
            [1, 1],
            [1, 1],
            [1, 1],
            [1, 1],
          ],
        ],
      },
      'boundary.coordinates.0',
    ],
    [
      'more than 2,000 points',
      {
        type: 'Polygon',
        coordinates: [
          [...Array.from({ length: 2001 }, (_, i) => [100 + i / 1e4, 27 + (i % 2) / 1e4]), [100, 27]],
        ],
      },
      'boundary',
    ],
  ])('refuses %s with the field named, and creates nothing', async (_what, boundary, field) => {
    const before = await t.database.query('SELECT id FROM places WHERE parent_id = $1', [w.tree.community]);
    const res = await newGrid('坏网格', { boundary });
    expect(res.statusCode, res.body).toBe(400);
    expect(errorCode(res)).toBe('validation_failed');
    expect(res.json().error.details[0].field).toBe(field);
    expect(await t.database.query('SELECT id FROM places WHERE parent_id = $1', [w.tree.community])).toEqual(
      before,
    );
  });

  it('refuses a boundary that is not GeoJSON polygons', async () => {
    const res = await newGrid('点', { boundary: { type: 'Point', coordinates: [1, 2] } });
    expect(res.statusCode).toBe(400);
    expect(errorCode(res)).toBe('validation_failed');
  });

  it('redraws a boundary with the grid version; a stale one is 409', async () => {
    const g = (await newGrid('重绘网格')).json();
    const multi = { type: 'MultiPolygon', coordinates: [square().coordinates, square(104).coordinates] };
    const ok = await secretary.put(`/api/grids/${g.id}/boundary`, { boundary: multi, version: g.version });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ boundary: multi, version: g.version + 1 });
    const stale = await secretary.put(`/api/grids/${g.id}/boundary`, {
      boundary: square(),
      version: g.version,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.details).toEqual([{ field: 'version', reason: 'stale' }]);
  });
});

describe('sizes against the household norm', () => {
  it('says under, within or over 300–500', () => {
    expect([
      sizeOf(299, 300, 500),
      sizeOf(300, 300, 500),
      sizeOf(500, 300, 500),
      sizeOf(501, 300, 500),
    ]).toEqual(['under', 'within', 'within', 'over']);
  });

  it('lists the grids of a community with household counts and the norm', async () => {
    await family(w);
    const res = await w.staff.get(`/api/communities/${w.tree.community}/grids`);
    expect(res.statusCode).toBe(200);
    const list = res.json();
    expect(list.norm).toMatchObject({ siteKind: 'urban', kindSet: false, min: 300, max: 500 });
    // one household in the whole site cannot fill a grid of 300, so its grid is not flagged under
    expect(list.items.find((g: { id: string }) => g.id === String(w.tree.grid))).toMatchObject({
      households: 1,
      size: 'within',
    });
  });
});

describe('grid workers', () => {
  it('assigns grid workers of the community; their scope follows their grids', async () => {
    const worker = await signIn(t, ['grid_worker'], [w.tree.community]);
    const g = (await newGrid('分配网格')).json();
    const candidates = (await w.staff.get(`/api/communities/${w.tree.community}/grid-workers`)).json();
    expect(candidates.map((c: { id: string }) => c.id)).toContain(String(worker.userId));
    const res = await w.staff.put(`/api/grids/${g.id}/workers`, {
      userIds: [String(worker.userId)],
      version: g.version,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().workers).toEqual([{ id: String(worker.userId), displayName: worker.username }]);
    const scopes = await t.database.query<{ place_id: string }>(
      'SELECT place_id FROM user_scopes WHERE user_id = $1',
      [worker.userId],
    );
    expect(scopes.map((s) => String(s.place_id))).toEqual([g.id]);
    expect((await worker.get(`/api/grids/${w.tree.grid}`)).statusCode).toBe(404);
    expect((await worker.get(`/api/grids/${g.id}`)).statusCode).toBe(200);
  });

  it('refuses accounts that are not grid workers of the community', async () => {
    const g = (await newGrid('拒绝网格')).json();
    const outsider = await signIn(t, ['grid_worker'], [w.tree.otherCommunity]);
    const staff = await signIn(t, ['community_staff'], [w.tree.community]);
    for (const u of [outsider, staff]) {
      const res = await w.staff.put(`/api/grids/${g.id}/workers`, {
        userIds: [String(u.userId)],
        version: g.version,
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details[0].field).toBe('userIds');
    }
  });
});

describe('re-gridding', () => {
  it('moves buildings with households and people, keeps history, and guards versions', async () => {
    const building = await addPlace(t.database, w.tree.grid, 'building', '9栋');
    const dwellings = [
      await addPlace(t.database, building, 'dwelling', '901'),
      await addPlace(t.database, building, 'dwelling', '902'),
    ];
    const households = [await family(w, dwellings[0]), await family(w, dwellings[1])];
    const incident = (
      await w.staff.post('/api/incidents', {
        categoryCode: 'neighbour_dispute',
        title: '噪音',
        placeId: String(dwellings[0]),
      })
    ).json();
    const to = (await newGrid('新网格')).json();
    const from = (await w.staff.get(`/api/grids/${w.tree.grid}`)).json();
    // at the depth the party levels give the place's level, as the party module files them
    const orgAt = async (placeId: number | string, parentId: number | null) => {
      const [org] = await t.database.query<{ id: number }>(
        `INSERT INTO party_orgs (parent_id, depth, place_id, place_path, name)
         SELECT $1, l.depth, p.id, p.path, p.name FROM places p JOIN party_levels l ON l.place_level = p.level
          WHERE p.id = $2 RETURNING id::int8 AS id`,
        [parentId, placeId],
      );
      return Number(org.id);
    };
    const fromBranch = await orgAt(w.tree.grid, null);
    const toBranch = await orgAt(to.id, null);
    const group = await orgAt(building, fromBranch);
    const body = {
      toGridId: to.id,
      buildingIds: [String(building)],
      version: from.version,
      toVersion: to.version,
    };
    const res = await w.staff.post(`/api/grids/${w.tree.grid}/regrid`, body);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      buildings: 1,
      households: 2,
      persons: 6,
      from: { households: from.households - 2, version: from.version + 1 },
      to: { households: 2, version: to.version + 1 },
    });
    const [toPath] = await t.database.query<{ path: string }>('SELECT path FROM places WHERE id = $1', [
      to.id,
    ]);
    const placeRows = await t.database.query<{ path: string }>('SELECT path FROM places WHERE id = ANY($1)', [
      [building, ...dwellings],
    ]);
    expect(placeRows.every((p) => p.path.startsWith(`${toPath.path}${building}/`))).toBe(true);
    const [moved] = await t.database.query(
      'SELECT parent_id::int8 AS parent, place_path FROM party_orgs WHERE id = $1',
      [group],
    );
    expect(moved).toEqual({ parent: toBranch, place_path: `${toPath.path}${building}/` });
    const followed = (await w.staff.get(`/api/incidents/${incident.id}`)).json();
    expect(followed).toMatchObject({
      place: { path: `${toPath.path}${building}/${dwellings[0]}/` },
      handlingPlace: { id: to.id },
    });
    for (const [i, h] of households.entries()) {
      const detail = (await w.staff.get(`/api/households/${h.id}`)).json();
      expect(detail.residence.path).toBe(`${toPath.path}${building}/${dwellings[i]}/`);
      expect(detail.members.map((m: { residence: { path: string } }) => m.residence.path)).toEqual(
        Array(3).fill(`${toPath.path}${building}/${dwellings[i]}/`),
      );
      const history = (await w.staff.get(`/api/households/${h.id}/history`)).json();
      expect(history[0]).toMatchObject({
        event: 'regrid',
        version: 2,
        changes: { grid: ['第一网格', '新网格'] },
      });
      expect(history.at(-1).event).toBe('create');
    }
    const stale = await w.staff.post(`/api/grids/${w.tree.grid}/regrid`, {
      ...body,
      toGridId: String(w.tree.grid),
    });
    expect(stale.statusCode).toBe(400);
    const back = await w.staff.post(`/api/grids/${to.id}/regrid`, {
      toGridId: String(w.tree.grid),
      buildingIds: [String(building)],
      version: to.version,
      toVersion: from.version + 1,
    });
    expect(back.statusCode).toBe(409);
    expect(back.json().error.details).toEqual([{ field: 'version', reason: 'stale' }]);
  });

  it('refuses buildings of another grid and grids of another community', async () => {
    const to = (await newGrid('目标网格')).json();
    const from = (await w.staff.get(`/api/grids/${w.tree.grid}`)).json();
    const stranger = await addPlace(t.database, to.id, 'building', '外楼');
    const wrong = await w.staff.post(`/api/grids/${w.tree.grid}/regrid`, {
      toGridId: to.id,
      buildingIds: [String(stranger)],
      version: from.version,
      toVersion: to.version,
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.details[0].field).toBe('buildingIds');
    const other = await w.staff.post(`/api/grids/${w.tree.grid}/regrid`, {
      toGridId: String(w.tree.otherGrid),
      buildingIds: [String(w.tree.building)],
      version: from.version,
      toVersion: 1,
    });
    expect(other.statusCode).toBe(400);
    expect(other.json().error.details[0].field).toBe('toGridId');
  });
});
