import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PROCEDURE, type EliminationCheck, type ProcedureRules } from '@anju/contracts';
import { addPlace, signIn, testApp, type TestApp } from '../../../test/harness.ts';
import { family, registryWorld, type RegistryWorld } from '../registry/registry.fixture.ts';
import { checkElimination } from './elimination.service.ts';

let t: TestApp;
let w: RegistryWorld;

const NOW = new Date('2026-11-20T04:00:00Z');
/** Six calendar months before NOW. */
const SIX_MONTHS_AGO = new Date('2026-05-20T04:00:00Z');
const daysAgo = (n: number) => new Date(NOW.getTime() - n * 86_400_000);
const ALL_NEEDS = {
  food_clothing: true,
  compulsory_education: true,
  basic_medical: true,
  housing_safety: true,
  drinking_water: true,
};

interface Case {
  id: number;
  householdId: number;
  identifiedAt: Date | null;
  assistedSince: Date | null;
}

/** A family of three (two of working age, a child) with an assisted case identified 200 days before NOW. */
async function assisted(world = w, assistedSince = SIX_MONTHS_AGO): Promise<Case> {
  const dwelling = await addPlace(
    t.database,
    world.tree.building,
    'dwelling',
    `${Math.random()}室`.slice(0, 8),
  );
  const h = await family(world, dwelling);
  const identifiedAt = daysAgo(200);
  const [lead] = await t.database.query<{ id: number }>(
    `INSERT INTO monitoring_leads (household_id, source, status, created_at) VALUES ($1, 'visit', 'case', $2) RETURNING id`,
    [Number(h.id), daysAgo(210)],
  );
  const [c] = await t.database.query<{ id: number }>(
    `INSERT INTO monitoring_cases (household_id, lead_id, residence_path, origin_path, step, decision_due_at,
                                   identified_at, assisted_since)
     SELECT id, $2, residence_path, origin_path, 'assisted', $3, $3, $4 FROM households WHERE id = $1 RETURNING id`,
    [Number(h.id), lead.id, identifiedAt, assistedSince],
  );
  return { id: c.id, householdId: Number(h.id), identifiedAt, assistedSince };
}

/** An income record of three members whose per-capita net is `perCapita`, entered at `at`. */
async function income(c: Case, year: number, perCapita: number, at: Date, period = 'year') {
  await t.database.query(
    `INSERT INTO household_incomes (household_id, year, period, wage, operating, property, transfer, production_costs,
                                    medical_expense, schooling_expense, member_count, entered_at)
     VALUES ($1, $2, $3, $4, 1200, 0, 800, 2000, 0, 0, 3, $5)`,
    [c.householdId, year, period, perCapita * 3, at],
  );
}

const line = (placeId: number, year: number, amount: number) =>
  t.database.query(`INSERT INTO monitoring_lines (year, place_id, amount) VALUES ($1, $2, $3)`, [
    year,
    placeId,
    amount,
  ]);

const check = (
  c: Case,
  needs: Record<string, boolean> | null = ALL_NEEDS,
  rules: ProcedureRules = DEFAULT_PROCEDURE,
  now = NOW,
) => checkElimination(t.database.db, c, needs, rules, now);

const criterion = (r: EliminationCheck, code: string) => r.criteria.find((k) => k.code === code)!;

beforeAll(async () => {
  t = await testApp();
  w = await registryWorld(t);
  // The county's line takes precedence over the province's.
  await line(w.tree.province, 2025, 6000);
  await line(w.tree.province, 2026, 6500);
  await line(w.tree.county, 2026, 7000);
});
afterAll(() => t.close());

