import { describe, expect, it } from 'vitest';
import {
  INCIDENT_ACTIONS,
  INCIDENT_STATUSES,
  type IncidentAction,
  type IncidentStatus,
} from '@anju/contracts';
import { decide, RULES, type Facts, type Standing } from './workflow.ts';

const nobody: Standing = { reporter: false, assignee: false, handler: false, supervisor: false };
const as = (who: keyof Standing): Standing => ({ ...nobody, [who]: true });
/** Granting or denying more time answers an ask; everything else needs nothing of the timeline. */
const factsFor = (action: IncidentAction): Facts =>
  action === 'extend' || action === 'deny_extension' ? { extensionAsked: true } : {};

/** Every allowed move, written out: [action, from, to, who]. */
const ALLOWED: [IncidentAction, IncidentStatus, IncidentStatus, keyof Standing][] = [
  ['accept', 'reported', 'accepted', 'handler'],
  ['dispatch', 'accepted', 'dispatched', 'handler'],
  ['handle', 'accepted', 'in_progress', 'handler'],
  ['start', 'dispatched', 'in_progress', 'assignee'],
  ['reply', 'in_progress', 'replied', 'assignee'],
  ['verify', 'replied', 'verified', 'handler'],
  ['reject', 'replied', 'in_progress', 'handler'],
  ['callback', 'verified', 'closed', 'handler'],
  ['return', 'dispatched', 'accepted', 'assignee'],
  ['return', 'in_progress', 'accepted', 'assignee'],
  ['recall', 'reported', 'recalled', 'reporter'],
  ['recall', 'accepted', 'recalled', 'reporter'],
  ['extend', 'accepted', 'accepted', 'handler'],
  ['extend', 'dispatched', 'dispatched', 'supervisor'],
  ['extend', 'in_progress', 'in_progress', 'handler'],
  ['escalate', 'reported', 'reported', 'handler'],
  ['escalate', 'accepted', 'reported', 'handler'],
  ['escalate', 'dispatched', 'reported', 'supervisor'],
  ['escalate', 'in_progress', 'reported', 'supervisor'],
  ['progress', 'in_progress', 'in_progress', 'assignee'],
  ['rate', 'closed', 'closed', 'reporter'],
  ['ask_extension', 'accepted', 'accepted', 'handler'],
  ['ask_extension', 'dispatched', 'dispatched', 'assignee'],
  ['ask_extension', 'in_progress', 'in_progress', 'assignee'],
  ['deny_extension', 'accepted', 'accepted', 'handler'],
  ['classify', 'reported', 'reported', 'handler'],
  ['classify', 'accepted', 'accepted', 'handler'],
  ['deny_extension', 'dispatched', 'dispatched', 'supervisor'],
  ['deny_extension', 'in_progress', 'in_progress', 'handler'],
  ...(['reported', 'accepted', 'dispatched', 'in_progress', 'replied', 'verified'] as const).map(
    (s) =>
      ['supervise', s, s, 'supervisor'] as [IncidentAction, IncidentStatus, IncidentStatus, keyof Standing],
  ),
];

