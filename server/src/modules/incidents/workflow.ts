import { HANDLING_LEVELS, type IncidentAction, type IncidentStatus } from '@anju/contracts';

/** How the actor stands to an incident; the service works it out, the workflow only reads it. */
export interface Standing {
  reporter: boolean;
  assignee: boolean;
  /** An official of the level that handles the incident now. */
  handler: boolean;
  /** An official above the handling level, or with supervision duty. */
  supervisor: boolean;
}

type Who = keyof Standing;

interface Rule {
  from: readonly IncidentStatus[];
  to: IncidentStatus | 'same';
  who: readonly Who[];
}

const OPEN: readonly IncidentStatus[] = [
  'reported',
  'accepted',
  'dispatched',
  'in_progress',
  'replied',
  'verified',
];

/** The workflow table: which action moves which status where, and who may take it. */
export const RULES: Record<IncidentAction, Rule> = {
  accept: { from: ['reported'], to: 'accepted', who: ['handler'] },
  dispatch: { from: ['accepted'], to: 'dispatched', who: ['handler'] },
  start: { from: ['dispatched'], to: 'in_progress', who: ['assignee'] },
  reply: { from: ['in_progress'], to: 'replied', who: ['assignee'] },
  verify: { from: ['replied'], to: 'verified', who: ['handler'] },
  reject: { from: ['replied'], to: 'in_progress', who: ['handler'] },
  callback: { from: ['verified'], to: 'closed', who: ['handler'] },
  return: { from: ['dispatched', 'in_progress'], to: 'accepted', who: ['assignee'] },
  recall: { from: ['reported', 'accepted'], to: 'recalled', who: ['reporter'] },
  extend: { from: ['accepted', 'dispatched', 'in_progress'], to: 'same', who: ['handler', 'supervisor'] },
  supervise: { from: OPEN, to: 'same', who: ['supervisor'] },
  escalate: {
    from: ['reported', 'accepted', 'dispatched', 'in_progress'],
    to: 'reported',
    who: ['handler', 'supervisor'],
  },
  /** A progress note while it is being handled. */
  progress: { from: ['in_progress'], to: 'same', who: ['assignee'] },
  /** The reporter's own rating of the outcome, once, after it is closed. */
  rate: { from: ['closed'], to: 'same', who: ['reporter'] },
  /** The assignee asks for more time; `extend` grants it, `deny_extension` refuses it. */
  ask_extension: { from: ['dispatched', 'in_progress'], to: 'same', who: ['assignee'] },
  deny_extension: {
    from: ['accepted', 'dispatched', 'in_progress'],
    to: 'same',
    who: ['handler', 'supervisor'],
  },
};

export const TOP_LEVEL = HANDLING_LEVELS.length - 1;

export type Decision =
  | { ok: true; to: IncidentStatus; level: number }
  | { ok: false; reason: 'not_now' | 'not_yours' | 'top_level' };

/** Decides an action on an incident in `status` at handling `level`, for an actor of `standing`. */
export function decide(
  status: IncidentStatus,
  level: number,
  action: IncidentAction,
  standing: Standing,
): Decision {
  const rule = RULES[action];
  if (!rule.from.includes(status)) return { ok: false, reason: 'not_now' };
  if (!rule.who.some((w) => standing[w])) return { ok: false, reason: 'not_yours' };
  if (action === 'escalate') {
    return level >= TOP_LEVEL
      ? { ok: false, reason: 'top_level' }
      : { ok: true, to: 'reported', level: level + 1 };
  }
  return { ok: true, to: rule.to === 'same' ? status : rule.to, level };
}

export const isOpen = (status: IncidentStatus) => OPEN.includes(status);
