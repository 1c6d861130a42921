import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PROCEDURE } from '@anju/contracts';
import { alertOverdueCases } from './cases.jobs.ts';
import {
  backdateNotice,
  caseSuite,
  chinaDay,
  COMPARISON,
  householdWithLead,
  openedCase,
  refused,
  review,
  step,
  VERIFICATION,
  act,
} from './cases.fixture.ts';

const s = caseSuite();

describe('the clock starts at the lead', () => {
  it('a lead nobody opened within the decision days is alerted to its community once, like a late case', async () => {
    const late = await householdWithLead(s.t, s.w);
    const fresh = await householdWithLead(s.t, s.w);
    const age = async (leadId: string, days: number) =>
      s.t.database.db.execute(
        sql`UPDATE monitoring_leads SET created_at = now() - make_interval(days => ${days}) WHERE id = ${Number(leadId)}`,
      );
    await age(late.leadId, 15);
    await s.t.database.db.execute(
      sql`UPDATE monitoring_leads SET created_at = created_at - interval '1 second' WHERE id = ${Number(late.leadId)}`,
    );
    await age(fresh.leadId, 14);
    await alertOverdueCases(s.t.database);
    const alerts = async (c: typeof s.w.staff, no: string) =>
      (await c.get('/api/notifications?pageSize=100'))
        .json()
        .items.filter(
          (n: { kind: string; link: string }) =>
            n.kind === 'case_overdue' && n.link === `/monitoring/leads?q=${no}`,
        );
    expect(await alerts(s.w.staff, late.household.householdNo)).toHaveLength(1);
    expect(await alerts(s.w.grid, late.household.householdNo)).toHaveLength(1);
    expect(await alerts(s.w.township, late.household.householdNo)).toHaveLength(0);
    expect(await alerts(s.w.neighbour, late.household.householdNo)).toHaveLength(0);
    expect(await alerts(s.w.staff, fresh.household.householdNo)).toHaveLength(0);
    await alertOverdueCases(s.t.database);
    expect(await alerts(s.w.staff, late.household.householdNo)).toHaveLength(1);
  });

  it('the default step deadlines add up to the 15 days from the lead', async () => {
    const days = DEFAULT_PROCEDURE.stepOrder.reduce((n, step) => n + DEFAULT_PROCEDURE.stepDays[step], 0);
    expect(days).toBe(15);
    expect(DEFAULT_PROCEDURE.decisionDays).toBe(15);
    const c = await openedCase(s.t, s.w);
    const opened = (await s.w.staff.get(`/api/monitoring/cases/${c.id}`)).json();
    expect(new Date(opened.decisionDueAt).getTime() - new Date(opened.stepDueAt).getTime()).toBe(
      12 * 86_400_000,
    );
  });
});

describe('a case runs under its region’s procedure, as of its opening', () => {
  it('a county’s seven-day notice, order and notice columns apply to cases opened after it; earlier ones keep theirs', async () => {
    const before = await openedCase(s.t, s.w);
    const national = (await s.w.county.get('/api/monitoring/procedure')).json();
    const rules = {
      ...DEFAULT_PROCEDURE,
      noticeDays: 7,
      stepOrder: ['comparison', 'verification', 'community_review', 'township_review', 'county_approval'],
      stepDays: { ...DEFAULT_PROCEDURE.stepDays, verification: 2, comparison: 1, community_review: 9 },
      notice: { columns: ['head_name', 'household_size', 'proposal'], hiddenRiskTypes: [] },
    };
    const set = await s.w.county.put('/api/monitoring/procedure', {
      placeId: String(s.w.tree.county),
      rules,
      basedOn: national.id,
    });
    expect(set.statusCode, set.body).toBe(200);

    const c = await openedCase(s.t, s.w);
    const opened = (await s.w.staff.get(`/api/monitoring/cases/${c.id}`)).json();
    expect(opened).toMatchObject({ step: 'comparison', actions: ['compare'], policy: { id: set.json().id } });
    expect((await s.w.staff.get(`/api/monitoring/cases/${before.id}`)).json()).toMatchObject({
      step: 'verification',
      policy: { id: national.id, noticeDays: 5 },
    });
    expect((await step(s.w.staff, c.id, { action: 'compare', comparison: COMPARISON })).step).toBe(
      'verification',
    );
    await step(s.w.staff, c.id, { action: 'verify', verification: VERIFICATION });
    const published = await step(s.w.staff, c.id, { action: 'publish_notice', review: review() });
    expect(published).toMatchObject({ noticeFrom: chinaDay(), noticeUntil: chinaDay(6) });
    const notice = await s.w.staff.get(`/api/monitoring/cases/${c.id}/notice`);
    expect(notice.body).toContain('（共 7 天）');
    expect(notice.body).toContain('<th>户主姓名</th><th>家庭人口</th><th>拟办事项</th>');
    expect(notice.body).not.toContain('突发严重困难户');
    await backdateNotice(s.t, c.id, 6);
    expect(refused(await act(s.w.staff, c.id, { action: 'approve' }), 409)).toEqual({
      field: 'action',
      reason: 'notice_running',
    });
    await backdateNotice(s.t, c.id, 1);
    expect((await step(s.w.staff, c.id, { action: 'approve' })).step).toBe('township_review');
  });
});