describe('risk elimination criteria', () => {
  it('assisted exactly six months, income exactly at the line, needs secured, no new risk, labour: all met', async () => {
    const c = await assisted();
    await income(c, 2026, 7000, daysAgo(30));
    const r = await check(c);
    expect(r.ok).toBe(true);
    expect(criterion(r, 'income_stable')).toEqual({
      code: 'income_stable',
      met: true,
      params: {
        months: 6,
        fromYear: 2026,
        since: '2026-05-20',
        year: 2026,
        recordMonths: 12,
        partYear: 'annualise',
        line: 7000,
        perCapitaNet: 7000,
        recentRecords: 1,
        belowLine: 0,
      },
    });
    expect(r.criteria.map((k) => [k.code, k.met])).toEqual([
      ['income_stable', true],
      ['basic_needs', true],
      ['no_new_risk', true],
      ['has_labour', true],
    ]);
  });

  it('one second short of six months of assistance is not stable', async () => {
    const c = await assisted(w, new Date(SIX_MONTHS_AGO.getTime() + 1000));
    await income(c, 2026, 9000, daysAgo(30));
    const r = await check(c);
    expect(criterion(r, 'income_stable').met).toBe(false);
    expect(r.ok).toBe(false);
  });

  it('reads income by the year it covers: last year corrected today does not block this year', async () => {
    const c = await assisted(w, daysAgo(400));
    await income(c, 2025, 5999, daysAgo(390));
    await income(c, 2026, 7000, daysAgo(100));
    // last year's record corrected today, still below its line: the six months reach 2026 only
    await t.database.query(
      `UPDATE household_incomes SET wage = 3000, entered_at = $2 WHERE household_id = $1 AND year = 2025`,
      [c.householdId, NOW],
    );
    expect(criterion(await check(c), 'income_stable')).toMatchObject({
      met: true,
      params: { fromYear: 2026, recentRecords: 1, belowLine: 0, year: 2026 },
    });

    const short = await assisted();
    await income(short, 2026, 6999, daysAgo(10));
    expect(criterion(await check(short), 'income_stable')).toMatchObject({
      met: false,
      params: { line: 7000, perCapitaNet: 6999, belowLine: 1 },
    });
  });

  it('when the six months reach back into last year, last year’s record counts, at its own line', async () => {
    const early = new Date('2026-03-01T04:00:00Z');
    const since = new Date('2025-06-01T04:00:00Z');
    const below = await assisted(w, since);
    await income(below, 2025, 5999, daysAgo(600));
    await income(below, 2026, 7000, daysAgo(300), 'mid_year');
    expect(criterion(await check(below, ALL_NEEDS, DEFAULT_PROCEDURE, early), 'income_stable')).toMatchObject(
      {
        met: false,
        params: { fromYear: 2025, recentRecords: 2, belowLine: 1 },
      },
    );
    const at = await assisted(w, since);
    await income(at, 2025, 6000, daysAgo(600));
    expect(criterion(await check(at, ALL_NEEDS, DEFAULT_PROCEDURE, early), 'income_stable')).toMatchObject({
      met: true,
      params: { fromYear: 2025, recentRecords: 1, belowLine: 0, line: 6000 },
    });
  });

  it('a mid-year record is annualised (or meets the line pro-rated to six months); a whole-year record replaces it', async () => {
    const c = await assisted();
    await income(c, 2026, 3500, daysAgo(30), 'mid_year');
    expect(criterion(await check(c), 'income_stable')).toMatchObject({
      met: true,
      params: { recordMonths: 6, perCapitaNet: 7000, line: 7000, partYear: 'annualise' },
    });
    const short = await assisted();
    await income(short, 2026, 3499, daysAgo(30), 'mid_year');
    expect(criterion(await check(short), 'income_stable')).toMatchObject({
      met: false,
      params: { perCapitaNet: 6998, line: 7000, belowLine: 1 },
    });
    const prorated = { ...DEFAULT_PROCEDURE, partYear: 'prorate_line' as const };
    expect(criterion(await check(short, ALL_NEEDS, prorated), 'income_stable')).toMatchObject({
      met: false,
      params: { perCapitaNet: 3499, line: 3500, partYear: 'prorate_line' },
    });
    await income(short, 2026, 7000, daysAgo(5));
    expect(criterion(await check(short), 'income_stable')).toMatchObject({
      met: true,
      params: { recordMonths: 12, recentRecords: 1 },
    });
  });

  it('without a record for a year the six months reach, income is not known to be stable', async () => {
    const c = await assisted(w, daysAgo(400));
    await income(c, 2025, 9000, daysAgo(1));
    expect(criterion(await check(c), 'income_stable')).toMatchObject({
      met: false,
      params: { recentRecords: 0 },
    });
  });

  it('a regional rule of three stable months passes a household assisted for three', async () => {
    const c = await assisted(w, new Date('2026-08-20T04:00:00Z'));
    await income(c, 2026, 7000, daysAgo(30));
    expect(criterion(await check(c), 'income_stable').met).toBe(false);
    const three = { ...DEFAULT_PROCEDURE, stableMonths: 3 };
    expect(criterion(await check(c, ALL_NEEDS, three), 'income_stable')).toMatchObject({
      met: true,
      params: { months: 3 },
    });
  });

  it('where the county has no line, the province’s applies; a year without any line cannot be shown above it', async () => {
    const other = await registryWorld(t);
    await line(other.tree.province, 2026, 6500);
    const c = await assisted(other);
    await income(c, 2026, 6500, daysAgo(30));
    expect(criterion(await check(c), 'income_stable')).toMatchObject({ met: true, params: { line: 6500 } });
    const bare = await registryWorld(t);
    const unlined = await assisted(bare);
    await income(unlined, 2026, 99999, daysAgo(30));
    expect(criterion(await check(unlined), 'income_stable')).toMatchObject({
      met: false,
      params: { belowLine: 1 },
    });
  });

  it('every basic need must be secured; none recorded is not met', async () => {
    const c = await assisted();
    expect(criterion(await check(c, null), 'basic_needs').met).toBe(false);
    const missing = criterion(await check(c, { ...ALL_NEEDS, drinking_water: false }), 'basic_needs');
    expect(missing).toMatchObject({ met: false, params: { drinking_water: false, food_clothing: true } });
    const { housing_safety: _, ...fewer } = ALL_NEEDS;
    expect(criterion(await check(c, fewer), 'basic_needs').met).toBe(false);
    expect(criterion(await check(c), 'basic_needs').met).toBe(true);
  });

  it('an open lead raised after identification is a new risk; one raised before, or closed, is not', async () => {
    const c = await assisted();
    const lead = (at: Date, status: string) =>
      t.database.query(
        `INSERT INTO monitoring_leads (household_id, source, status, created_at) VALUES ($1, 'visit', $2, $3)`,
        [c.householdId, status, at],
      );
    await lead(new Date(c.identifiedAt!.getTime() - 1000), 'open');
    expect(criterion(await check(c), 'no_new_risk')).toMatchObject({ met: true, params: { openLeads: 0 } });
    await t.database.query(
      `UPDATE monitoring_leads SET status = 'dismissed' WHERE household_id = $1 AND status = 'open'`,
      [c.householdId],
    );
    await lead(daysAgo(5), 'dismissed');
    expect(criterion(await check(c), 'no_new_risk').met).toBe(true);
    await lead(daysAgo(3), 'open');
    const r = await check(c);
    expect(criterion(r, 'no_new_risk')).toMatchObject({ met: false, params: { openLeads: 1 } });
    expect(r.ok).toBe(false);
  });

  it('a household without a living member able to work cannot be eliminated', async () => {
    const c = await assisted();
    await income(c, 2026, 8000, daysAgo(30));
    const setLabour = (capacity: string, relation: string) =>
      t.database.query(`UPDATE persons SET labour_capacity = $1 WHERE household_id = $2 AND relation = $3`, [
        capacity,
        c.householdId,
        relation,
      ]);
    await setLabour('none', 'spouse');
    await t.database.query(
      `UPDATE persons SET status = 'deceased' WHERE household_id = $1 AND relation = 'head'`,
      [c.householdId],
    );
    const r = await check(c);
    expect(criterion(r, 'has_labour')).toEqual({
      code: 'has_labour',
      met: false,
      params: { labourers: 0, required: true },
    });
    expect(r.ok).toBe(false);
    const lets = { ...DEFAULT_PROCEDURE, noLabourStaysMonitored: false };
    expect(criterion(await check(c, ALL_NEEDS, lets), 'has_labour')).toMatchObject({
      met: true,
      params: { labourers: 0, required: false },
    });
    await setLabour('partial', 'spouse');
    expect(criterion(await check(c), 'has_labour')).toMatchObject({ met: true, params: { labourers: 1 } });
  });

  it('the check of a case reads its recorded basic needs, for both sides', async () => {
    const c = await assisted();
    const url = `/api/monitoring/cases/${c.id}/elimination-check`;
    const before = await w.staff.get(url);
    expect(before.statusCode, before.body).toBe(200);
    expect(criterion(before.json(), 'basic_needs').met).toBe(false);
    await t.database.query(`UPDATE monitoring_cases SET basic_needs = $1 WHERE id = $2`, [
      JSON.stringify(ALL_NEEDS),
      c.id,
    ]);
    const origin = await signIn(t, ['township_officer'], [w.originTownship]);
    const after = await origin.get(url);
    expect(after.statusCode).toBe(200);
    expect(criterion(after.json(), 'basic_needs').met).toBe(true);
    expect(after.json().criteria).toHaveLength(4);
    const stranger = await signIn(t, ['grid_worker'], [w.tree.otherGrid]);
    expect((await stranger.get(url)).statusCode).toBe(404);
    const resident = await signIn(t, ['resident'], [w.tree.community]);
    expect((await resident.get(url)).statusCode).toBe(403);
  });
});
