import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../db/rows.ts';
import { signIn, testApp, type TestApp } from '../../../test/harness.ts';
import { act, backdateNotice, caseWorld, identified, review, step, type CaseWorld } from './cases.fixture.ts';

let t: TestApp;
let w: CaseWorld;
/** This year in China time: elimination reads the records of the years its six months reach. */
const YEAR = new Date(Date.now() + 8 * 3_600_000).getUTCFullYear();
const LINE = 7000;
const NEEDS = {
  food_clothing: true,
  compulsory_education: true,
  basic_medical: true,
  housing_safety: true,
  drinking_water: true,
};

beforeAll(async () => {
  t = await testApp();
  w = await caseWorld(t);
  const province = await signIn(t, ['county_admin'], [w.tree.province]);
  const line = await province.put('/api/monitoring/lines', {
    year: YEAR,
    placeId: String(w.tree.province),
    amount: LINE,
  });
  expect(line.statusCode, line.body).toBe(200);
});
afterAll(() => t.close());

/** Seven months of assistance behind the case, and this year's income of `perCapita` a person. */
async function assistedLongAgo(id: string, householdId: string, perCapita: number) {
  await t.database.db.execute(
    sql`UPDATE monitoring_cases SET assisted_since = now() - interval '7 months',
                                    identified_at = now() - interval '7 months'
         WHERE id = ${Number(id)}`,
  );
  const income = await w.staff.put(`/api/households/${householdId}/incomes`, {
    year: YEAR,
    wage: perCapita * 3,
    operating: 0,
    property: 0,
    transfer: 0,
    productionCosts: 0,
    medicalExpense: 0,
    schoolingExpense: 0,
  });
  expect(income.statusCode, income.body).toBe(200);
}

const measure = (over: Record<string, unknown>) => ({
  type: 'health',
  providerKind: 'department',
  providerName: '县医保局',
  startOn: '2026-01-01',
  ...over,
});

