import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { rows } from '../../db/rows.ts';
import { errorCode, signIn } from '../../../test/harness.ts';
import {
  act,
  backdateNotice,
  chinaDay,
  caseSuite,
  COMPARISON,
  householdWithLead,
  openedCase,
  refused,
  step,
  VERIFICATION,
  review,
} from './cases.fixture.ts';

const s = caseSuite();

describe('opening a case', () => {
  it('opens a case from an open lead: verification first, decision due 15 days after the lead', async () => {
    const { household, leadId } = await householdWithLead(s.t, s.w);
    const [lead] = await rows<{ created_at: Date }>(
      s.t.database.db,
      sql`SELECT created_at FROM monitoring_leads WHERE id = ${Number(leadId)}`,
    );
    const res = await s.w.staff.post('/api/monitoring/cases', { leadId });
    expect(res.statusCode, res.body).toBe(201);
    const c = res.json();
    expect(c).toMatchObject({
      householdId: household.id,
      householdNo: household.householdNo,
      headName: '李明',
      communityName: '靖安社区',
      leadId,
      leadSource: 'department_data',
      step: 'verification',
      owner: 'community',
      overdue: false,
      version: 1,
      verification: null,
      measures: [],
      canAssist: false,
    });
    expect(new Date(c.decisionDueAt).getTime() - new Date(lead.created_at).getTime()).toBe(15 * 86_400_000);
    // the clock starts at the lead: verification is due on its day 3
    expect(new Date(c.stepDueAt).getTime() - new Date(lead.created_at).getTime()).toBe(3 * 86_400_000);
    expect(c.actions).toEqual(['verify']);
    expect(c.events).toMatchObject([
      { action: 'open', fromStep: null, toStep: 'verification', actorName: s.w.staff.username },
    ]);
    const leads = await s.w.staff.get(`/api/monitoring/leads?q=${household.householdNo}`);
    expect(leads.json().items[0]).toMatchObject({ id: leadId, status: 'case' });
    const [audited] = await rows<{ n: number }>(
      s.t.database.db,
      sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'monitoring.case_open' AND target_id = ${c.id}`,
    );
    expect(audited.n).toBe(1);
  });

  it('refuses a second live case of the household naming the first, and a lead no longer open', async () => {
    const first = await openedCase(s.t, s.w);
    const again = await s.w.staff.post('/api/monitoring/cases', { leadId: first.leadId });
    expect(refused(again, 409)).toEqual({ field: 'leadId', reason: `already case ${first.id}` });
    const second = await s.w.grid.post('/api/monitoring/leads', {
      householdId: first.household.id,
      source: 'visit',
      note: '又一次走访发现困难',
    });
    expect(second.statusCode).toBe(201);
    const twice = await s.w.grid.post('/api/monitoring/cases', { leadId: second.json().id });
    expect(refused(twice, 409)).toEqual({ field: 'leadId', reason: `already case ${first.id}` });
    expect((await s.w.staff.post('/api/monitoring/cases', { leadId: '999999999' })).statusCode).toBe(404);
  });

  it('only the community of residence opens a case', async () => {
    const { leadId } = await householdWithLead(s.t, s.w);
    expect(errorCode(await s.w.township.post('/api/monitoring/cases', { leadId }))).toBe('forbidden');
    expect(errorCode(await s.w.county.post('/api/monitoring/cases', { leadId }))).toBe('forbidden');
    expect(errorCode(await s.w.origin.post('/api/monitoring/cases', { leadId }))).toBe('forbidden');
    const hidden = await s.w.neighbour.post('/api/monitoring/cases', { leadId });
    const missing = await s.w.neighbour.post('/api/monitoring/cases', { leadId: '999999999' });
    expect(errorCode(hidden)).toBe('not_found');
    expect(hidden.json().error.message).toBe(missing.json().error.message);
    const resident = await signIn(s.t, ['resident'], [s.w.tree.dwelling]);
    expect((await resident.post('/api/monitoring/cases', { leadId })).statusCode).toBe(403);
    const department = await signIn(s.t, ['department_officer'], [s.w.tree.county]);
    expect((await department.post('/api/monitoring/cases', { leadId })).statusCode).toBe(403);
    expect((await s.w.grid.post('/api/monitoring/cases', { leadId })).statusCode).toBe(201);
  });
});

describe('identification', () => {
  it('verification → comparison → notice → township → county → assisted, each move kept', async () => {
    const c = await openedCase(s.t, s.w);
    const verified = await step(s.w.staff, c.id, { action: 'verify', verification: VERIFICATION });
    expect(verified).toMatchObject({
      step: 'comparison',
      category: 'sudden_hardship',
      riskTypes: ['illness'],
      verification: { consent: { signedBy: '李明' } },
      actions: ['compare', 'send_back'],
    });
    const compared = await step(s.w.staff, c.id, { action: 'compare', comparison: COMPARISON });
    expect(compared).toMatchObject({ step: 'community_review', comparison: COMPARISON });
    expect(compared.actions).toEqual(['publish_notice', 'send_back']);

    const noNotice = await act(s.w.staff, c.id, { action: 'approve' });
    expect(refused(noNotice, 409)).toEqual({ field: 'action', reason: 'no_notice' });
    const future = await act(s.w.staff, c.id, {
      action: 'publish_notice',
      noticeFrom: chinaDay(1),
      review: review(),
    });
    expect(refused(future, 400)).toMatchObject({ field: 'noticeFrom' });
    const early = await act(s.w.staff, c.id, {
      action: 'publish_notice',
      noticeFrom: chinaDay(-1),
      review: review(),
    });
    expect(refused(early, 400)).toMatchObject({ field: 'noticeFrom' });
    const published = await step(s.w.staff, c.id, { action: 'publish_notice', review: review() });
    expect(published).toMatchObject({
      step: 'community_review',
      noticeFrom: chinaDay(),
      noticeUntil: chinaDay(4),
      review: { heldOn: chinaDay(), attendeeCount: 11, result: 'agreed' },
      policy: { version: 1, noticeDays: 5 },
    });
    // the review's deadline is the lead's day 3 + 2 + 7 = 12 of its 15, whenever the notice went up
    expect(new Date(published.decisionDueAt).getTime() - new Date(published.stepDueAt).getTime()).toBe(
      3 * 86_400_000,
    );
    const running = await act(s.w.staff, c.id, { action: 'approve' });
    expect(refused(running, 409)).toEqual({ field: 'action', reason: 'notice_running' });
    expect(published.actions).not.toContain('approve');

    await backdateNotice(s.t, c.id, 5);
    const reviewed = await step(s.w.staff, c.id, { action: 'approve' });
    expect(reviewed).toMatchObject({
      step: 'township_review',
      owner: 'township',
      noticeFrom: null,
      noticeUntil: null,
    });
    expect(reviewed.actions).toEqual([]);
    expect((await s.w.township.get(`/api/monitoring/cases/${c.id}`)).json().actions).toEqual([
      'approve',
      'send_back',
      'reject',
    ]);
    const notTownship = await act(s.w.staff, c.id, { action: 'approve' });
    expect(refused(notTownship, 403)).toEqual({ field: 'action', reason: 'not_yours' });
    await step(s.w.township, c.id, { action: 'approve' });
    const notCounty = await act(s.w.township, c.id, { action: 'approve' });
    expect(refused(notCounty, 403)).toEqual({ field: 'action', reason: 'not_yours' });
    const assisted = await step(s.w.county, c.id, { action: 'approve' });
    expect(assisted).toMatchObject({ step: 'assisted', owner: 'community', stepDueAt: null, closedAt: null });
    expect(assisted.identifiedAt).not.toBeNull();
    expect(assisted.events.map((e: { action: string; toStep: string }) => `${e.action}:${e.toStep}`)).toEqual(
      [
        'open:verification',
        'verify:comparison',
        'compare:community_review',
        'publish_notice:community_review',
        'approve:township_review',
        'approve:county_approval',
        'approve:assisted',
      ],
    );
    expect(assisted.events[1].data.verification.category).toBe('sudden_hardship');
    expect(assisted.events[3].data).toEqual({
      noticeFrom: chinaDay(),
      noticeUntil: chinaDay(4),
      noticeDays: 5,
      review: review(),
    });
    expect((await s.w.staff.get(`/api/monitoring/cases/${c.id}`)).json()).toMatchObject({
      canAssist: true,
      actions: ['propose_elimination', 'record_national_entry'],
      announcements: [{ kind: 'identification', on: chinaDay() }],
    });
    const household = await s.w.staff.get(`/api/households/${c.household.id}`);
    expect(household.json().povertyStatus).toBe('monitored');
    const [kept] = await rows<{ prior_status: string }>(
      s.t.database.db,
      sql`SELECT prior_status FROM monitoring_cases WHERE id = ${Number(c.id)}`,
    );
    expect(kept.prior_status).toBe('out_of_poverty');
  });

  it('refuses incomplete verification, unknown codes and a missing record', async () => {
    const c = await openedCase(s.t, s.w);
    const missing = await act(s.w.staff, c.id, { action: 'verify' });
    expect(refused(missing, 400)).toEqual({ field: 'verification', reason: 'is required' });
    const unconfirmed = await act(s.w.staff, c.id, {
      action: 'verify',
      verification: { ...VERIFICATION, items: { ...VERIFICATION.items, income_checked: false } },
    });
    expect(refused(unconfirmed, 400)).toEqual({
      field: 'verification.items.income_checked',
      reason: 'must be confirmed',
    });
    const noConsent = await act(s.w.staff, c.id, {
      action: 'verify',
      verification: { ...VERIFICATION, consent: undefined },
    });
    expect(noConsent.statusCode).toBe(400);
    const category = await act(s.w.staff, c.id, {
      action: 'verify',
      verification: { ...VERIFICATION, category: 'lottery_winner' },
    });
    expect(refused(category, 400)).toMatchObject({ field: 'verification.category' });
    const risk = await act(s.w.staff, c.id, {
      action: 'verify',
      verification: { ...VERIFICATION, riskTypes: ['illness', 'bad_luck'] },
    });
    expect(refused(risk, 400)).toMatchObject({ field: 'verification.riskTypes' });
    await step(s.w.staff, c.id, { action: 'verify', verification: VERIFICATION });
    const noComparison = await act(s.w.staff, c.id, { action: 'compare' });
    expect(refused(noComparison, 400)).toEqual({ field: 'comparison', reason: 'is required' });
    const after = (await s.w.staff.get(`/api/monitoring/cases/${c.id}`)).json();
    expect(after).toMatchObject({ step: 'comparison', version: 2, comparison: null });
  });

  it('refuses moves out of step, a stale version, and a send back or reject without reason', async () => {
    const c = await openedCase(s.t, s.w);
    const wrongStep = await act(s.w.staff, c.id, { action: 'compare', comparison: COMPARISON });
    expect(refused(wrongStep, 409)).toEqual({ field: 'action', reason: 'not_now' });
    const rollback = await act(s.w.county, c.id, { action: 'rollback', reason: 'x' });
    expect(refused(rollback, 409)).toEqual({ field: 'action', reason: 'not_now' });
    const stale = await s.w.staff.post(`/api/monitoring/cases/${c.id}/actions`, {
      action: 'verify',
      version: 7,
      verification: VERIFICATION,
    });
    expect(refused(stale, 409)).toEqual({ field: 'version', reason: 'stale' });
    await step(s.w.staff, c.id, { action: 'verify', verification: VERIFICATION });
    const noReason = await act(s.w.staff, c.id, { action: 'send_back' });
    expect(refused(noReason, 400)).toEqual({ field: 'reason', reason: 'is required' });
    const blank = await act(s.w.staff, c.id, { action: 'send_back', reason: '   ' });
    expect(refused(blank, 400)).toEqual({ field: 'reason', reason: 'is required' });
    const back = await step(s.w.staff, c.id, { action: 'send_back', reason: '同意书签名不清，重新入户' });
    expect(back).toMatchObject({ step: 'verification', version: 3 });
    expect(back.events.at(-1)).toMatchObject({
      action: 'send_back',
      fromStep: 'comparison',
      toStep: 'verification',
      reason: '同意书签名不清，重新入户',
    });
    const staffReject = await act(s.w.staff, c.id, { action: 'reject', reason: 'x' });
    expect(refused(staffReject, 403)).toEqual({ field: 'action', reason: 'not_yours' });
    const rejectNoReason = await act(s.w.township, c.id, { action: 'reject' });
    expect(refused(rejectNoReason, 400)).toEqual({ field: 'reason', reason: 'is required' });
  });

  it('a reviewer sends a case back a step; the township rejects one: not identified, lead dismissed', async () => {
    const c = await openedCase(s.t, s.w);
    await step(s.w.staff, c.id, { action: 'verify', verification: VERIFICATION });
    await step(s.w.staff, c.id, { action: 'compare', comparison: COMPARISON });
    await step(s.w.staff, c.id, { action: 'publish_notice', review: review() });
    await backdateNotice(s.t, c.id, 6);
    await step(s.w.staff, c.id, { action: 'approve' });
    const back = await step(s.w.township, c.id, { action: 'send_back', reason: '公示期间有群众反映' });
    expect(back).toMatchObject({ step: 'community_review', noticeFrom: null, actions: ['reject'] });
    const rejected = await step(s.w.township, c.id, { action: 'reject', reason: '家庭有商品房和车辆' });
    expect(rejected).toMatchObject({ step: 'not_identified', owner: null, stepDueAt: null, actions: [] });
    expect(rejected.closedAt).not.toBeNull();
    const [lead] = await rows<{ status: string }>(
      s.t.database.db,
      sql`SELECT status FROM monitoring_leads WHERE id = ${Number(c.leadId)}`,
    );
    expect(lead.status).toBe('dismissed');
    const household = await s.w.staff.get(`/api/households/${c.household.id}`);
    expect(household.json().povertyStatus).toBe('out_of_poverty');
    const next = await s.w.staff.post('/api/monitoring/leads', {
      householdId: c.household.id,
      source: 'visit',
      note: '新的困难',
    });
    expect((await s.w.staff.post('/api/monitoring/cases', { leadId: next.json().id })).statusCode).toBe(201);
  });
});
