import type { CaseAction, CaseStep } from '@anju/contracts';

/** Who owns a step: officials of the household's residence community, its township or its county. */
export type Owner = 'community' | 'township' | 'county';

/** How the actor stands to the case's household; the service works it out from scopes and roles. */
export type Standing = Record<Owner, boolean>;

/** Each open step, its owner, where approving it leads and where sending it back returns. */
export const STEPS: Partial<Record<CaseStep, { owner: Owner; next?: CaseStep; back?: CaseStep }>> = {
  verification: { owner: 'community' },
  comparison: { owner: 'community', back: 'verification' },
  community_review: { owner: 'community', next: 'township_review', back: 'comparison' },
  township_review: { owner: 'township', next: 'county_approval', back: 'community_review' },
  county_approval: { owner: 'county', next: 'assisted', back: 'township_review' },
  assisted: { owner: 'community' },
  elimination_community: { owner: 'community', next: 'elimination_township', back: 'assisted' },
  elimination_township: { owner: 'township', next: 'elimination_county', back: 'elimination_community' },
  elimination_county: { owner: 'county', next: 'eliminated', back: 'elimination_township' },
};

/** A public notice runs this many whole days before the community may pass the case on. */
export const NOTICE_DAYS = 5;
/** From lead to decision, normally. */
export const DECISION_DAYS = 15;
/** Days the community has to pass a case on once its notice has ended. */
export const AFTER_NOTICE_DAYS = 2;

/** How many days each step should take from the moment a case reaches it; assisted has no deadline. */
export const STEP_DAYS: Partial<Record<CaseStep, number>> = {
  verification: 5,
  comparison: 3,
  community_review: NOTICE_DAYS + AFTER_NOTICE_DAYS,
  township_review: 3,
  county_approval: 3,
  elimination_community: 5,
  elimination_township: 5,
  elimination_county: 5,
};

/** The steps of identification, which the 15-day clock runs over. */
export const IDENTIFICATION_STEPS: readonly CaseStep[] = [
  'verification',
  'comparison',
  'community_review',
  'township_review',
  'county_approval',
];

/** The steps that end a case. */
export const ENDED_STEPS: readonly CaseStep[] = ['eliminated', 'not_identified'];

export type CaseDecision =
  | { ok: true; to: CaseStep | 'same' }
  | { ok: false; reason: 'not_now' | 'not_yours' | 'notice_running' | 'no_notice' };

/**
 * Decides an action on a case at `step` for an actor of `standing`. `noticeSince` is when the public
 * notice went up (community review), `now` the clock.
 */
export function decideCase(
  step: CaseStep,
  action: CaseAction,
  standing: Standing,
  notice: { since: Date | null; now: Date },
): CaseDecision {
  const at = STEPS[step];
  const owns = (o: Owner) => standing[o];
  switch (action) {
    case 'verify':
      if (step !== 'verification') return { ok: false, reason: 'not_now' };
      return owns('community') ? { ok: true, to: 'comparison' } : { ok: false, reason: 'not_yours' };
    case 'compare':
      if (step !== 'comparison') return { ok: false, reason: 'not_now' };
      return owns('community') ? { ok: true, to: 'community_review' } : { ok: false, reason: 'not_yours' };
    case 'publish_notice':
      if (step !== 'community_review' && step !== 'elimination_community')
        return { ok: false, reason: 'not_now' };
      return owns('community') ? { ok: true, to: 'same' } : { ok: false, reason: 'not_yours' };
    case 'approve': {
      if (!at?.next) return { ok: false, reason: 'not_now' };
      if (!owns(at.owner)) return { ok: false, reason: 'not_yours' };
      if (step === 'community_review' || step === 'elimination_community') {
        if (!notice.since) return { ok: false, reason: 'no_notice' };
        const days = (notice.now.getTime() - notice.since.getTime()) / 86_400_000;
        if (days < NOTICE_DAYS) return { ok: false, reason: 'notice_running' };
      }
      return { ok: true, to: at.next };
    }
    case 'send_back':
      if (!at?.back) return { ok: false, reason: 'not_now' };
      return owns(at.owner) ? { ok: true, to: at.back } : { ok: false, reason: 'not_yours' };
    case 'reject':
      if (!IDENTIFICATION_STEPS.includes(step)) return { ok: false, reason: 'not_now' };
      return owns('township') || owns('county')
        ? { ok: true, to: 'not_identified' }
        : { ok: false, reason: 'not_yours' };
    case 'propose_elimination':
      if (step !== 'assisted') return { ok: false, reason: 'not_now' };
      return owns('community')
        ? { ok: true, to: 'elimination_community' }
        : { ok: false, reason: 'not_yours' };
    case 'rollback':
      if (step !== 'eliminated') return { ok: false, reason: 'not_now' };
      return owns('township') || owns('county')
        ? { ok: true, to: 'assisted' }
        : { ok: false, reason: 'not_yours' };
  }
}
