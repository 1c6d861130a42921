import { describe, expect, it } from 'vitest';
import {
  CASE_ACTIONS,
  CASE_STEPS,
  DEFAULT_PROCEDURE,
  type CaseAction,
  type CaseStep,
  type ProcedureRules,
} from '@anju/contracts';
import { decideCase, type Owner, type Standing } from './workflow.ts';

const NOTICE_DAYS = DEFAULT_PROCEDURE.noticeDays;
const P = DEFAULT_PROCEDURE;

const only = (o: Owner): Standing => ({
  community: o === 'community',
  township: o === 'township',
  county: o === 'county',
});
const now = new Date('2026-11-25T10:00:00+08:00');
const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000);
const noticeDone = { since: daysAgo(NOTICE_DAYS), now };

/** Every move the procedure allows: step, action, who, where it leads. */
const ALLOWED: [CaseStep, CaseAction, Owner, CaseStep | 'same'][] = [
  ['verification', 'verify', 'community', 'comparison'],
  ['comparison', 'compare', 'community', 'community_review'],
  ['comparison', 'send_back', 'community', 'verification'],
  ['community_review', 'publish_notice', 'community', 'same'],
  ['community_review', 'approve', 'community', 'township_review'],
  ['community_review', 'send_back', 'community', 'comparison'],
  ['township_review', 'approve', 'township', 'county_approval'],
  ['township_review', 'send_back', 'township', 'community_review'],
  ['county_approval', 'approve', 'county', 'assisted'],
  ['county_approval', 'send_back', 'county', 'township_review'],
  ['assisted', 'propose_elimination', 'community', 'elimination_community'],
  ['elimination_community', 'publish_notice', 'community', 'same'],
  ['elimination_community', 'approve', 'community', 'elimination_township'],
  ['elimination_community', 'send_back', 'community', 'assisted'],
  ['elimination_township', 'approve', 'township', 'elimination_county'],
  ['elimination_township', 'send_back', 'township', 'elimination_community'],
  ['elimination_county', 'approve', 'county', 'eliminated'],
  ['elimination_county', 'send_back', 'county', 'elimination_township'],
  ['eliminated', 'rollback', 'township', 'assisted'],
  ['eliminated', 'rollback', 'county', 'assisted'],
  ...(['assisted', 'elimination_community', 'elimination_township', 'elimination_county'] as const).flatMap(
    (s): [CaseStep, CaseAction, Owner, 'same'][] =>
      (['community', 'township', 'county'] as const).map((o) => [s, 'record_national_entry', o, 'same']),
  ),
  ...(
    ['verification', 'comparison', 'community_review', 'township_review', 'county_approval'] as const
  ).flatMap((s): [CaseStep, CaseAction, Owner, CaseStep][] => [
    [s, 'reject', 'township', 'not_identified'],
    [s, 'reject', 'county', 'not_identified'],
  ]),
];

describe('the case procedure', () => {
  it('allows exactly the listed moves, to the listed step, for the listed owner', () => {
    const OWNERS: Owner[] = ['community', 'township', 'county'];
    for (const step of CASE_STEPS)
      for (const action of CASE_ACTIONS)
        for (const owner of OWNERS) {
          const allowed = ALLOWED.find(([s, a, o]) => s === step && a === action && o === owner);
          const decision = decideCase(step, action, only(owner), noticeDone, P);
          expect(decision, `${step} ${action} by ${owner}`).toEqual(
            allowed ? { ok: true, to: allowed[3] } : expect.objectContaining({ ok: false }),
          );
        }
  });

  it('tells a move at the wrong step from a move by the wrong official', () => {
    expect(decideCase('verification', 'approve', only('community'), noticeDone, P)).toEqual({
      ok: false,
      reason: 'not_now',
    });
    expect(decideCase('township_review', 'approve', only('community'), noticeDone, P)).toEqual({
      ok: false,
      reason: 'not_yours',
    });
  });

  it('passes a community review on only after a public notice of five whole days', () => {
    const approve = (since: Date | null) =>
      decideCase('community_review', 'approve', only('community'), { since, now }, P);
    expect(approve(null)).toEqual({ ok: false, reason: 'no_notice' });
    expect(approve(new Date(daysAgo(NOTICE_DAYS).getTime() + 1000))).toEqual({
      ok: false,
      reason: 'notice_running',
    });
    expect(approve(daysAgo(NOTICE_DAYS))).toEqual({ ok: true, to: 'township_review' });
    expect(
      decideCase('elimination_community', 'approve', only('community'), { since: daysAgo(1), now }, P),
    ).toEqual({ ok: false, reason: 'notice_running' });
  });

  it('ends nothing twice: no move from a case not identified', () => {
    for (const action of CASE_ACTIONS)
      for (const owner of ['community', 'township', 'county'] as Owner[])
        expect(decideCase('not_identified', action, only(owner), noticeDone, P).ok).toBe(false);
  });

  it("follows the region's step order: comparison first leads to verification, then to review", () => {
    const order: ProcedureRules = {
      ...P,
      stepOrder: ['comparison', 'verification', 'community_review', 'township_review', 'county_approval'],
    };
    const decide = (step: CaseStep, action: CaseAction) =>
      decideCase(step, action, only('community'), noticeDone, order);
    expect(decide('comparison', 'compare')).toEqual({ ok: true, to: 'verification' });
    expect(decide('comparison', 'send_back')).toEqual({ ok: false, reason: 'not_now' });
    expect(decide('verification', 'verify')).toEqual({ ok: true, to: 'community_review' });
    expect(decide('verification', 'send_back')).toEqual({ ok: true, to: 'comparison' });
    expect(decide('community_review', 'send_back')).toEqual({ ok: true, to: 'verification' });
  });

  it('holds a longer regional notice: seven days set, six passed is still running', () => {
    const seven = { ...P, noticeDays: 7 };
    const approve = (days: number) =>
      decideCase('community_review', 'approve', only('community'), { since: daysAgo(days), now }, seven);
    expect(approve(6)).toEqual({ ok: false, reason: 'notice_running' });
    expect(approve(7)).toEqual({ ok: true, to: 'township_review' });
  });
});
