import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { SCREENING_RULES } from '@anju/contracts';
import { rows } from '../../db/rows.ts';
import { signIn } from '../../../test/harness.ts';
import { screenAll } from './monitoring.jobs.ts';
import { flagsFor, household, income, LINE, monitoringWorld, YEAR } from './monitoring.fixture.ts';
import { screeningSql } from './screening.sql.ts';

const m = monitoringWorld();

describe('screening rules at their boundaries (line 7,000 yuan)', () => {
  it('income below the line: strictly under it', async () => {
    expect(await flagsFor(m, LINE)).not.toContain('income_below_line');
    expect(await flagsFor(m, LINE - 1)).toContain('income_below_line');
  });

  it('income near the line: from the line up to 1.5 times it, exclusive', async () => {
    expect(await flagsFor(m, LINE)).toContain('income_near_line');
    expect(await flagsFor(m, LINE * 1.5 - 1)).toContain('income_near_line');
    expect(await flagsFor(m, LINE * 1.5)).not.toContain('income_near_line');
    expect(await flagsFor(m, LINE - 1)).not.toContain('income_near_line');
  });

  it('income drop: more than 30 % below last year', async () => {
    const drop = async (now: number) => {
      const h = await household(m);
      await m.w.staff.put(`/api/households/${h.id}/incomes`, { ...income(20000), year: YEAR - 1 });
      const res = await m.w.staff.put(`/api/households/${h.id}/incomes`, income(now));
      return res.json().flags as string[];
    };
    expect(await drop(14000)).not.toContain('income_drop');
    expect(await drop(13999)).toContain('income_drop');
  });

  it('rigid expenditure: above 50 % of net income', async () => {
    expect(await flagsFor(m, 10000, { medicalExpense: 10000, schoolingExpense: 5000 })).not.toContain(
      'rigid_expense',
    );
    expect(await flagsFor(m, 10000, { medicalExpense: 10001, schoolingExpense: 5000 })).toContain(
      'rigid_expense',
    );
  });

  it('no labour: nobody living in the household able to work', async () => {
    const h = await household(m);
    expect(
      (await m.w.staff.put(`/api/households/${h.id}/incomes`, income(20000))).json().flags,
    ).not.toContain('no_labour');
    for (const member of h.members) {
      const person = (await m.w.staff.get(`/api/persons/${member.id}`)).json();
      if (person.labourCapacity === 'none') continue;
      const res = await m.w.staff.patch(`/api/persons/${member.id}`, {
        labourCapacity: 'none',
        version: person.version,
      });
      expect(res.statusCode, res.body).toBe(200);
    }
    const rescreened = await m.w.staff.put(`/api/households/${h.id}/incomes`, {
      ...income(20000),
      version: 1,
    });
    expect(rescreened.json().flags).toContain('no_labour');
  });

  it('a member newly seriously ill', async () => {
    const h = await household(m);
    expect((await m.w.staff.put(`/api/households/${h.id}/incomes`, income(20000))).json().flags).toEqual([]);
    const head = await m.w.staff.get(`/api/persons/${h.members[0].id}`);
    const ill = await m.w.staff.patch(`/api/persons/${h.members[0].id}`, {
      health: 'serious_illness',
      version: head.json().version,
    });
    expect(ill.statusCode, ill.body).toBe(200);
    const res = await m.w.staff.put(`/api/households/${h.id}/incomes`, { ...income(20000), version: 1 });
    expect(res.json().flags).toEqual(['new_illness_disability']);
  });
});

describe('leads', () => {
  it('a flagged household gets one open lead, updated by later screenings, listed to both sides', async () => {
    const h = await household(m);
    await m.w.staff.put(`/api/households/${h.id}/incomes`, income(LINE - 100));
    await m.w.staff.put(`/api/households/${h.id}/incomes`, { ...income(LINE + 100), version: 1 });
    const mine = await m.w.staff.get(`/api/monitoring/leads?pageSize=200`);
    const leads = mine.json().items.filter((l: { householdId: string }) => l.householdId === h.id);
    expect(leads).toHaveLength(1);
    expect(leads[0]).toMatchObject({
      source: 'screening',
      status: 'open',
      flags: ['income_near_line'],
      year: YEAR,
    });

    const origin = await signIn(m.t, ['township_officer'], [m.w.originTownship]);
    const seen = await origin.get(`/api/monitoring/leads?pageSize=200`);
    expect(seen.json().items.map((l: { householdId: string }) => l.householdId)).toContain(h.id);
    const other = await signIn(m.t, ['community_staff'], [m.w.tree.otherCommunity]);
    const none = await other.get(`/api/monitoring/leads`);
    expect(none.json()).toMatchObject({ items: [], total: 0 });
  });

  it('a screening run covers the caller’s households only and counts per rule', async () => {
    const h = await household(m);
    await m.w.staff.put(`/api/households/${h.id}/incomes`, income(LINE - 1));
    const run = await m.w.staff.post('/api/monitoring/screenings', { year: YEAR });
    expect(run.statusCode, run.body).toBe(200);
    const result = run.json();
    expect(result.screened).toBeGreaterThanOrEqual(1);
    expect(result.byRule.income_below_line).toBeGreaterThanOrEqual(1);
    expect(result.newLeads).toBe(0);
    const other = await signIn(m.t, ['community_staff'], [m.w.tree.otherCommunity]);
    const elsewhere = await other.post('/api/monitoring/screenings', { year: YEAR });
    expect(elsewhere.json()).toMatchObject({ screened: 0, flagged: 0 });
  });
});

