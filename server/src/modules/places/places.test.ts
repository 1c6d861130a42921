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
import { initialsOf } from './places.service.ts';

let t: TestApp;
let tree: Tree;
let county: Client;
const tag = Date.now().toString(36) + Math.floor(Math.random() * 1e6).toString(36);

const create = async (c: Client, parentId: number | string, level: string, name: string, code?: string) =>
  c.post('/api/places', { parentId: String(parentId), level, name, ...(code ? { code } : {}) });
const ids = (items: { id: string }[]) => items.map((p) => p.id);
const childCount = async (id: number | string) =>
  (await t.database.query<{ n: number }>('SELECT child_count AS n FROM places WHERE id = $1', [id]))[0].n;

beforeAll(async () => {
  t = await testApp();
  tree = await makeTree(t.database);
  county = await signIn(t, ['county_admin'], [tree.county]);
});
afterAll(() => t.close());

describe('pinyin initials', () => {
  it('takes the first letter of each syllable, keeps letters and digits', () => {
    expect(initialsOf('靖安镇')).toBe('jaz');
    expect(initialsOf('幸福社区3号楼')).toBe('xfsq3hl');
    expect(initialsOf('A区·一栋')).toBe('aqyd');
  });
});

describe('creating the lower levels', () => {
  it('builds community → grid → building → dwelling and keeps child counts', async () => {
    const community = await create(county, tree.township, 'community', '安居社区', `c-${tag}`);
    expect(community.statusCode, community.body).toBe(201);
    const c = community.json();
    expect(c).toMatchObject({
      level: 'community',
      name: '安居社区',
      code: `c-${tag}`,
      childCount: 0,
      parentId: String(tree.township),
    });
    expect(c.path.map((p: { level: string }) => p.level)).toEqual([
      'province',
      'city',
      'county',
      'township',
      'community',
    ]);
    const grid = (await create(county, c.id, 'grid', '一网格', `c-${tag}-01`)).json();
    const building = (await create(county, grid.id, 'building', '1栋')).json();
    const direct = (await create(county, c.id, 'building', '2栋')).json();
    for (const n of ['101', '102', '103'])
      expect((await create(county, building.id, 'dwelling', n)).statusCode).toBe(201);
    expect(await childCount(c.id)).toBe(2);
    expect(await childCount(grid.id)).toBe(1);
    expect(await childCount(building.id)).toBe(3);
    expect(await childCount(direct.id)).toBe(0);
    const kids = (await county.get(`/api/places/${building.id}/children`)).json();
    expect(kids.total).toBe(3);
    expect(kids.items.map((k: { name: string }) => k.name)).toEqual(['101', '102', '103']);
    expect((await county.get(`/api/places/${building.id}`)).json().childCount).toBe(3);
  });

  it.each([
    ['township', 'grid'],
    ['township', 'building'],
    ['community', 'dwelling'],
    ['community', 'community'],
    ['grid', 'grid'],
    ['grid', 'dwelling'],
    ['building', 'building'],
    ['dwelling', 'dwelling'],
    ['county', 'community'],
  ] as const)('refuses a %s parent for a %s', async (parentLevel, level) => {
    const before = await childCount(tree[parentLevel]);
    const res = await create(county, tree[parentLevel], level, '错位');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].field).toBe('level');
    expect(await childCount(tree[parentLevel])).toBe(before);
  });

  it('numbers a grid added without a code within its community, so the grid pages list it', async () => {
    const c = (await create(county, tree.township, 'community', '新居社区', `n${tag}`)).json();
    const first = (await create(county, c.id, 'grid', '一网格')).json();
    const second = (await create(county, c.id, 'grid', '二网格')).json();
    expect([first.code, second.code]).toEqual([`n${tag}001`, `n${tag}002`]);
    const map = await county.get(`/api/communities/${c.id}/grid-map`);
    expect(map.statusCode, map.body).toBe(200);
    expect(map.json().items.map((g: { code: string }) => g.code)).toEqual([`n${tag}001`, `n${tag}002`]);
  });

  it('refuses a code already used, and counts nothing', async () => {
    expect((await create(county, tree.grid, 'building', '甲', `dup-${tag}`)).statusCode).toBe(201);
    const before = await childCount(tree.grid);
    const again = await create(county, tree.grid, 'building', '乙', `dup-${tag}`);
    expect(again.statusCode).toBe(409);
    expect(errorCode(again)).toBe('conflict');
    expect(again.json().error.details).toEqual([{ field: 'code', reason: 'already used' }]);
    expect(await childCount(tree.grid)).toBe(before);
  });
});

