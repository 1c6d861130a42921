import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCREENING_RULES } from '@anju/contracts';
import { rows } from '../../db/rows.ts';
import { addPlace, errorCode, signIn, testApp, type Client, type TestApp } from '../../../test/harness.ts';
import { family, registryWorld, type RegistryWorld } from '../registry/registry.fixture.ts';
import { screenAll } from './monitoring.jobs.ts';
import { currentRules } from './rules.service.ts';
import { screeningSql } from './screening.sql.ts';

let t: TestApp;
let w: RegistryWorld;
let county: Client;
const YEAR = 2025;
const LINE = 7000;

/** A family of three (head able to work, spouse seriously ill, a child) in a dwelling of its own. */
async function household(): Promise<{ id: string; members: { id: string; version: number }[] }> {
  const dwelling = await addPlace(t.database, w.tree.building, 'dwelling', `${Math.random()}室`.slice(0, 8));
  return family(w, dwelling);
}

/** Income of a household of three whose per-capita net income is `perCapita` × 1 yuan. */
const income = (perCapita: number, over: Record<string, number> = {}) => ({
  year: YEAR,
  wage: perCapita * 3,
  operating: 0,
  property: 0,
  transfer: 0,
  productionCosts: 0,
  medicalExpense: 0,
  schoolingExpense: 0,
  ...over,
});

async function flagsFor(perCapita: number, over: Record<string, number> = {}) {
  const h = await household();
  const res = await w.staff.put(`/api/households/${h.id}/incomes`, income(perCapita, over));
  expect(res.statusCode, res.body).toBe(200);
  return res.json().flags as string[];
}

/** The rules these tests are written for, whatever the database's rules in force are. */
const RULES = {
  income_below_line: { enabled: true },
  income_near_line: { enabled: true, factor: 1.5 },
  income_drop: { enabled: true, percent: 30 },
  rigid_expense: { enabled: true, percent: 50 },
  new_illness_disability: { enabled: true, days: 180 },
  no_labour: { enabled: true },
  disaster_incident: { enabled: true, days: 90, categories: ['safety_hazard'] },
};
let rulesBefore: { rules: unknown; version: number };

beforeAll(async () => {
  t = await testApp();
  w = await registryWorld(t);
  county = await signIn(t, ['county_admin'], [w.tree.county]);
  rulesBefore = (await county.get('/api/monitoring/rules')).json();
  const rules = await county.put('/api/monitoring/rules', { rules: RULES, version: rulesBefore.version });
  expect(rules.statusCode, rules.body).toBe(200);
  const provinceAdmin = await signIn(t, ['county_admin'], [w.tree.province]);
  const set = await provinceAdmin.put('/api/monitoring/lines', {
    year: YEAR,
    placeId: String(w.tree.province),
    amount: LINE,
  });
  expect(set.statusCode, set.body).toBe(200);
});
afterAll(async () => {
  const now = (await county.get('/api/monitoring/rules')).json();
  await county.put('/api/monitoring/rules', {
    rules: rulesBefore.rules,
    note: 'restore',
    version: now.version,
  });
  await t.close();
});