describe('screening runs', () => {
  it('find the flags re-screening found, whether each set is read whole or for the target only', async () => {
    const expected = new Map<number, string[]>();
    const saved = async (h: { id: string }, body: Record<string, unknown>) => {
      const res = await m.w.staff.put(`/api/households/${h.id}/incomes`, body);
      expect(res.statusCode, res.body).toBe(200);
      expected.set(Number(h.id), res.json().flags);
    };
    for (const perCapita of [LINE - 1, LINE, 20000]) await saved(await household(m), income(perCapita));
    await saved(await household(m), income(10000, { medicalExpense: 10001, schoolingExpense: 5000 }));
    const dropped = await household(m);
    await m.w.staff.put(`/api/households/${dropped.id}/incomes`, { ...income(20000), year: YEAR - 1 });
    await saved(dropped, income(13999));
    const ill = await household(m);
    const head = (await m.w.staff.get(`/api/persons/${ill.members[0].id}`)).json();
    await m.w.staff.patch(`/api/persons/${head.id}`, { health: 'serious_illness', version: head.version });
    await saved(ill, income(20000));
    const idle = await household(m);
    for (const member of idle.members) {
      const person = (await m.w.staff.get(`/api/persons/${member.id}`)).json();
      await m.w.staff.patch(`/api/persons/${member.id}`, { labourCapacity: 'none', version: person.version });
    }
    await saved(idle, income(20000));
    expect(new Set([...expected.values()].flat())).toEqual(
      new Set(SCREENING_RULES.filter((r) => r !== 'disaster_incident')),
    );

    const { rules } = (await m.county.get('/api/monitoring/rules')).json();
    const where = sql`h.id IN (${sql.join(
      [...expected.keys()].map((id) => sql`${id}`),
      sql`, `,
    )})`;
    for (const most of [true, false]) {
      const found = await rows<{ household_id: number; flags: string[] }>(
        m.t.database.db,
        screeningSql(rules, YEAR, { where, most }, new Date()),
      );
      expect(new Map(found.map((r) => [Number(r.household_id), r.flags]))).toEqual(expected);
    }
  });

  it('an official of several places, on both sides, screens the households of each', async () => {
    const h = await household(m);
    await m.w.staff.put(`/api/households/${h.id}/incomes`, income(LINE - 1));
    const both = await signIn(m.t, ['township_officer'], [m.w.tree.otherCommunity, m.w.originTownship]);
    const run = await both.post('/api/monitoring/screenings', { year: YEAR });
    expect(run.statusCode, run.body).toBe(200);
    expect(run.json().byRule.income_below_line).toBeGreaterThanOrEqual(1);
    const residence = await signIn(m.t, ['township_officer'], [m.w.tree.otherCommunity]);
    expect((await residence.post('/api/monitoring/screenings', { year: YEAR })).json()).toMatchObject({
      screened: 0,
    });
  });
});

describe('the monthly screening', () => {
  it('screens every household on the last full year and raises leads without a user', async () => {
    const h = await household(m);
    await m.t.database.query(
      `INSERT INTO household_incomes (household_id, year, period, wage, operating, property, transfer,
         production_costs, medical_expense, schooling_expense, member_count)
       VALUES ($1, $2, 'year', 300, 0, 0, 0, 0, 0, 0, 3)`,
      [Number(h.id), YEAR],
    );
    const result = await screenAll(m.t.database, new Date(`${YEAR + 1}-03-01T03:00:00+08:00`));
    expect(result.year).toBe(YEAR);
    expect(result.screened).toBeGreaterThanOrEqual(1);
    const [lead] = await m.t.database.query<{ flags: string[]; created_by: number | null }>(
      `SELECT flags, created_by FROM monitoring_leads WHERE household_id = $1 AND status = 'open'`,
      [Number(h.id)],
    );
    expect(lead).toMatchObject({ flags: ['income_below_line'], created_by: null });
  });
});
