import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { errorCode, signIn } from '../../../test/harness.ts';
import {
  act,
  backdateNotice,
  caseSuite,
  chinaDay,
  COMPARISON,
  identified,
  openedCase,
  refused,
  review,
  step,
  VERIFICATION,
} from './cases.fixture.ts';

const s = caseSuite();

/** A case opened and taken to its community review. */
async function atReview() {
  const c = await openedCase(s.t, s.w);
  await step(s.w.staff, c.id, {
    action: 'verify',
    verification: { ...VERIFICATION, riskTypes: ['illness', 'schooling'] },
  });
  await step(s.w.staff, c.id, { action: 'compare', comparison: COMPARISON });
  return c;
}

describe('the steps leave their records', () => {
  it('a notice follows a community review that agreed, held since the case reached review', async () => {
    const c = await atReview();
    const none = await act(s.w.staff, c.id, { action: 'publish_notice' });
    expect(refused(none, 400)).toEqual({ field: 'review', reason: 'is required' });
    const disagreed = await act(s.w.staff, c.id, {
      action: 'publish_notice',
      review: review({ result: 'not_agreed' }),
    });
    expect(refused(disagreed, 400)).toEqual({ field: 'review.result', reason: 'the review did not agree' });
    const after = await act(s.w.staff, c.id, {
      action: 'publish_notice',
      noticeFrom: chinaDay(),
      review: review({ heldOn: chinaDay(1) }),
    });
    expect(refused(after, 400)).toMatchObject({ field: 'review.heldOn' });
    const before = await act(s.w.staff, c.id, {
      action: 'publish_notice',
      review: review({ heldOn: chinaDay(-1) }),
    });
    expect(refused(before, 400)).toEqual({
      field: 'review.heldOn',
      reason: 'is before the case reached review',
    });
    const noAttendees = await act(s.w.staff, c.id, {
      action: 'publish_notice',
      review: review({ attendeeCount: 0 }),
    });
    expect(refused(noAttendees, 400)).toMatchObject({ field: 'review.attendeeCount' });
    const published = await step(s.w.staff, c.id, { action: 'publish_notice', review: review() });
    expect(published.review).toEqual(review());
    expect(published.events.at(-1).data.review).toEqual(review());
  });

  it('the comparison answers every department-data item in force, and only those', async () => {
    const c = await openedCase(s.t, s.w);
    await step(s.w.staff, c.id, { action: 'verify', verification: VERIFICATION });
    const { bank_deposit: _, ...missing } = COMPARISON.hits;
    const short = await act(s.w.staff, c.id, { action: 'compare', comparison: { hits: missing } });
    expect(refused(short, 400)).toEqual({ field: 'comparison.hits.bank_deposit', reason: 'is required' });
    const extra = await act(s.w.staff, c.id, {
      action: 'compare',
      comparison: { hits: { ...COMPARISON.hits, lottery: false } },
    });
    expect(refused(extra, 400)).toEqual({
      field: 'comparison.hits.lottery',
      reason: 'unknown comparison item',
    });
    const items = (await s.w.staff.get('/api/dictionaries/comparison_item')).json();
    expect(items.map((i: { code: string }) => i.code)).toEqual([
      'vehicle',
      'business_registration',
      'property',
      'bank_deposit',
      'public_employee',
      'civil_affairs',
      'medical_insurance',
    ]);
    expect((await step(s.w.staff, c.id, { action: 'compare', comparison: COMPARISON })).comparison).toEqual(
      COMPARISON,
    );
  });

  it('an identified household records when it entered the national system: not before identification, not ahead', async () => {
    const c = await atReview();
    const early = await act(s.w.staff, c.id, {
      action: 'record_national_entry',
      nationalEntryOn: chinaDay(),
    });
    expect(refused(early, 409)).toEqual({ field: 'action', reason: 'not_now' });
    const done = await identified(s.t, s.w);
    const none = await act(s.w.township, done.id, { action: 'record_national_entry' });
    expect(refused(none, 400)).toEqual({ field: 'nationalEntryOn', reason: 'is required' });
    const ahead = await act(s.w.township, done.id, {
      action: 'record_national_entry',
      nationalEntryOn: chinaDay(1),
    });
    expect(refused(ahead, 400)).toEqual({ field: 'nationalEntryOn', reason: 'must not be in the future' });
    const before = await act(s.w.township, done.id, {
      action: 'record_national_entry',
      nationalEntryOn: chinaDay(-1),
    });
    expect(refused(before, 400)).toEqual({
      field: 'nationalEntryOn',
      reason: 'is before the household was identified',
    });
    const origin = await act(s.w.origin, done.id, {
      action: 'record_national_entry',
      nationalEntryOn: chinaDay(),
    });
    expect(refused(origin, 403)).toEqual({ field: 'action', reason: 'not_yours' });
    const entered = await step(s.w.township, done.id, {
      action: 'record_national_entry',
      nationalEntryOn: chinaDay(),
    });
    expect(entered).toMatchObject({ nationalEntryOn: chinaDay(), step: 'assisted' });
    const stale = await s.w.staff.post(`/api/monitoring/cases/${done.id}/actions`, {
      action: 'record_national_entry',
      version: entered.version - 1,
      nationalEntryOn: chinaDay(),
    });
    expect(refused(stale, 409)).toEqual({ field: 'version', reason: 'stale' });
    const list = await s.w.county.get(`/api/monitoring/cases?q=${done.household.householdNo}`);
    expect(list.json().items[0].nationalEntryOn).toBe(chinaDay());
  });
});