describe('income records', () => {
  it('computes net and per-capita net income from the parts and the living members', async () => {
    const h = await household();
    const res = await w.staff.put(`/api/households/${h.id}/incomes`, {
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
    const odd = await w.staff.put(`/api/households/${h.id}/incomes`, {
      ...income(0),
      period: 'mid_year',
      wage: 10000,
    });
    expect(odd.json().income.perCapitaNet).toBe(3333.33);
    const list = await w.staff.get(`/api/households/${h.id}/incomes`);
    expect(list.json().map((i: { period: string }) => i.period)).toEqual(['mid_year', 'year']);
  });

  it('refuses a stale edit and a second new record of the same year with 409', async () => {
    const h = await household();
    await w.staff.put(`/api/households/${h.id}/incomes`, income(9000));
    const edit = await w.staff.put(`/api/households/${h.id}/incomes`, { ...income(9100), version: 1 });
    expect(edit.json().income.version).toBe(2);
    const stale = await w.staff.put(`/api/households/${h.id}/incomes`, { ...income(9200), version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(errorCode(stale)).toBe('conflict');
    const again = await w.staff.put(`/api/households/${h.id}/incomes`, income(9300));
    expect(again.statusCode).toBe(409);
    const missing = await w.staff.put(`/api/households/${h.id}/incomes`, {
      ...income(1),
      year: 2024,
      version: 1,
    });
    expect(missing.statusCode).toBe(404);
  });

  it('names the field of bad input', async () => {
    const h = await household();
    const res = await w.staff.put(`/api/households/${h.id}/incomes`, { ...income(1), wage: -5, year: 1990 });
    expect(res.statusCode).toBe(400);
    const fields = res.json().error.details.map((d: { field: string }) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['body.wage', 'body.year']));
  });
});

describe('screening rules at their boundaries (line 7,000 yuan)', () => {
  it('income below the line: strictly under it', async () => {
    expect(await flagsFor(LINE)).not.toContain('income_below_line');
    expect(await flagsFor(LINE - 1)).toContain('income_below_line');
  });

  it('income near the line: from the line up to 1.5 times it, exclusive', async () => {
    expect(await flagsFor(LINE)).toContain('income_near_line');
    expect(await flagsFor(LINE * 1.5 - 1)).toContain('income_near_line');
    expect(await flagsFor(LINE * 1.5)).not.toContain('income_near_line');
    expect(await flagsFor(LINE - 1)).not.toContain('income_near_line');
  });

  it('income drop: more than 30 % below last year', async () => {
    const drop = async (now: number) => {
      const h = await household();
      await w.staff.put(`/api/households/${h.id}/incomes`, { ...income(20000), year: YEAR - 1 });
      const res = await w.staff.put(`/api/households/${h.id}/incomes`, income(now));
      return res.json().flags as string[];
    };
    expect(await drop(14000)).not.toContain('income_drop');
    expect(await drop(13999)).toContain('income_drop');
  });

  it('rigid expenditure: above 50 % of net income', async () => {
    expect(await flagsFor(10000, { medicalExpense: 10000, schoolingExpense: 5000 })).not.toContain(
      'rigid_expense',
    );
    expect(await flagsFor(10000, { medicalExpense: 10001, schoolingExpense: 5000 })).toContain(
      'rigid_expense',
    );
  });

  it('no labour: nobody living in the household able to work', async () => {
    const h = await household();
    expect((await w.staff.put(`/api/households/${h.id}/incomes`, income(20000))).json().flags).not.toContain(
      'no_labour',
    );
    for (const m of h.members) {
      const person = (await w.staff.get(`/api/persons/${m.id}`)).json();
      if (person.labourCapacity === 'none') continue;
      const res = await w.staff.patch(`/api/persons/${m.id}`, {
        labourCapacity: 'none',
        version: person.version,
      });
      expect(res.statusCode, res.body).toBe(200);
    }
    const rescreened = await w.staff.put(`/api/households/${h.id}/incomes`, { ...income(20000), version: 1 });
    expect(rescreened.json().flags).toContain('no_labour');
  });

  it('a member newly seriously ill', async () => {
    const h = await household();
    expect((await w.staff.put(`/api/households/${h.id}/incomes`, income(20000))).json().flags).toEqual([]);
    const head = await w.staff.get(`/api/persons/${h.members[0].id}`);
    const ill = await w.staff.patch(`/api/persons/${h.members[0].id}`, {
      health: 'serious_illness',
      version: head.json().version,
    });
    expect(ill.statusCode, ill.body).toBe(200);
    const res = await w.staff.put(`/api/households/${h.id}/incomes`, { ...income(20000), version: 1 });
    expect(res.json().flags).toEqual(['new_illness_disability']);
  });
});

describe('leads', () => {
  it('a flagged household gets one open lead, updated by later screenings, listed to both sides', async () => {
    const h = await household();
    await w.staff.put(`/api/households/${h.id}/incomes`, income(LINE - 100));
    await w.staff.put(`/api/households/${h.id}/incomes`, { ...income(LINE + 100), version: 1 });
    const mine = await w.staff.get(`/api/monitoring/leads?pageSize=200`);
    const leads = mine.json().items.filter((l: { householdId: string }) => l.householdId === h.id);
    expect(leads).toHaveLength(1);
    expect(leads[0]).toMatchObject({
      source: 'screening',
      status: 'open',
      flags: ['income_near_line'],
      year: YEAR,
    });

    const origin = await signIn(t, ['township_officer'], [w.originTownship]);
    const seen = await origin.get(`/api/monitoring/leads?pageSize=200`);
    expect(seen.json().items.map((l: { householdId: string }) => l.householdId)).toContain(h.id);
    const other = await signIn(t, ['community_staff'], [w.tree.otherCommunity]);
    const none = await other.get(`/api/monitoring/leads`);
    expect(none.json()).toMatchObject({ items: [], total: 0 });
  });

  it('a screening run covers the caller’s households only and counts per rule', async () => {
    const h = await household();
    await w.staff.put(`/api/households/${h.id}/incomes`, income(LINE - 1));
    const run = await w.staff.post('/api/monitoring/screenings', { year: YEAR });
    expect(run.statusCode, run.body).toBe(200);
    const result = run.json();
    expect(result.screened).toBeGreaterThanOrEqual(1);
    expect(result.byRule.income_below_line).toBeGreaterThanOrEqual(1);
    expect(result.newLeads).toBe(0);
    const other = await signIn(t, ['community_staff'], [w.tree.otherCommunity]);
    const elsewhere = await other.post('/api/monitoring/screenings', { year: YEAR });
    expect(elsewhere.json()).toMatchObject({ screened: 0, flagged: 0 });
  });
});

describe('screening runs', () => {
  it('find the flags re-screening found, whether each set is read whole or for the target only', async () => {
    const expected = new Map<number, string[]>();
    const saved = async (h: { id: string }, body: Record<string, unknown>) => {
      const res = await w.staff.put(`/api/households/${h.id}/incomes`, body);
      expect(res.statusCode, res.body).toBe(200);
      expected.set(Number(h.id), res.json().flags);
    };
    for (const perCapita of [LINE - 1, LINE, 20000]) await saved(await household(), income(perCapita));
    await saved(await household(), income(10000, { medicalExpense: 10001, schoolingExpense: 5000 }));
    const dropped = await household();
    await w.staff.put(`/api/households/${dropped.id}/incomes`, { ...income(20000), year: YEAR - 1 });
    await saved(dropped, income(13999));
    const ill = await household();
    const head = (await w.staff.get(`/api/persons/${ill.members[0].id}`)).json();
    await w.staff.patch(`/api/persons/${head.id}`, { health: 'serious_illness', version: head.version });
    await saved(ill, income(20000));
    const idle = await household();
    for (const m of idle.members) {
      const person = (await w.staff.get(`/api/persons/${m.id}`)).json();
      await w.staff.patch(`/api/persons/${m.id}`, { labourCapacity: 'none', version: person.version });
    }
    await saved(idle, income(20000));
    expect(new Set([...expected.values()].flat())).toEqual(
      new Set(SCREENING_RULES.filter((r) => r !== 'disaster_incident')),
    );

    const { rules } = await currentRules(t.database.db);
    const where = sql`h.id IN (${sql.join(
      [...expected.keys()].map((id) => sql`${id}`),
      sql`, `,
    )})`;
    for (const most of [true, false]) {
      const found = await rows<{ household_id: number; flags: string[] }>(
        t.database.db,
        screeningSql(rules, YEAR, { where, most }, new Date()),
      );
      expect(new Map(found.map((r) => [Number(r.household_id), r.flags]))).toEqual(expected);
    }
  });

  it('an official of several places, on both sides, screens the households of each', async () => {
    const h = await household();
    await w.staff.put(`/api/households/${h.id}/incomes`, income(LINE - 1));
    const both = await signIn(t, ['township_officer'], [w.tree.otherCommunity, w.originTownship]);
    const run = await both.post('/api/monitoring/screenings', { year: YEAR });
    expect(run.statusCode, run.body).toBe(200);
    expect(run.json().byRule.income_below_line).toBeGreaterThanOrEqual(1);
    const residence = await signIn(t, ['township_officer'], [w.tree.otherCommunity]);
    expect((await residence.post('/api/monitoring/screenings', { year: YEAR })).json()).toMatchObject({
      screened: 0,
    });
  });
});

describe('access', () => {
  it('origin side reads incomes but does not enter them; strangers see nothing', async () => {
    const h = await household();
    await w.staff.put(`/api/households/${h.id}/incomes`, income(9000));
    const origin = await signIn(t, ['township_officer'], [w.originTownship]);
    expect((await origin.get(`/api/households/${h.id}/incomes`)).statusCode).toBe(200);
    const write = await origin.put(`/api/households/${h.id}/incomes`, { ...income(9000), version: 1 });
    expect(write.statusCode).toBe(403);
    const other = await signIn(t, ['grid_worker'], [w.tree.otherGrid]);
    expect((await other.get(`/api/households/${h.id}/incomes`)).statusCode).toBe(404);
    expect((await other.put(`/api/households/${h.id}/incomes`, income(1))).statusCode).toBe(404);
    const resident = await signIn(t, ['resident'], [w.tree.dwelling]);
    expect((await resident.get(`/api/households/${h.id}/incomes`)).statusCode).toBe(403);
    expect((await resident.get('/api/monitoring/leads')).statusCode).toBe(403);
    const grid = await signIn(t, ['grid_worker'], [w.tree.grid]);
    expect((await grid.get(`/api/households/${h.id}/incomes`)).statusCode).toBe(200);
  });

  it('only holders of monitoring:policy set lines and rules', async () => {
    const line = { year: YEAR, placeId: String(w.tree.county), amount: 7200 };
    expect((await w.staff.put('/api/monitoring/lines', line)).statusCode).toBe(403);
    const rules = (await w.staff.get('/api/monitoring/rules')).json();
    expect(
      (await w.staff.put('/api/monitoring/rules', { rules: rules.rules, version: rules.version })).statusCode,
    ).toBe(403);
  });
});

describe('policy as data', () => {
  it('a county line overrides the province line for its households', async () => {
    const h = await household();
    const set = await county.put('/api/monitoring/lines', {
      year: YEAR - 3,
      placeId: String(w.tree.county),
      amount: 9000,
    });
    expect(set.statusCode, set.body).toBe(200);
    const provinceAdmin = await signIn(t, ['county_admin'], [w.tree.province]);
    await provinceAdmin.put('/api/monitoring/lines', {
      year: YEAR - 3,
      placeId: String(w.tree.province),
      amount: 5000,
    });
    const res = await w.staff.put(`/api/households/${h.id}/incomes`, { ...income(8000), year: YEAR - 3 });
    expect(res.json().flags).toContain('income_below_line');
    const lines = await w.staff.get(`/api/monitoring/lines?year=${YEAR - 3}`);
    expect(lines.json().map((l: { amount: number }) => l.amount)).toEqual([5000, 9000]);
  });

  it('refuses a line below the county level, or outside the scope', async () => {
    const low = await county.put('/api/monitoring/lines', {
      year: YEAR,
      placeId: String(w.tree.community),
      amount: 7000,
    });
    expect(low.statusCode).toBe(400);
    expect(low.json().error.details[0].field).toBe('placeId');
    const outside = await county.put('/api/monitoring/lines', {
      year: YEAR,
      placeId: String(w.tree.province),
      amount: 7000,
    });
    expect(outside.statusCode).toBe(404);
  });

  it('rules are versioned; a stale edit is 409; the version that raised a lead is kept', async () => {
    const before = (await county.get('/api/monitoring/rules')).json();
    const changed = structuredClone(before.rules);
    changed.income_near_line.factor = 1.2;
    const saved = await county.put('/api/monitoring/rules', {
      rules: changed,
      note: '收紧边缘线',
      version: before.version,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ version: before.version + 1, note: '收紧边缘线' });
    const stale = await county.put('/api/monitoring/rules', { rules: before.rules, version: before.version });
    expect(stale.statusCode).toBe(409);
    try {
      const h = await household();
      const res = await w.staff.put(`/api/households/${h.id}/incomes`, income(Math.round(LINE * 1.3)));
      expect(res.json().flags).not.toContain('income_near_line');
      const history = (await county.get('/api/monitoring/rules/history')).json();
      expect(history[0].version).toBe(before.version + 1);
    } finally {
      await county.put('/api/monitoring/rules', {
        rules: before.rules,
        note: 'restore',
        version: before.version + 1,
      });
    }
  });
});

describe('the monthly screening', () => {
  it('screens every household on the last full year and raises leads without a user', async () => {
    const h = await household();
    await t.database.query(
      `INSERT INTO household_incomes (household_id, year, period, wage, operating, property, transfer,
         production_costs, medical_expense, schooling_expense, member_count)
       VALUES ($1, $2, 'year', 300, 0, 0, 0, 0, 0, 0, 3)`,
      [Number(h.id), YEAR],
    );
    const result = await screenAll(t.database, new Date(`${YEAR + 1}-03-01T03:00:00+08:00`));
    expect(result.year).toBe(YEAR);
    expect(result.screened).toBeGreaterThanOrEqual(1);
    const [lead] = await t.database.query<{ flags: string[]; created_by: number | null }>(
      `SELECT flags, created_by FROM monitoring_leads WHERE household_id = $1 AND status = 'open'`,
      [Number(h.id)],
    );
    expect(lead).toMatchObject({ flags: ['income_below_line'], created_by: null });
  });
});
