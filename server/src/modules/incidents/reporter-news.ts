import type { IncidentAction, NotificationKind } from '@anju/contracts';

/**
 * What the reporter is told after each action, in plain words (accepted, someone on it, handled,
 * done and asked to rate, more time, found someone else, passed up); the steps only officials need
 * (verify, supervise, progress notes, extension requests) tell them nothing.
 */
export const REPORTER_NEWS: Partial<Record<IncidentAction, NotificationKind>> = {
  accept: 'report_accepted',
  dispatch: 'report_in_hand',
  handle: 'report_in_hand',
  return: 'report_returned',
  escalate: 'report_escalated',
  extend: 'report_extended',
  reply: 'report_replied',
  callback: 'report_closed',
};
