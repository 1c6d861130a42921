import type { NeedAction, NeedStatus } from '@anju/contracts';

/** How the reader stands to a need; the service works it out, the workflow only reads it. */
export interface Standing {
  /** An official of the need's scope who keeps the needs list (and, for a sensitive need, reads health). */
  official: boolean;
  /** Staff of the organization the need is referred to. */
  provider: boolean;
  /** The person the need concerns or their household. */
  concerned: boolean;
}

type Who = keyof Standing;
type Need = 'consent';

interface Rule {
  from: readonly NeedStatus[];
  to: NeedStatus;
  who: readonly Who[];
  /** What must hold of the need besides its status. */
  needs?: readonly Need[];
}

/** The workflow table of a need: which action moves which status where, and who may take it. */
export const RULES: Record<NeedAction, Rule> = {
  /** To an organization serving the need's category and place, only with the resident's consent. */
  refer: { from: ['open'], to: 'referred', who: ['official'], needs: ['consent'] },
  accept: { from: ['referred'], to: 'accepted', who: ['provider'] },
  /** A declined referral goes back to the list of open needs. */
  decline: { from: ['referred'], to: 'open', who: ['provider'] },
  start: { from: ['accepted'], to: 'in_service', who: ['provider'] },
  finish: { from: ['accepted', 'in_service'], to: 'done', who: ['provider'] },
  /** Only the person served or their household rates it, once. */
  rate: { from: ['done'], to: 'rated', who: ['concerned'] },
};

/** The statuses whose deadline runs: to refer an open need, to answer a referral. */
export const TIMED: readonly NeedStatus[] = ['open', 'referred'];

export interface Facts {
  consent: boolean;
}

/** Why `action` may not be taken now, or null when it may. */
export function refusal(
  action: NeedAction,
  status: NeedStatus,
  standing: Standing,
  facts: Facts,
): 'status' | 'who' | 'consent' | null {
  const rule = RULES[action];
  if (!rule.who.some((w) => standing[w])) return 'who';
  if (!rule.from.includes(status)) return 'status';
  if (rule.needs?.includes('consent') && !facts.consent) return 'consent';
  return null;
}

/** The actions the reader may take on a need now. */
export const allowedActions = (status: NeedStatus, standing: Standing, facts: Facts): NeedAction[] =>
  (Object.keys(RULES) as NeedAction[]).filter((a) => refusal(a, status, standing, facts) === null);
