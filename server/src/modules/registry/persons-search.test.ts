import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode, signIn, testApp, type Client, type TestApp } from '../../../test/harness.ts';
import { names, personsWorld } from './persons.fixture.ts';

let t: TestApp;
let w: Awaited<ReturnType<typeof personsWorld>>['w'];
let h: Awaited<ReturnType<typeof personsWorld>>['h'];
let outsider: Client;
beforeAll(async () => {
  t = await testApp();
  ({ w, h, outsider } = await personsWorld(t));
});
afterAll(() => t.close());

describe('search', () => {
  it('finds by name, pinyin initials, phone tail, tags, labour and age', async () => {
    expect(await names(w.staff, 'q=李')).toEqual(['李小龙', '李明']);
    expect(await names(w.staff, 'q=lm')).toEqual(['李明']);
    expect(await names(w.staff, 'phoneTail=5678')).toEqual(['李明']);
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
    const res = await w.staff.get('/api/persons?phoneTail=12');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].field).toBe('querystring.phoneTail');
  });
});

const search = (c: Client, body: Record<string, unknown>) => c.post('/api/persons/search', body);

describe('search by a whole number', () => {
  it('finds by the whole ID or phone number in a POST body, with the other filters', async () => {
    const id = (await w.staff.post(`/api/persons/${h.members[0].id}/reveal`, { field: 'idNumber' })).json()
      .value as string;
    const byId = await search(w.staff, { idNumber: id.toLowerCase() });
    expect(byId.statusCode, byId.body).toBe(200);
    expect(byId.json()).toMatchObject({ total: 1, page: 1, items: [{ name: '李明' }] });
    expect((await search(w.staff, { phone: '138 1234 5678' })).json().items[0].name).toBe('李明');
    expect((await search(w.staff, { phone: '13812345678', sex: 'female' })).json().total).toBe(0);
    expect((await search(outsider, { idNumber: id })).json().total).toBe(0);
  });

  it('audits each search by what it was and what it found, never the number', async () => {
    const res = await search(w.staff, { phone: '13812345678' });
    const audits = await t.database.query<{ target_id: string; detail: unknown }>(
      `SELECT target_id, detail FROM audit_log WHERE action = 'person.search' AND request_id = $1`,
      [res.headers['x-request-id']],
    );
    expect(audits).toEqual([{ target_id: h.members[0].id, detail: { by: ['phone'], found: 1 } }]);
  });

  it('takes person:find_id and person:find_phone, and a number', async () => {
    const grid = await signIn(t, ['grid_worker'], [w.tree.grid]);
    expect(errorCode(await search(grid, { phone: '13812345678' }))).toBe('forbidden');
    const none = await search(w.staff, {});
    expect(none.statusCode).toBe(400);
    expect(none.json().error.details[0].field).toBe('idNumber');
  });

  it('never takes a number in the address', async () => {
    const all = (await w.staff.get('/api/persons?pageSize=200')).json().total;
    expect((await w.staff.get('/api/persons?pageSize=200&phone=13812345678')).json().total).toBe(all);
  });
});