describe('browsing and search', () => {
  let community: { id: string };
  beforeAll(async () => {
    community = (await create(county, tree.township, 'community', '幸福家园社区', `xf-${tag}`)).json();
    for (let i = 1; i <= 5; i++)
      await create(county, community.id, 'building', `幸福${i}栋`, `xf-${tag}-b${i}`);
  });

  it('pages children in code order with a total', async () => {
    const p1 = (await county.get(`/api/places/${community.id}/children?page=1&pageSize=2`)).json();
    const p3 = (await county.get(`/api/places/${community.id}/children?page=3&pageSize=2`)).json();
    expect(p1).toMatchObject({ total: 5, page: 1, pageSize: 2 });
    expect(p1.items.map((p: { code: string }) => p.code)).toEqual([`xf-${tag}-b1`, `xf-${tag}-b2`]);
    expect(p3.items.map((p: { code: string }) => p.code)).toEqual([`xf-${tag}-b5`]);
  });

  it('finds by name fragment, pinyin initials and code prefix', async () => {
    const find = async (q: string, extra = '') =>
      (await county.get(`/api/places/search?q=${encodeURIComponent(q)}${extra}`)).json();
    expect(ids(await find('幸福家园'))).toEqual([community.id]);
    expect(ids(await find('xfjy'))).toEqual([community.id]);
    expect(ids(await find('XFJY'))).toEqual([community.id]);
    expect((await find(`xf-${tag}-b`)).length).toBe(5);
    expect((await find('xf3d')).map((p: { name: string }) => p.name)).toEqual(['幸福3栋']);
    expect(ids(await find('幸福', '&levels=community'))).toEqual([community.id]);
    expect((await find('幸福', `&under=${community.id}&limit=3`)).length).toBe(3);
  });

  it('treats % and _ as plain characters', async () => {
    expect((await county.get('/api/places/search?q=%25')).json()).toEqual([]);
    expect((await county.get('/api/places/search?q=_')).json()).toEqual([]);
  });

  it('starts a scoped user at their roots and a system administrator at the provinces', async () => {
    expect(ids((await county.get('/api/places/roots')).json())).toEqual([String(tree.county)]);
    const sys = await signIn(t, ['system_admin']);
    const roots = (await sys.get('/api/places/roots')).json();
    expect(ids(roots)).toContain(String(tree.province));
    expect(roots.every((r: { parentId: string | null }) => r.parentId === null)).toBe(true);
  });
});

describe('renaming', () => {
  it('uses the version: the second, stale update gets 409 and changes nothing', async () => {
    const b = (await create(county, tree.grid, 'building', '旧名楼')).json();
    const first = await county.patch(`/api/places/${b.id}`, { name: '新名楼', version: 1 });
    expect(first.statusCode).toBe(200);
    expect(first.json().name).toBe('新名楼');
    const stale = await county.patch(`/api/places/${b.id}`, { name: '又一名', version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(errorCode(stale)).toBe('conflict');
    expect(stale.json().error.details).toEqual([{ field: 'version', reason: 'stale' }]);
    const [row] = await t.database.query<{ name: string; version: number; initials: string }>(
      'SELECT name, version, initials FROM places WHERE id = $1',
      [b.id],
    );
    expect(row).toEqual({ name: '新名楼', version: 2, initials: 'xml' });
  });

  it('never edits administrative divisions, not even for the system administrator', async () => {
    const sys = await signIn(t, ['system_admin']);
    for (const [who, id] of [
      [county, tree.township],
      [sys, tree.province],
      [sys, tree.county],
    ] as const) {
      const res = await who.patch(`/api/places/${id}`, { name: '改名', version: 1 });
      expect(res.statusCode).toBe(403);
      expect(errorCode(res)).toBe('forbidden');
    }
    const [row] = await t.database.query<{ version: number }>('SELECT version FROM places WHERE id = $1', [
      tree.township,
    ]);
    expect(row.version).toBe(1);
  });
});

describe('audit', () => {
  it('writes who, what, from where and the request for every create and rename', async () => {
    const res = await create(county, tree.grid, 'building', '审计楼');
    const id = res.json().id;
    const renamed = await county.patch(`/api/places/${id}`, { name: '审计二楼', version: 1 });
    const rows = await t.database.query<Record<string, unknown>>(
      `SELECT actor_id, actor_name, action, target_type, target_id, ip, request_id, result, detail
         FROM audit_log WHERE target_type = 'place' AND target_id = $1 ORDER BY id`,
      [id],
    );
    expect(rows).toEqual([
      {
        actor_id: county.userId,
        actor_name: county.username,
        action: 'place.create',
        target_type: 'place',
        target_id: String(id),
        ip: '127.0.0.1',
        request_id: res.headers['x-request-id'],
        result: 'ok',
        detail: { name: '审计楼', level: 'building' },
      },
      expect.objectContaining({
        action: 'place.update',
        request_id: renamed.headers['x-request-id'],
        detail: { from: '审计楼', to: '审计二楼' },
      }),
    ]);
  });
});

describe('division lookup', () => {
  it('finds administrative divisions outside the caller’s scope, never communities and below', async () => {
    const tree = await makeTree(t.database);
    const other = await makeTree(t.database);
    const c = await signIn(t, ['community_staff'], [tree.community]);
    const [{ code }] = await t.database.query<{ code: string }>('SELECT code FROM places WHERE id = $1', [
      other.township,
    ]);
    const res = await c.get(`/api/divisions/search?q=${code}&levels=township`);
    expect(res.statusCode).toBe(200);
    const ids = res.json().map((d: { id: string }) => d.id);
    expect(ids).toContain(String(other.township));
    expect(res.json().find((d: { id: string }) => d.id === String(other.township)).fullName).toMatch(
      /^测试省.*测试市测试县靖安镇$/,
    );
    const [{ code: communityCode }] = await t.database.query<{ code: string }>(
      'SELECT code FROM places WHERE id = $1',
      [other.community],
    );
    expect((await c.get(`/api/divisions/search?q=${communityCode}`)).json()).toEqual([]);
    expect((await c.get('/api/divisions/search?q=x&levels=community')).statusCode).toBe(400);
  });
});