describe('incident workflow', () => {
  it.each(ALLOWED)('%s: %s → %s by the %s', (action, from, to, who) => {
    expect(decide(from, 0, action, as(who), factsFor(action))).toEqual({
      ok: true,
      to,
      level: action === 'escalate' ? 1 : 0,
    });
  });

  it('refuses every other action in every status', () => {
    for (const action of INCIDENT_ACTIONS) {
      for (const status of INCIDENT_STATUSES) {
        const everyone: Standing = { reporter: true, assignee: true, handler: true, supervisor: true };
        const allowed = ALLOWED.some(([a, f]) => a === action && f === status);
        expect(decide(status, 0, action, everyone, factsFor(action)).ok, `${action} in ${status}`).toBe(
          allowed,
        );
      }
    }
  });

  it('refuses an action to whoever the table does not name', () => {
    for (const [action, from, , who] of ALLOWED) {
      for (const other of ['reporter', 'assignee', 'handler', 'supervisor'] as const) {
        if (RULES[action].who.includes(other) || other === who) continue;
        expect(decide(from, 0, action, as(other), factsFor(action)), `${action} by ${other}`).toEqual({
          ok: false,
          reason: 'not_yours',
        });
      }
    }
  });

  it('climbs the ladder grid → community → township → county and stops there', () => {
    expect(decide('accepted', 0, 'escalate', as('handler'))).toEqual({ ok: true, to: 'reported', level: 1 });
    expect(decide('accepted', 2, 'escalate', as('handler'))).toEqual({ ok: true, to: 'reported', level: 3 });
    expect(decide('accepted', 3, 'escalate', as('handler'))).toEqual({ ok: false, reason: 'top_level' });
  });

  it('keeps closed and recalled incidents closed: only the reporter’s rating follows a close', () => {
    const everyone: Standing = { reporter: true, assignee: true, handler: true, supervisor: true };
    for (const action of INCIDENT_ACTIONS) {
      expect(decide('closed', 0, action, everyone).ok).toBe(action === 'rate');
      expect(decide('closed', 0, action, everyone, { rated: true }).ok).toBe(false);
      expect(decide('recalled', 0, action, everyone).ok).toBe(false);
    }
  });
});

describe('separated duties and extensions (12345 appraisal rules)', () => {
  const handler = as('handler');
  it('lets nobody dispatch to themselves', () => {
    expect(decide('accepted', 0, 'dispatch', { ...handler, target: true })).toEqual({
      ok: false,
      reason: 'target',
    });
  });

  it('lets the handler take it in hand without dispatching, and then not check their own reply', () => {
    expect(decide('accepted', 0, 'handle', handler)).toEqual({ ok: true, to: 'in_progress', level: 0 });
    expect(decide('accepted', 0, 'handle', as('assignee'))).toEqual({ ok: false, reason: 'not_yours' });
    expect(decide('reported', 0, 'handle', handler)).toEqual({ ok: false, reason: 'not_now' });
    expect(decide('dispatched', 0, 'handle', handler)).toEqual({ ok: false, reason: 'not_now' });
    const handledAndReplied = { ...handler, assignee: true, replier: true };
    expect(decide('replied', 0, 'verify', handledAndReplied)).toEqual({ ok: false, reason: 'replier' });
  });

  it('keeps whoever replied from verifying or calling back the same incident', () => {
    const replier = { ...handler, replier: true };
    expect(decide('replied', 0, 'verify', replier)).toEqual({ ok: false, reason: 'replier' });
    expect(decide('verified', 0, 'callback', replier)).toEqual({ ok: false, reason: 'replier' });
    expect(decide('replied', 0, 'verify', handler).ok).toBe(true);
    expect(decide('verified', 0, 'callback', handler).ok).toBe(true);
  });

  it('takes an ask before the deadline only, and one at a time', () => {
    expect(decide('in_progress', 0, 'ask_extension', as('assignee'), { pastDue: false }).ok).toBe(true);
    expect(decide('in_progress', 0, 'ask_extension', as('assignee'), { pastDue: true })).toEqual({
      ok: false,
      reason: 'before_due',
    });
    expect(decide('in_progress', 0, 'ask_extension', as('assignee'), { extensionAsked: true })).toEqual({
      ok: false,
      reason: 'not_asked',
    });
  });

  it('grants or denies only what was asked, never by the one who asked', () => {
    expect(decide('accepted', 0, 'extend', handler)).toEqual({ ok: false, reason: 'asked' });
    const asker = { ...handler, supervisor: true, asker: true };
    for (const action of ['extend', 'deny_extension'] as const) {
      expect(decide('accepted', 0, action, asker, { extensionAsked: true })).toEqual({
        ok: false,
        reason: 'asker',
      });
      expect(decide('accepted', 0, action, as('supervisor'), { extensionAsked: true }).ok).toBe(true);
    }
  });
});
