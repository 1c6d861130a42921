import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode, signIn, testApp, type TestApp } from '../../../test/harness.ts';
import { act, caseWorld, openedCase, step, VERIFICATION, type CaseWorld } from './cases.fixture.ts';

let t: TestApp;
let w: CaseWorld;

beforeAll(async () => {
  t = await testApp();
  w = await caseWorld(t);
});
afterAll(() => t.close());

const refused = (res: { statusCode: number; json(): { error: { details: unknown[] } } }, status: number) => {
  expect(res.statusCode).toBe(status);
  return res.json().error.details[0];
};

describe('who sees and who acts', () => {
  it('both sides see list, count and detail; a neighbouring community sees nothing', async () => {
    const c = await openedCase(t, w);
    const q = `/api/monitoring/cases?q=${c.household.householdNo}`;
    for (const official of [w.staff, w.grid, w.township, w.county, w.origin]) {
      const list = await official.get(q);
      expect(list.statusCode, list.body).toBe(200);
      expect(list.json()).toMatchObject({ total: 1, items: [{ id: c.id }] });
      expect((await official.get(`/api/monitoring/cases/${c.id}`)).statusCode).toBe(200);
      expect((await official.get(`/api/households/${c.household.id}/cases`)).json()).toMatchObject([
        { id: c.id },
      ]);
    }
    const hidden = await w.neighbour.get(q);
    expect(hidden.json()).toMatchObject({ total: 0, items: [] });
    expect((await w.neighbour.get('/api/monitoring/cases')).json().total).toBe(0);
    expect(errorCode(await w.neighbour.get(`/api/monitoring/cases/${c.id}`))).toBe('not_found');
    expect(errorCode(await w.neighbour.get(`/api/households/${c.household.id}/cases`))).toBe('not_found');
    expect(errorCode(await act(w.neighbour, c.id, { action: 'verify', verification: VERIFICATION }))).toBe(
      'not_found',
    );
    expect(errorCode(await w.staff.get('/api/monitoring/cases/999999999'))).toBe('not_found');
  });

  it('origin-side officials see but never act; residents and departments cannot act', async () => {
    const c = await openedCase(t, w);
    const seen = await w.origin.get(`/api/monitoring/cases/${c.id}`);
    expect(seen.json()).toMatchObject({ actions: [], canAssist: false });
    const verify = await act(w.origin, c.id, { action: 'verify', verification: VERIFICATION });
    expect(refused(verify, 403)).toEqual({ field: 'action', reason: 'not_yours' });
    const reject = await act(w.origin, c.id, { action: 'reject', reason: '户籍地核查不符' });
    expect(refused(reject, 403)).toEqual({ field: 'action', reason: 'not_yours' });
    const originCounty = await signIn(t, ['county_admin'], [w.originTownship]);
    expect((await act(originCounty, c.id, { action: 'reject', reason: 'x' })).statusCode).toBe(403);
    const resident = await signIn(t, ['resident'], [w.tree.dwelling]);
    expect(errorCode(await resident.get(`/api/monitoring/cases/${c.id}`))).toBe('forbidden');
    expect(errorCode(await act(resident, c.id, { action: 'verify', verification: VERIFICATION }))).toBe(
      'forbidden',
    );
    const department = await signIn(t, ['department_officer'], [w.tree.county]);
    expect((await department.get(`/api/monitoring/cases/${c.id}`)).json().actions).toEqual([]);
    expect(errorCode(await act(department, c.id, { action: 'verify', verification: VERIFICATION }))).toBe(
      'forbidden',
    );
    const unchanged = await w.staff.get(`/api/monitoring/cases/${c.id}`);
    expect(unchanged.json()).toMatchObject({ step: 'verification', version: 1 });
  });

  it('filters by step, mine, category, place and overdue; overdue cases come first', async () => {
    const a = await openedCase(t, w);
    const b = await openedCase(t, w);
    await step(w.staff, b.id, { action: 'verify', verification: VERIFICATION });
    await t.database.db.execute(
      sql`UPDATE monitoring_cases SET step_due_at = now() - interval '1 day' WHERE id = ${Number(a.id)}`,
    );
    const list = (await w.county.get(`/api/monitoring/cases?under=${w.tree.community}&pageSize=100`)).json();
    expect(list.items[0]).toMatchObject({ id: a.id, overdue: true });
    const ids = (r: { json(): { items: { id: string }[] } }) => r.json().items.map((i) => i.id);
    const overdue = await w.staff.get('/api/monitoring/cases?overdue=true&pageSize=100');
    expect(ids(overdue)).toContain(a.id);
    expect(ids(overdue)).not.toContain(b.id);
    const comparison = await w.staff.get('/api/monitoring/cases?step=comparison&pageSize=100');
    expect(ids(comparison)).toContain(b.id);
    expect(ids(comparison)).not.toContain(a.id);
    const category = await w.staff.get('/api/monitoring/cases?category=sudden_hardship&pageSize=100');
    expect(ids(category)).toContain(b.id);
    expect(ids(category)).not.toContain(a.id);
    expect(ids(await w.staff.get('/api/monitoring/cases?mine=true&pageSize=100'))).toEqual(
      expect.arrayContaining([a.id, b.id]),
    );
    expect(ids(await w.township.get('/api/monitoring/cases?mine=true&pageSize=100'))).not.toContain(a.id);
    expect((await w.origin.get('/api/monitoring/cases?mine=true')).json().total).toBe(0);
    const elsewhere = await w.county.get(`/api/monitoring/cases?under=${w.tree.otherCommunity}`);
    expect(elsewhere.json().total).toBe(0);
    const byHead = await w.staff.get(`/api/monitoring/cases?q=${encodeURIComponent('李')}&pageSize=100`);
    expect(ids(byHead)).toEqual(expect.arrayContaining([a.id, b.id]));
  });
});
