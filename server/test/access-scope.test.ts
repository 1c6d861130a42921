import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_ROLES, can, ROLES } from '@anju/contracts';
import { errorCode, makeTree, signIn, testApp, type Client, type TestApp, type Tree } from './harness.ts';

let t: TestApp;
let a: Tree;
let b: Tree;
let township: Client;
/** Places made through the API, so they carry pinyin initials. */
let mine: { id: string; code: string };
let theirs: { id: string; code: string };
const MISSING = '987654321098765';

/** The error body without its request id: what a caller can learn from it. */
const learned = (res: LightMyRequestResponse) => ({
  status: res.statusCode,
  ...res.json().error,
  requestId: undefined,
});
const ids = (res: LightMyRequestResponse) => (res.json() as { id: string }[]).map((p) => p.id).sort();
const search = (c: Client, q: Record<string, string>) =>
  c.get(`/api/places/search?${new URLSearchParams(q)}`);

beforeAll(async () => {
  t = await testApp();
  a = await makeTree(t.database);
  b = await makeTree(t.database);
  township = await signIn(t, ['county_admin'], [a.township]);
  const add = async (parentId: number, name: string, code: string) => {
    const res = await township.post('/api/places', {
      parentId: String(parentId),
      level: 'building',
      name,
      code,
    });
    expect(res.statusCode, res.body).toBe(201);
    return { id: res.json().id as string, code };
  };
  const tag = Date.now().toString(36);
  mine = await add(a.grid, '和谐楼', `mine-${tag}`);
  theirs = await add(a.otherGrid, '幸福楼', `theirs-${tag}`);
});
afterAll(() => t.close());

describe('out of scope looks exactly like missing', () => {
  it('for reads, children, search under, rename and create; nothing is written', async () => {
    const staff = await signIn(t, ['community_staff'], [a.community]);
    const elsewhere = [a.otherCommunity, a.otherGrid, a.township, b.community, b.grid];
    const [before] = await t.database.query<{ n: number; v: number }>(
      `SELECT count(*)::int AS n, sum(version)::int AS v FROM places WHERE path LIKE $1 OR path LIKE $2`,
      [`/${a.province}/%`, `/${b.province}/%`],
    );
    const calls = (id: string) => [
      () => staff.get(`/api/places/${id}`),
      () => staff.get(`/api/places/${id}/children`),
      () => search(staff, { q: '楼', under: id }),
      () => staff.patch(`/api/places/${id}`, { name: '改名', version: 1 }),
      () => staff.post('/api/places', { parentId: id, level: 'building', name: '新楼' }),
    ];
    const missing = await Promise.all(calls(MISSING).map((call) => call().then(learned)));
    for (const m of missing) expect(m.status).toBe(404);
    for (const place of elsewhere) {
      const got = await Promise.all(calls(String(place)).map((call) => call().then(learned)));
      expect(got, `place ${place}`).toEqual(missing);
    }
    const [after] = await t.database.query(
      `SELECT count(*)::int AS n, sum(version)::int AS v FROM places WHERE path LIKE $1 OR path LIKE $2`,
      [`/${a.province}/%`, `/${b.province}/%`],
    );
    expect(after).toEqual(before);
  });

  const READERS = ROLES.filter((r) => can([r], 'place:read') && !ADMIN_ROLES.includes(r));
  it.each(READERS)('for every scoped role that reads places: %s', async (role) => {
    const c = await signIn(t, [role], [a.community]);
    const probe = async (id: string) =>
      Promise.all([
        c.get(`/api/places/${id}`).then(learned),
        c.get(`/api/places/${id}/children`).then(learned),
        search(c, { q: '社区', under: id }).then(learned),
      ]);
    const missing = await probe(MISSING);
    expect(missing.map((m) => m.code)).toEqual(['not_found', 'not_found', 'not_found']);
    for (const id of [a.otherCommunity, a.otherGrid, b.community])
      expect(await probe(String(id)), `place ${id}`).toEqual(missing);
    expect((await c.get(`/api/places/${a.grid}`)).statusCode).toBe(200);
    expect(ids(await search(c, { q: '社区' }))).toEqual([String(a.community)]);
  });

  it('a user with a place role but no scope sees nothing', async () => {
    const lost = await signIn(t, ['grid_worker'], []);
    expect((await lost.get('/api/places/roots')).json()).toEqual([]);
    expect((await search(lost, { q: '楼' })).json()).toEqual([]);
    expect(errorCode(await lost.get(`/api/places/${a.grid}`))).toBe('not_found');
  });
});

