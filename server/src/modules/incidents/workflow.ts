import { HANDLING_LEVELS, type IncidentAction, type IncidentStatus } from '@anju/contracts';

/** How the actor stands to an incident; the service works it out, the workflow only reads it. */
export interface Standing {
  reporter: boolean;
  assignee: boolean;
  /** An official of the level that handles the incident now. */
  handler: boolean;
  /** An official above the handling level, or with supervision duty. */
  supervisor: boolean;
  /** Wrote the handler's reply (回单) that stands now. */
  replier?: boolean;
  /** Asked for the extension that waits for an answer. */
  asker?: boolean;
  /** Is the one the incident would be dispatched to. */
  target?: boolean;
}

type Who = 'reporter' | 'assignee' | 'handler' | 'supervisor';
/** Who may not take an action whatever else they are: separated duties. */
type Barred = 'replier' | 'asker' | 'target';

/** What the incident's state says beyond its status; the service reads it from the timeline. */
export interface Facts {
  extensionAsked?: boolean;
  pastDue?: boolean;
  rated?: boolean;
}

type Need = 'asked' | 'not_asked' | 'before_due' | 'not_rated';

interface Rule {
  from: readonly IncidentStatus[];
  to: IncidentStatus | 'same';
  who: readonly Who[];
  /** Separated duties (12345 appraisal rules): these may not take it even when `who` lets them. */
  barred?: readonly Barred[];
  /** What must hold of the incident besides its status. */
  needs?: readonly Need[];
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
  dispatch: { from: ['accepted'], to: 'dispatched', who: ['handler'], barred: ['target'] },
  /** The handler takes it in hand themselves in one step, as nobody dispatches to themselves; someone else verifies. */
  handle: { from: ['accepted'], to: 'in_progress', who: ['handler'] },
  start: { from: ['dispatched'], to: 'in_progress', who: ['assignee'] },
  reply: { from: ['in_progress'], to: 'replied', who: ['assignee'] },
  verify: { from: ['replied'], to: 'verified', who: ['handler'], barred: ['replier'] },
  reject: { from: ['replied'], to: 'in_progress', who: ['handler'] },
  callback: { from: ['verified'], to: 'closed', who: ['handler'], barred: ['replier'] },
  return: { from: ['dispatched', 'in_progress'], to: 'accepted', who: ['assignee'] },
  recall: { from: ['reported', 'accepted'], to: 'recalled', who: ['reporter'] },
  /** Grants the extension asked for: by the level above the one who asked, never by the asker. */
  extend: {
    from: ['accepted', 'dispatched', 'in_progress'],
    to: 'same',
    who: ['handler', 'supervisor'],
    barred: ['asker'],
    needs: ['asked'],
  },
  supervise: { from: OPEN, to: 'same', who: ['supervisor'] },
  escalate: {
    from: ['reported', 'accepted', 'dispatched', 'in_progress'],
    to: 'reported',
    who: ['handler', 'supervisor'],
  },
  /** A progress note while it is being handled. */
  progress: { from: ['in_progress'], to: 'same', who: ['assignee'] },
  /** The reporter's own rating of the outcome, once, after it is closed. */
  rate: { from: ['closed'], to: 'same', who: ['reporter'], needs: ['not_rated'] },
  /** Whoever does the work asks for more time, before the deadline; `extend` grants it, `deny_extension` refuses it. */
  ask_extension: {
    from: ['accepted', 'dispatched', 'in_progress'],
    to: 'same',
    who: ['assignee', 'handler'],
    needs: ['not_asked', 'before_due'],
  },
  deny_extension: {
    from: ['accepted', 'dispatched', 'in_progress'],
    to: 'same',
    who: ['handler', 'supervisor'],
    barred: ['asker'],
    needs: ['asked'],
  },
  /** Sets the real category before it goes onward: a quick report is filed under `other` until then. */
  classify: { from: ['reported', 'accepted'], to: 'same', who: ['handler'] },
};

export const TOP_LEVEL = HANDLING_LEVELS.length - 1;

export type Decision =
  | { ok: true; to: IncidentStatus; level: number }
  | { ok: false; reason: 'not_now' | 'not_yours' | 'top_level' | Barred | Need };

const HOLDS: Record<Need, (f: Facts) => boolean> = {
  asked: (f) => !!f.extensionAsked,
  not_asked: (f) => !f.extensionAsked,
  before_due: (f) => !f.pastDue,
  not_rated: (f) => !f.rated,
};

/** Decides an action on an incident in `status` at handling `level`, for an actor of `standing`. */
export function decide(
  status: IncidentStatus,
  level: number,
  action: IncidentAction,
  standing: Standing,
  facts: Facts = {},
): Decision {
  const rule = RULES[action];
  if (!rule.from.includes(status)) return { ok: false, reason: 'not_now' };
  if (!rule.who.some((w) => standing[w])) return { ok: false, reason: 'not_yours' };
  const barred = rule.barred?.find((b) => standing[b]);
  if (barred) return { ok: false, reason: barred };
  const unmet = rule.needs?.find((n) => !HOLDS[n](facts));
  if (unmet) return { ok: false, reason: unmet };
  if (action === 'escalate') {
    return level >= TOP_LEVEL
      ? { ok: false, reason: 'top_level' }
      : { ok: true, to: 'reported', level: level + 1 };
  }
  return { ok: true, to: rule.to === 'same' ? status : rule.to, level };
}

export const isOpen = (status: IncidentStatus) => OPEN.includes(status);
