import type { Need, NeedDetail, NeedStatus, Urgency } from '@anju/contracts';
import type { EventRow } from './needs.repo.ts';
import type { NeedRow } from './services.sql.ts';
import { allowedActions, type Standing } from './workflow.ts';

const iso = (v: string | Date) => new Date(v).toISOString();

/**
 * A need as its reader may see it: officials and the household see it whole; a provider sees the
 * name, address and detail only as far as the resident consented, and never the household.
 */
export function presentNeed(r: NeedRow, standing: Standing): Need {
  const whole = standing.official || standing.concerned || !standing.provider;
  const shares = r.consent_shares;
  const shown = (share: string) => whole || shares.includes(share);
  return {
    id: String(r.id),
    category: r.category,
    urgency: r.urgency as Urgency,
    summary: r.summary,
    detail: shown('detail') ? r.detail : null,
    communityName: r.community_name,
    householdId: whole ? String(r.household_id) : null,
    personName: shown('name') ? r.person_name : null,
    address: shown('address') ? r.address : null,
    sensitive: r.sensitive,
    source: r.source,
    consent: r.consent_at !== null,
    consentShares: shares,
    status: r.status as NeedStatus,
    orgId: r.org_id === null ? null : String(r.org_id),
    orgName: r.org_name,
    dueAt: iso(r.due_at),
    overdue: r.overdue,
    rating: r.rating,
    ratingComment: r.rating_comment,
    version: r.version,
    createdAt: iso(r.created_at),
    actions: allowedActions(r.status as NeedStatus, standing, { consent: r.consent_at !== null }),
  };
}

/** A need with its timeline. */
export const presentDetail = (r: NeedRow, standing: Standing, events: EventRow[]): NeedDetail => ({
  ...presentNeed(r, standing),
  timeline: events.map((e) => ({
    action: e.action,
    fromStatus: e.from_status,
    toStatus: e.to_status,
    actorName: e.actor_name,
    orgName: e.org_name,
    note: e.note,
    at: iso(e.at),
  })),
});
