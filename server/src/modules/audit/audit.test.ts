import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  makeTree,
  makeUser,
  signIn,
  testApp,
  type Client,
  type TestApp,
  type Tree,
} from '../../../test/harness.ts';

let t: TestApp;
let tree: Tree;
let actor: Client;
let auditor: Client;
let started: string;
/** Request ids of the five writes `actor` made, newest last. */
const writes: string[] = [];

interface Entry {
  id: string;
  at: string;
  actorName: string;
  action: string;
  result: string;
  requestId: string;
  ip: string;
  detail: Record<string, unknown>;
}
const list = async (q: Record<string, string>) =>
  (await auditor.get(`/api/audit?${new URLSearchParams(q)}`)).json() as Promise<{
    items: Entry[];
    total: number;
    page: number;
    pageSize: number;
  }>;
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  t = await testApp();
  tree = await makeTree(t.database);
  started = new Date(Date.now() - 1000).toISOString();
  actor = await signIn(t, ['community_staff'], [tree.community]);
  auditor = await signIn(t, ['audit_admin']);
  for (let i = 0; i < 4; i++) {
    const res = await actor.post('/api/places', {
      parentId: String(tree.grid),
      level: 'building',
      name: `${i}号楼`,
    });
    writes.push(res.headers['x-request-id'] as string);
  }
  const renamed = await actor.patch(`/api/places/${tree.building}`, { name: '一号楼', version: 1 });
  writes.push(renamed.headers['x-request-id'] as string);
});
afterAll(() => t.close());

describe('reading the log', () => {
  it('attributes a sign-in to the user who signed in', async () => {
    const page = await list({ actor: actor.username, action: 'auth.login' });
    expect(page.total).toBe(1);
    expect(page.items[0]).toMatchObject({ actorName: actor.username, result: 'ok' });
  });

  it('filters by actor, newest first, with who, where and the request', async () => {
    const page = await list({ actor: actor.username, action: 'place.' });
    expect(page.total).toBe(5);
    expect(page.items.map((e) => e.requestId)).toEqual([...writes].reverse());
    expect(page.items[0]).toMatchObject({
      actorName: actor.username,
      action: 'place.update',
      result: 'ok',
      ip: '127.0.0.1',
    });
  });

  it('filters by action prefix and result', async () => {
    expect((await list({ actor: actor.username, action: 'place.create' })).total).toBe(4);
    expect((await list({ actor: actor.username, action: 'place.' })).total).toBe(5);
    expect((await list({ actor: actor.username, action: 'place%' })).total).toBe(0);
    expect((await list({ actor: actor.username, result: 'ok' })).total).toBe(6);
    expect((await list({ actor: actor.username, result: 'denied' })).total).toBe(0);
  });

  it('filters by time: instants and whole days', async () => {
    const first = (await list({ actor: actor.username, action: 'place.' })).items.at(-1)!;
    expect((await list({ actor: actor.username, from: started })).total).toBe(6);
    expect((await list({ actor: actor.username, to: started })).total).toBe(0);
    expect(
      (await list({ actor: actor.username, from: first.at, to: first.at })).items.map((e) => e.requestId),
    ).toEqual([writes[0]]);
    expect((await list({ actor: actor.username, from: day(0), to: day(0) })).total).toBe(6);
    expect((await list({ actor: actor.username, to: day(-1) })).total).toBe(0);
    expect((await list({ actor: actor.username, from: day(1) })).total).toBe(0);
  });

  it('pages without overlap', async () => {
    const pages = await Promise.all(
      [1, 2, 3].map((page) =>
        list({ actor: actor.username, action: 'place.', pageSize: '2', page: String(page) }),
      ),
    );
    expect(pages.map((p) => p.items.length)).toEqual([2, 2, 1]);
    expect(pages.flatMap((p) => p.items.map((e) => e.requestId))).toEqual([...writes].reverse());
    expect(pages[2]).toMatchObject({ total: 5, page: 3, pageSize: 2 });
    expect((await list({ actor: actor.username, action: 'place.', page: '4', pageSize: '2' })).items).toEqual(
      [],
    );
  });

  it('records failed sign-ins as denied, without the password', async () => {
    const u = await makeUser(t.database, ['grid_worker'], [tree.grid]);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: u.username, password: 'Wrong#Guess1' },
    });
    expect(res.statusCode).toBe(401);
    const page = await list({ action: 'auth.login', result: 'denied', from: started, pageSize: '200' });
    const mine = page.items.filter((e) => e.requestId === res.headers['x-request-id']);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({
      result: 'denied',
      detail: { username: u.username, reason: 'wrong password' },
      ip: '127.0.0.1',
    });
    expect(JSON.stringify(mine[0])).not.toContain('Wrong#Guess1');
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: `${u.username}x`, password: 'x' },
    });
    const [row] = await t.database.query<{ result: string }>(
      'SELECT result FROM audit_log WHERE request_id = $1',
      [unknown.headers['x-request-id']],
    );
    expect(row.result).toBe('denied');
  });
});

describe('exporting the log', () => {
  const exported = async (format: 'xlsx' | 'csv') => {
    const res = await auditor.request({
      method: 'GET',
      url: '/api/audit/export',
      query: { format, actor: actor.username, action: 'place.' },
    });
    expect(res.statusCode, res.body).toBe(200);
    return res;
  };

  it('as .xlsx, one row per entry under Chinese headers', async () => {
    const res = await exported('xlsx');
    expect(res.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="audit-\d{4}-\d{2}-\d{2}\.xlsx"$/,
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('audit')!;
    const rows: unknown[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    expect(rows[0][0]).toBe('编号 id');
    expect(rows[0]).toContain('操作人 actor');
    expect(rows).toHaveLength(6);
    const body = rows.slice(1);
    expect(body.map((r) => r[8])).toEqual([...writes].reverse());
    expect(body.every((r) => r[2] === actor.username && r[7] === 'ok' && r[6] === '127.0.0.1')).toBe(true);
    expect(body.map((r) => r[3])).toEqual([
      'place.update',
      'place.create',
      'place.create',
      'place.create',
      'place.create',
    ]);
  });

  it('as CSV with a BOM, so Chinese Excel opens it', async () => {
    const res = await exported('csv');
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect([...res.rawPayload.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = res.rawPayload.toString('utf8').slice(1).trim().split('\r\n');
    expect(lines[0].split(',')[0]).toBe('编号 id');
    expect(lines).toHaveLength(6);
    expect(lines.slice(1).map((l) => l.split(',')[8])).toEqual([...writes].reverse());
    expect(lines[1]).toContain('"{""to"":""一号楼"",""from"":""1栋""}"');
  });

  it('is itself audited, with the filter and format', async () => {
    const res = await exported('csv');
    const [row] = await t.database.query<Record<string, unknown>>(
      'SELECT actor_id, action, result, detail FROM audit_log WHERE request_id = $1',
      [res.headers['x-request-id']],
    );
    expect(row).toEqual({
      actor_id: auditor.userId,
      action: 'audit.export',
      result: 'ok',
      detail: { actor: actor.username, action: 'place.', format: 'csv' },
    });
  });
});