describe('risk elimination', () => {
  it('assisted → proposed → notice → township → county → eliminated → rolled back', async () => {
    const c = await identified(t, w);
    await assistedLongAgo(c.id, c.household.id, 12000);
    const ends = await w.staff.post(`/api/monitoring/cases/${c.id}/measures`, measure({}));
    expect(ends.statusCode, ends.body).toBe(201);
    const stays = await w.staff.post(
      `/api/monitoring/cases/${c.id}/measures`,
      measure({ type: 'education', providerName: '县教育局', outlivesElimination: true }),
    );
    expect(stays.statusCode, stays.body).toBe(201);

    const noNeeds = await act(w.staff, c.id, { action: 'propose_elimination' });
    expect(noNeeds.statusCode).toBe(400);
    expect(noNeeds.json().error.details).toEqual([{ field: 'basicNeeds', reason: 'is required' }]);
    const proposed = await step(w.staff, c.id, { action: 'propose_elimination', basicNeeds: NEEDS });
    expect(proposed).toMatchObject({ step: 'elimination_community', owner: 'community', canAssist: true });
    expect(proposed.events.at(-1).data).toEqual({ basicNeeds: NEEDS });
    // the elimination notice runs within the community's ten days
    const stepDays = (new Date(proposed.stepDueAt).getTime() - Date.now()) / 86_400_000;
    expect(Math.round(stepDays)).toBe(10);
    expect((await act(w.staff, c.id, { action: 'approve' })).json().error.details[0].reason).toBe(
      'no_notice',
    );
    await step(w.staff, c.id, { action: 'publish_notice', review: review() });
    expect((await act(w.staff, c.id, { action: 'approve' })).json().error.details[0].reason).toBe(
      'notice_running',
    );
    await backdateNotice(t, c.id, 5);
    await step(w.staff, c.id, { action: 'approve' });
    const backToCommunity = await step(w.township, c.id, { action: 'send_back', reason: '补充收入证明' });
    expect(backToCommunity.step).toBe('elimination_community');
    await step(w.staff, c.id, { action: 'publish_notice', review: review() });
    await backdateNotice(t, c.id, 5);
    await step(w.staff, c.id, { action: 'approve' });
    await step(w.township, c.id, { action: 'approve' });
    const eliminated = await step(w.county, c.id, { action: 'approve' });
    expect(eliminated).toMatchObject({ step: 'eliminated', owner: null, canAssist: false });
    expect(eliminated.closedAt).not.toBeNull();
    expect(eliminated.announcements.map((a: { kind: string }) => a.kind)).toEqual([
      'identification',
      'elimination',
    ]);
    const announced = await w.origin.get(`/api/monitoring/cases/${c.id}/announcement?kind=elimination`);
    expect(announced.statusCode).toBe(200);
    expect(announced.body).toContain('防止返贫监测对象风险消除结果公告');
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    const byType = Object.fromEntries(
      eliminated.measures.map((m: { type: string; endOn: string | null }) => [m.type, m.endOn]),
    );
    expect(byType).toEqual({ health: today, education: null });
    expect((await w.staff.get(`/api/households/${c.household.id}`)).json().povertyStatus).toBe(
      'out_of_poverty',
    );
    expect(eliminated.actions).toEqual(['rollback']);
    expect((await w.township.get(`/api/monitoring/cases/${c.id}`)).json().actions).toEqual(['rollback']);
    expect((await w.staff.get(`/api/monitoring/cases/${c.id}`)).json().actions).toEqual([]);

    const staffRollback = await act(w.staff, c.id, { action: 'rollback', reason: 'x' });
    expect(staffRollback.statusCode).toBe(403);
    const noReason = await act(w.county, c.id, { action: 'rollback' });
    expect(noReason.json().error.details).toEqual([{ field: 'reason', reason: 'is required' }]);
    const [before] = await rows<{ identified_at: Date }>(
      t.database.db,
      sql`SELECT identified_at FROM monitoring_cases WHERE id = ${Number(c.id)}`,
    );
    const rolledBack = await step(w.county, c.id, { action: 'rollback', reason: '户主再次患病住院' });
    expect(rolledBack).toMatchObject({ step: 'assisted', closedAt: null, canAssist: true });
    expect(new Date(rolledBack.identifiedAt).getTime()).toBe(new Date(before.identified_at).getTime());
    expect((await w.staff.get(`/api/households/${c.household.id}`)).json().povertyStatus).toBe('monitored');
    const [since] = await rows<{ fresh: boolean }>(
      t.database.db,
      sql`SELECT assisted_since > now() - interval '1 minute' AS fresh FROM monitoring_cases WHERE id = ${Number(c.id)}`,
    );
    expect(since.fresh).toBe(true);
    expect(rolledBack.events.at(-1)).toMatchObject({
      action: 'rollback',
      fromStep: 'eliminated',
      toStep: 'assisted',
      reason: '户主再次患病住院',
    });
  });

  it('refuses to propose or approve an elimination whose criteria are not met, naming each', async () => {
    const c = await identified(t, w);
    const tooSoon = await act(w.staff, c.id, {
      action: 'propose_elimination',
      basicNeeds: { ...NEEDS, basic_medical: false },
    });
    expect(tooSoon.statusCode).toBe(400);
    const fields = tooSoon.json().error.details.map((d: { field: string }) => d.field);
    expect(fields).toEqual(['criteria.income_stable', 'criteria.basic_needs']);
    expect((await w.staff.get(`/api/monitoring/cases/${c.id}`)).json()).toMatchObject({
      step: 'assisted',
      version: 7,
    });

    await assistedLongAgo(c.id, c.household.id, 12000);
    await step(w.staff, c.id, { action: 'propose_elimination', basicNeeds: NEEDS });
    await step(w.staff, c.id, { action: 'publish_notice', review: review() });
    await backdateNotice(t, c.id, 5);
    await step(w.staff, c.id, { action: 'approve' });
    await step(w.township, c.id, { action: 'approve' });
    const lead = await w.grid.post('/api/monitoring/leads', {
      householdId: c.household.id,
      source: 'visit',
      note: '公示期间又发生意外',
    });
    expect(lead.statusCode).toBe(201);
    const refused = await act(w.county, c.id, { action: 'approve' });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details).toEqual([{ field: 'criteria.no_new_risk', reason: 'is not met' }]);
    const sentBack = await step(w.county, c.id, { action: 'send_back', reason: '有新的风险线索' });
    expect(sentBack.step).toBe('elimination_township');
  });

  it('a rollback waits while the household has another live case', async () => {
    const c = await identified(t, w);
    await assistedLongAgo(c.id, c.household.id, 12000);
    await step(w.staff, c.id, { action: 'propose_elimination', basicNeeds: NEEDS });
    await step(w.staff, c.id, { action: 'publish_notice', review: review() });
    await backdateNotice(t, c.id, 5);
    await step(w.staff, c.id, { action: 'approve' });
    await step(w.township, c.id, { action: 'approve' });
    await step(w.county, c.id, { action: 'approve' });
    const lead = await w.staff.post('/api/monitoring/leads', {
      householdId: c.household.id,
      source: 'department_data',
      note: '民政：申请临时救助',
    });
    const second = await w.staff.post('/api/monitoring/cases', { leadId: lead.json().id });
    expect(second.statusCode, second.body).toBe(201);
    const rollback = await act(w.township, c.id, { action: 'rollback', reason: '风险返回' });
    expect(rollback.statusCode).toBe(409);
    expect(rollback.json().error.details).toEqual([
      { field: 'action', reason: `already case ${second.json().id}` },
    ]);
  });
});