describe('community staff of community A', () => {
  let staff: Client;
  beforeAll(async () => {
    staff = await signIn(t, ['community_staff'], [a.community]);
  });

  it('starts from their community only', async () => {
    expect(ids(await staff.get('/api/places/roots'))).toEqual([String(a.community)]);
  });

  it('never finds community B by name, pinyin initials or code prefix', async () => {
    expect(ids(await search(staff, { q: '社区' }))).toEqual([String(a.community)]);
    expect(ids(await search(staff, { q: '网格' }))).toEqual([String(a.grid)]);
    expect(ids(await search(staff, { q: 'hxl' }))).toEqual([mine.id]);
    expect(ids(await search(staff, { q: 'xfl' }))).toEqual([]);
    expect(ids(await search(staff, { q: mine.code }))).toEqual([mine.id]);
    expect(ids(await search(staff, { q: theirs.code }))).toEqual([]);
    expect(ids(await search(staff, { q: '楼' }))).not.toContain(theirs.id);
  });

  it('counts only their own children', async () => {
    const res = (await staff.get(`/api/places/${a.community}/children`)).json();
    expect(res.items.map((p: { id: string }) => p.id)).toEqual([String(a.grid)]);
    expect(res.total).toBe(1);
    const grid = (await staff.get(`/api/places/${a.grid}/children`)).json();
    expect(grid.total).toBe(2);
    expect(grid.items.map((p: { id: string }) => p.id)).toContain(mine.id);
  });
});

describe('the township above both communities', () => {
  it('sees both, so the limits above are the scope and not missing data', async () => {
    const officer = await signIn(t, ['township_officer'], [a.township]);
    expect(ids(await search(officer, { q: '社区' }))).toEqual(
      [String(a.community), String(a.otherCommunity)].sort(),
    );
    expect(ids(await search(officer, { q: 'xfl' }))).toEqual([theirs.id]);
    expect((await officer.get(`/api/places/${a.township}/children`)).json().total).toBe(2);
    expect(errorCode(await officer.get(`/api/places/${b.township}`))).toBe('not_found');
  });
});

describe('a grid worker', () => {
  it('sees only their grid’s subtree', async () => {
    const worker = await signIn(t, ['grid_worker'], [a.grid]);
    expect(ids(await worker.get('/api/places/roots'))).toEqual([String(a.grid)]);
    expect(ids(await search(worker, { q: '网格' }))).toEqual([String(a.grid)]);
    expect(ids(await search(worker, { q: '社区' }))).toEqual([]);
    expect((await worker.get(`/api/places/${a.building}`)).statusCode).toBe(200);
    expect((await worker.get(`/api/places/${a.dwelling}`)).statusCode).toBe(200);
    for (const id of [a.community, a.otherGrid, a.township, b.grid]) {
      expect(errorCode(await worker.get(`/api/places/${id}`)), `place ${id}`).toBe('not_found');
    }
    expect((await worker.get(`/api/places/${a.grid}/children`)).json().total).toBe(2);
  });
});

describe('another tree entirely', () => {
  it('is invisible to a county administrator of the first', async () => {
    const county = await signIn(t, ['county_admin'], [a.county]);
    const res = await search(county, { q: '社区' });
    expect(ids(res)).toEqual([String(a.community), String(a.otherCommunity)].sort());
    const provinceB = (
      await t.database.query<{ name: string }>('SELECT name FROM places WHERE id = $1', [b.province])
    )[0].name;
    expect((await search(county, { q: provinceB })).json()).toEqual([]);
    expect(ids(await county.get('/api/places/roots'))).toEqual([String(a.county)]);
  });
});

describe('scope roots', () => {
  it('are not renamed by their own staff, but from above', async () => {
    const staff = await signIn(t, ['community_staff'], [a.community]);
    const own = await staff.patch(`/api/places/${a.community}`, { name: '改名社区', version: 1 });
    expect(own.statusCode).toBe(403);
    expect(errorCode(own)).toBe('forbidden');
    const officer = await signIn(t, ['county_admin'], [a.township]);
    const version = (
      await t.database.query<{ version: number }>('SELECT version FROM places WHERE id = $1', [a.community])
    )[0].version;
    expect(
      (await officer.patch(`/api/places/${a.community}`, { name: '靖安社区', version })).statusCode,
    ).toBe(200);
  });
});
