import {
  IDENTIFICATION_STEPS as CONTRACT_IDENTIFICATION_STEPS,
  type CaseAction,
  type CaseStep,
  type IdentificationStep,
  type ProcedureRules,
} from '@anju/contracts';

/** Who owns a step: officials of the household's residence community, its township or its county. */
export type Owner = 'community' | 'township' | 'county';

/** How the actor stands to the case's household; the service works it out from scopes and roles. */
export type Standing = Record<Owner, boolean>;

/**
 * Each open step, its owner, where approving it leads and where sending it back returns; within
 * identification the region's step order decides where verification and comparison lead and return.
 */
export const STEPS: Partial<Record<CaseStep, { owner: Owner; next?: CaseStep; back?: CaseStep }>> = {
  verification: { owner: 'community' },
  comparison: { owner: 'community' },
  community_review: { owner: 'community', next: 'township_review', back: 'comparison' },
  township_review: { owner: 'township', next: 'county_approval', back: 'community_review' },
  county_approval: { owner: 'county', next: 'assisted', back: 'township_review' },
  assisted: { owner: 'community' },
  elimination_community: { owner: 'community', next: 'elimination_township', back: 'assisted' },
  elimination_township: { owner: 'township', next: 'elimination_county', back: 'elimination_community' },
  elimination_county: { owner: 'county', next: 'eliminated', back: 'elimination_township' },
};

/** The steps of identification, which the clock from the lead runs over. */
export const IDENTIFICATION_STEPS: readonly CaseStep[] = CONTRACT_IDENTIFICATION_STEPS;

/** The steps that end a case. */
export const ENDED_STEPS: readonly CaseStep[] = ['eliminated', 'not_identified'];

/** The steps of a case whose household is identified and not yet out of monitoring. */
export const MONITORED_STEPS: readonly CaseStep[] = [
  'assisted',
  'elimination_community',
  'elimination_township',
  'elimination_county',
];

/** What of the region's procedure policy the workflow reads. */
export type Procedure = Pick<ProcedureRules, 'stepOrder' | 'noticeDays'>;

/** The step after (or before) `step` in the policy's order of identification. */
function neighbour(order: Procedure['stepOrder'], step: CaseStep, by: 1 | -1): CaseStep | undefined {
  const i = order.indexOf(step as IdentificationStep);
  if (i < 0) return by === 1 ? STEPS[step]?.next : STEPS[step]?.back;
  return i + by === order.length ? 'assisted' : order[i + by];
}

export type CaseDecision =
  | { ok: true; to: CaseStep | 'same' }
  | { ok: false; reason: 'not_now' | 'not_yours' | 'notice_running' | 'no_notice' };

/**
 * Decides an action on a case at `step` for an actor of `standing` under the region's procedure.
 * `notice.since` is when the public notice's first whole day began, `now` the clock.
 */
export function decideCase(
  step: CaseStep,
  action: CaseAction,
  standing: Standing,
  notice: { since: Date | null; now: Date },
  procedure: Procedure,
): CaseDecision {
  const at = STEPS[step];
  const owns = (o: Owner) => standing[o];
  const next = neighbour(procedure.stepOrder, step, 1);
  const back = neighbour(procedure.stepOrder, step, -1);
  switch (action) {
    case 'verify':
      if (step !== 'verification') return { ok: false, reason: 'not_now' };
      return owns('community') ? { ok: true, to: next! } : { ok: false, reason: 'not_yours' };
    case 'compare':
      if (step !== 'comparison') return { ok: false, reason: 'not_now' };
      return owns('community') ? { ok: true, to: next! } : { ok: false, reason: 'not_yours' };
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
        if (days < procedure.noticeDays) return { ok: false, reason: 'notice_running' };
      }
      return { ok: true, to: at.next };
    }
    case 'send_back':
      if (!at || !back) return { ok: false, reason: 'not_now' };
      return owns(at.owner) ? { ok: true, to: back } : { ok: false, reason: 'not_yours' };
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
    case 'record_national_entry':
      if (!MONITORED_STEPS.includes(step)) return { ok: false, reason: 'not_now' };
      return owns('community') || owns('township') || owns('county')
        ? { ok: true, to: 'same' }
        : { ok: false, reason: 'not_yours' };
  }
}