describe('the result announcement', () => {
  it('is published with the county approval and printed from its archive, to both sides only', async () => {
    const c = await atReview();
    await step(s.w.staff, c.id, { action: 'publish_notice', review: review() });
    const url = `/api/monitoring/cases/${c.id}/announcement`;
    expect(errorCode(await s.w.staff.get(url))).toBe('conflict');
    await backdateNotice(s.t, c.id, 5);
    await step(s.w.staff, c.id, { action: 'approve' });
    await step(s.w.township, c.id, { action: 'approve' });
    expect(errorCode(await s.w.staff.get(url))).toBe('conflict');
    const approved = await step(s.w.county, c.id, { action: 'approve' });
    expect(approved.announcements).toEqual([{ kind: 'identification', on: chinaDay() }]);

    const zh = await s.w.staff.get(url);
    expect(zh.statusCode).toBe(200);
    expect(zh.body).toContain('防止返贫监测对象识别结果公告');
    expect(zh.body).toContain('已纳入防止返贫监测对象');
    expect(zh.body).toContain('<td>因学</td>');
    expect(zh.body).not.toContain('因病');
    expect(zh.body).toContain(chinaDay());
    const en = await s.w.origin.get(`${url}?lang=en-US`);
    expect(en.body).toContain('Identified as a monitored household');

    // archived: a label renamed later does not change what was announced
    await s.t.database.db.execute(
      sql`UPDATE dictionary_entries SET label_zh = '因学（改）' WHERE kind = 'risk_type' AND code = 'schooling'`,
    );
    expect((await s.w.township.get(url)).body).toContain('<td>因学</td>');
    await s.t.database.db.execute(
      sql`UPDATE dictionary_entries SET label_zh = '因学' WHERE kind = 'risk_type' AND code = 'schooling'`,
    );
    expect(errorCode(await s.w.neighbour.get(url))).toBe('not_found');
    const resident = await signIn(s.t, ['resident'], [s.w.tree.community]);
    expect((await resident.get(url)).statusCode).toBe(403);
    expect((await s.w.staff.get(`${url}?kind=elimination`)).statusCode).toBe(409);
    expect((await s.w.staff.get(`${url}?kind=other`)).statusCode).toBe(400);
  });
});
