import { describe, expect, it } from 'vitest';
import { errorCode, signIn } from '../../../test/harness.ts';
import { household, income, monitoringWorld } from './monitoring.fixture.ts';

const m = monitoringWorld();

describe('income records', () => {
  it('computes net and per-capita net income from the parts and the living members', async () => {
    const h = await household(m);
    const res = await m.w.staff.put(`/api/households/${h.id}/incomes`, {
      ...income(0),
      wage: 20000,
      operating: -1000,
      property: 500,
      transfer: 3000,
      productionCosts: 1500,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().income).toMatchObject({
      memberCount: 3,
      netIncome: 21000,
      perCapitaNet: 7000,
      version: 1,
    });
    const odd = await m.w.staff.put(`/api/households/${h.id}/incomes`, {
      ...income(0),
      period: 'mid_year',
      wage: 10000,
    });
    expect(odd.json().income.perCapitaNet).toBe(3333.33);
    const list = await m.w.staff.get(`/api/households/${h.id}/incomes`);
    expect(list.json().map((i: { period: string }) => i.period)).toEqual(['mid_year', 'year']);
    // against the 7,000 line: the mid-year record annualised by the national default's method
    expect(list.json().map((i: { assessed: unknown }) => i.assessed)).toEqual([
      { months: 6, method: 'annualise', perCapitaNet: 6666.66, line: 7000, belowLine: true },
      { months: 12, method: 'annualise', perCapitaNet: 7000, line: 7000, belowLine: false },
    ]);
  });

  it('refuses a stale edit and a second new record of the same year with 409', async () => {
    const h = await household(m);
    await m.w.staff.put(`/api/households/${h.id}/incomes`, income(9000));
    const edit = await m.w.staff.put(`/api/households/${h.id}/incomes`, { ...income(9100), version: 1 });
    expect(edit.json().income.version).toBe(2);
    const stale = await m.w.staff.put(`/api/households/${h.id}/incomes`, { ...income(9200), version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(errorCode(stale)).toBe('conflict');
    const again = await m.w.staff.put(`/api/households/${h.id}/incomes`, income(9300));
    expect(again.statusCode).toBe(409);
    const missing = await m.w.staff.put(`/api/households/${h.id}/incomes`, {
      ...income(1),
      year: 2024,
      version: 1,
    });
    expect(missing.statusCode).toBe(404);
  });

  it('names the field of bad input', async () => {
    const h = await household(m);
    const res = await m.w.staff.put(`/api/households/${h.id}/incomes`, {
      ...income(1),
      wage: -5,
      year: 1990,
    });
    expect(res.statusCode).toBe(400);
    const fields = res.json().error.details.map((d: { field: string }) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['wage', 'year']));
  });
});

describe('access', () => {
  it('origin side reads incomes but does not enter them; strangers see nothing', async () => {
    const h = await household(m);
    await m.w.staff.put(`/api/households/${h.id}/incomes`, income(9000));
    const origin = await signIn(m.t, ['township_officer'], [m.w.originTownship]);
    expect((await origin.get(`/api/households/${h.id}/incomes`)).statusCode).toBe(200);
    const write = await origin.put(`/api/households/${h.id}/incomes`, { ...income(9000), version: 1 });
    expect(write.statusCode).toBe(403);
    const other = await signIn(m.t, ['grid_worker'], [m.w.tree.otherGrid]);
    expect((await other.get(`/api/households/${h.id}/incomes`)).statusCode).toBe(404);
    expect((await other.put(`/api/households/${h.id}/incomes`, income(1))).statusCode).toBe(404);
    const resident = await signIn(m.t, ['resident'], [m.w.tree.dwelling]);
    expect((await resident.get(`/api/households/${h.id}/incomes`)).statusCode).toBe(403);
    expect((await resident.get('/api/monitoring/leads')).statusCode).toBe(403);
    const grid = await signIn(m.t, ['grid_worker'], [m.w.tree.grid]);
    expect((await grid.get(`/api/households/${h.id}/incomes`)).statusCode).toBe(200);
  });
});
