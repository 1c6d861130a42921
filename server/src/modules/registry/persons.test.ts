import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addPlace,
  errorCode,
  randomIdNumber,
  signIn,
  testApp,
  type Client,
  type TestApp,
} from '../../../test/harness.ts';
import { family, member, registryWorld, type RegistryWorld } from './registry.fixture.ts';

let t: TestApp;
let w: RegistryWorld;
let h: { id: string; members: { id: string; name: string; version: number }[] };
let origin: Client;
let outsider: Client;
beforeAll(async () => {
  t = await testApp();
  w = await registryWorld(t);
  h = await family(w);
  origin = await signIn(t, ['township_officer'], [w.originTownship]);
  outsider = await signIn(t, ['community_staff'], [w.tree.otherCommunity]);
});
afterAll(() => t.close());

const names = async (c: Client, query = '') => {
  const res = await c.get(`/api/persons?pageSize=200&${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res
    .json()
    .items.map((p: { name: string }) => p.name)
    .sort();
};

describe('dual jurisdiction', () => {
  it('shows the residence side everyone living there', async () => {
    expect(await names(w.staff)).toEqual(['李小龙', '李明', '王芳']);
    expect((await w.staff.get(`/api/persons/${h.members[0].id}`)).json().side).toBe('residence');
  });

  it('shows the origin side only the people registered in its villages, wherever they live', async () => {
    expect(await names(origin)).toEqual(['李明', '王芳']);
    const head = (await origin.get(`/api/persons/${h.members[0].id}`)).json();
    expect(head).toMatchObject({ side: 'hukou', residence: { name: '1栋101室' }, hukou: { name: '大坪村' } });
    expect((await origin.get(`/api/persons/${h.members[2].id}`)).statusCode).toBe(404);
    const household = (await origin.get(`/api/households/${h.id}`)).json();
    expect(household.side).toBe('hukou');
    expect(household.members.map((m: { name: string }) => m.name)).toEqual(['李明', '王芳']);
    expect(await names(origin, 'side=residence')).toEqual([]);
  });

  it('counts once a person seen from both sides, and narrows to one side on request', async () => {
    const both = await signIn(t, ['township_officer'], [w.originTownship, w.tree.community]);
    const all = (await both.get('/api/persons?pageSize=200')).json();
    expect(all.total).toBe(3);
    expect(all.items.map((p: { name: string }) => p.name).sort()).toEqual(['李小龙', '李明', '王芳']);
    expect(await names(both, 'side=hukou')).toEqual(['李小龙', '李明', '王芳']);
    expect(await names(w.staff, 'side=hukou')).toEqual(['李小龙']);
    expect((await both.get('/api/persons?q=李&pageSize=1&sort=name')).json().total).toBe(2);
  });

  it('leaves the origin side reading, not editing', async () => {
    const res = await origin.patch(`/api/persons/${h.members[0].id}`, {
      labourCapacity: 'partial',
      version: 1,
    });
    expect(res.statusCode).toBe(403);
  });

  it('tells nothing to an official of neither side: lists, counts, reads, history and export', async () => {
    const list = (await outsider.get('/api/persons')).json();
    expect(list).toMatchObject({ items: [], total: 0 });
    expect((await outsider.get('/api/households')).json().total).toBe(0);
    for (const url of [
      `/api/persons/${h.members[0].id}`,
      `/api/households/${h.id}`,
      `/api/persons/${h.members[0].id}/history`,
    ]) {
      const res = await outsider.get(url);
      expect(res.statusCode, url).toBe(404);
      expect(errorCode(res)).toBe('not_found');
    }
    const exported = await outsider.request({
      method: 'GET',
      url: '/api/persons/export',
      query: { format: 'csv' },
    });
    expect(exported.rawPayload.toString('utf8').trim().split('\r\n')).toHaveLength(1);
  });
});

describe('hukou side found where the two paths part', () => {
  it('shows a person registered in a village of the same township to that village, and once to both', async () => {
    const v = await registryWorld(t);
    const near = await addPlace(t.database, v.tree.township, 'village', '近邻村');
    const res = await v.staff.post('/api/households', {
      dwellingId: String(v.tree.dwelling),
      originVillageId: String(near),
      relocationYear: 2019,
      resettlementType: 'urban_centralized',
      povertyStatus: 'out_of_poverty',
      members: [
        member(v, { name: '赵四', hukouPlaceId: String(near) }),
        member(v, {
          name: '赵小',
          relation: 'child',
          idNumber: randomIdNumber({ birth: '2015-01-02', sex: 'female' }),
          labourCapacity: 'none',
        }),
      ],
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(await names(await signIn(t, ['community_staff'], [near]))).toEqual(['赵四']);
    const township = await signIn(t, ['township_officer'], [v.tree.township]);
    expect((await township.get('/api/persons')).json().total).toBe(2);
    const both = await signIn(t, ['township_officer'], [near, v.originTownship]);
    expect(await names(both)).toEqual(['赵四', '赵小']);
    expect(await names(both, 'side=residence')).toEqual([]);
  });
});

describe('search', () => {
  it('finds by name, pinyin initials, ID tail, full ID, phone, tags, labour and age', async () => {
    const reveal = (
      await w.staff.post(`/api/persons/${h.members[0].id}/reveal`, { field: 'idNumber' })
    ).json().value;
    expect(await names(w.staff, 'q=李')).toEqual(['李小龙', '李明']);
    expect(await names(w.staff, 'q=lm')).toEqual(['李明']);
    expect(await names(w.staff, `idTail=${reveal.slice(-4)}`)).toContain('李明');
    expect(await names(w.staff, `idNumber=${reveal}`)).toEqual(['李明']);
    expect(await names(w.staff, 'phone=13812345678')).toEqual(['李明']);
    expect(await names(w.staff, 'phone=5678')).toEqual(['李明']);
    expect(await names(w.staff, 'tags=left_behind_child')).toEqual(['李小龙']);
    expect(await names(w.staff, 'labour=none')).toEqual(['李小龙']);
    expect(await names(w.staff, 'ageMax=17')).toEqual(['李小龙']);
    expect(await names(w.staff, 'ageMin=18&sex=female')).toEqual(['王芳']);
    expect(await names(w.staff, `under=${w.tree.otherCommunity}`)).toEqual([]);
    expect(await names(w.staff, 'q=1-101')).toEqual(['李小龙', '李明', '王芳']);
    expect(await names(w.staff, `q=${encodeURIComponent('1栋101室')}`)).toHaveLength(3);
    expect(await names(w.staff, 'q=1-102')).toEqual([]);
  });

  it('sorts and pages with a total', async () => {
    const res = (await w.staff.get('/api/persons?sort=age&order=asc&pageSize=2')).json();
    expect(res.total).toBe(3);
    expect(res.items.map((p: { name: string }) => p.name)).toEqual(['李小龙', '王芳']);
    const next = (await w.staff.get('/api/persons?sort=age&order=asc&pageSize=2&page=2')).json();
    expect(next.items.map((p: { name: string }) => p.name)).toEqual(['李明']);
  });

  it('refuses a bad filter with the field named', async () => {
    const res = await w.staff.get('/api/persons?idTail=12');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].field).toBe('querystring.idTail');
  });
});

describe('personal data', () => {
  it('masks identifiers and reveals them only on request, audited', async () => {
    const res = await w.staff.post(`/api/persons/${h.members[0].id}/reveal`, { field: 'phone' });
    expect(res.json()).toEqual({ field: 'phone', value: '13812345678' });
    const [row] = await t.database.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'person.reveal' AND request_id = $1 AND actor_id = $2`,
      [res.headers['x-request-id'], w.staff.userId],
    );
    expect(row.n).toBe(1);
  });

  it('lets no one without person:reveal see the full number', async () => {
    const grid = await signIn(t, ['grid_worker'], [w.tree.grid]);
    expect(errorCode(await grid.post(`/api/persons/${h.members[0].id}/reveal`, { field: 'idNumber' }))).toBe(
      'forbidden',
    );
    expect(
      errorCode(await outsider.post(`/api/persons/${h.members[0].id}/reveal`, { field: 'idNumber' })),
    ).toBe('not_found');
  });

  it('shows health only to roles with person:health', async () => {
    const secretary = await signIn(t, ['party_secretary'], [w.tree.community]);
    const spouse = (await secretary.get(`/api/persons/${h.members[1].id}`)).json();
    expect(spouse.health).toBeUndefined();
    expect((await w.staff.get(`/api/persons/${h.members[1].id}`)).json().health).toBe('serious_illness');
  });

  it('exports masked, without health, and audits the export', async () => {
    const res = await w.staff.request({
      method: 'GET',
      url: '/api/persons/export',
      query: { format: 'xlsx' },
    });
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const rows: string[][] = [];
    wb.getWorksheet('人口')!.eachRow((r) => rows.push((r.values as string[]).slice(1).map(String)));
    expect(rows[0]).not.toContain('健康状况');
    expect(rows).toHaveLength(4);
    expect(rows.flat().join()).not.toMatch(/\d{17}[\dX]|13812345678/);
    expect(rows.flat()).toContain('138****5678');
    const [row] = await t.database.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'person.export' AND request_id = $1`,
      [res.headers['x-request-id']],
    );
    expect(row.n).toBe(1);
  });
});

describe('editing', () => {
  it('keeps history before → after and refuses a stale version with 409', async () => {
    const id = h.members[1].id;
    const ok = await w.staff.patch(`/api/persons/${id}`, {
      labourCapacity: 'partial',
      phone: '13900001111',
      version: 1,
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ labourCapacity: 'partial', phone: '139****1111', version: 2 });
    const stale = await w.staff.patch(`/api/persons/${id}`, { labourCapacity: 'none', version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(errorCode(stale)).toBe('conflict');
    const history = (await w.staff.get(`/api/persons/${id}/history`)).json();
    expect(history[0]).toMatchObject({
      event: 'update',
      version: 2,
      changes: { labourCapacity: ['full', 'partial'], phone: [null, '139****1111'] },
    });
    expect(JSON.stringify(history)).not.toContain('13900001111');
  });

  it('lets exactly one of two simultaneous edits win', async () => {
    const id = h.members[2].id;
    const [a, b] = await Promise.all([
      w.staff.patch(`/api/persons/${id}`, { education: 'primary', version: 1 }),
      w.staff.patch(`/api/persons/${id}`, { education: 'junior_secondary', version: 1 }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
  });
});
