import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../../../test/harness.ts';
import { incidentsWorld, ok as step, reported } from './incidents.fixture.ts';

const w = incidentsWorld();

type Detail = { id: string; version: number; title: string };
const report = (title: string) => reported<Detail>(w, { title });
const ok = step<Detail>;
const markLate = (i: Detail) =>
  w.t.database.db.execute(sql`UPDATE incidents SET overdue = true WHERE id = ${Number(i.id)}`);
const titles = async (c: Client, query = '') =>
  (await c.get(`/api/incidents?under=${w.tree.community}${query}`)).json().items.map((i: Detail) => i.title);
const counts = async (c: Client, query = '') => {
  const res = await c.get(`/api/incidents/counts?under=${w.tree.community}${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

describe('the workbench tabs', () => {
  let late: Detail;
  beforeAll(async () => {
    // closed, once late: a fact of the record that must not bury new work
    late = await report('已办结-曾超时');
    late = await ok(w.grid, late, { action: 'accept' });
    late = await ok(w.grid, late, { action: 'handle' });
    late = await ok(w.grid, late, { action: 'reply', note: '已调解' });
    late = await ok(w.staff, late, { action: 'verify' });
    late = await ok(w.staff, late, { action: 'callback', satisfaction: 'satisfied' });
    await markLate(late);
    await ok(w.grid, await report('在办'), { action: 'accept' });
    await report('待受理');
    const overdue = await ok(w.grid, await report('在办-超时'), { action: 'accept' });
    await markLate(overdue);
  });

  it('lists open work first, newest first, and a closed incident once late below all of it', async () => {
    expect(await titles(w.staff)).toEqual(['在办-超时', '待受理', '在办', '已办结-曾超时']);
  });

  it('counts each tab in one answer and lists what each tab counts', async () => {
    expect(await counts(w.staff)).toEqual({ toAccept: 1, inHand: 2, overdue: 1, done: 1 });
    expect(await titles(w.staff, '&tab=toAccept')).toEqual(['待受理']);
    expect(await titles(w.staff, '&tab=inHand')).toEqual(['在办-超时', '在办']);
    expect(await titles(w.staff, '&tab=overdue')).toEqual(['在办-超时']);
    expect(await titles(w.staff, '&tab=done')).toEqual(['已办结-曾超时']);
  });

  it('counts under the list’s other filters', async () => {
    expect(await counts(w.staff, `&q=${encodeURIComponent('在办')}`)).toEqual({
      toAccept: 0,
      inHand: 2,
      overdue: 1,
      done: 0,
    });
    expect(await counts(w.grid, '&assignedToMe=true')).toEqual({
      toAccept: 0,
      inHand: 0,
      overdue: 0,
      done: 1,
    });
  });

  it('refuses a tab it does not know, naming the field', async () => {
    const res = await w.staff.get('/api/incidents?tab=later');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].field).toBe('querystring.tab');
  });
});
