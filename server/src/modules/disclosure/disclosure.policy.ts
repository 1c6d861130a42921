import { sql, type SQL } from 'drizzle-orm';
import { can, type Disclosure } from '@anju/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import { covers, ownScopeSql } from '../../platform/access/scope.ts';
import { AppError, invalid, notFound } from '../../platform/errors.ts';

/** Disclosures (`d`) of communities in the actor's own scope. */
export const disclosureScope = (actor: Actor): SQL => ownScopeSql(actor, sql.raw('d.place_path'));

/** Communities (`pl`) in the actor's own scope. */
export const communityScope = (actor: Actor): SQL => ownScopeSql(actor, sql.raw('pl.path'));

export function assertVisible<T extends { place_path: string }>(
  actor: Actor,
  row: T | undefined,
): asserts row is T {
  if (!row || !covers(actor, row.place_path)) throw notFound('disclosure');
}

export function assertCommunity(actor: Actor, place: { path: string; level: string } | undefined) {
  if (!place || !covers(actor, place.path)) throw invalid('placeId', 'unknown place');
  if (place.level !== 'community') throw invalid('placeId', 'must be a community');
}

/** The drafter of a disclosure never approves it. */
export const SELF_APPROVAL = 'the one who drafted a disclosure never approves it';

/** What the actor may do to a disclosure in their scope. */
export function actionsOf(actor: Actor, d: { status: string; drafted_by: number; superseded: boolean }) {
  const actions: Disclosure['actions'] = [];
  if (d.status === 'draft' && can(actor.roles, 'disclosure:approve') && Number(d.drafted_by) !== actor.userId)
    actions.push('approve');
  if (d.status === 'approved' && can(actor.roles, 'disclosure:write')) actions.push('publish');
  if (d.status === 'published' && !d.superseded && can(actor.roles, 'disclosure:write'))
    actions.push('correct');
  return actions;
}

export function assertMay(
  actor: Actor,
  d: { status: string; drafted_by: number; superseded: boolean },
  action: string,
) {
  if (action === 'approve' && Number(d.drafted_by) === actor.userId)
    throw new AppError('forbidden', SELF_APPROVAL, [{ field: 'action', reason: SELF_APPROVAL }]);
  if (!actionsOf(actor, d).includes(action as Disclosure['actions'][number])) {
    const reason = 'the disclosure is not in a state for this step';
    throw new AppError('conflict', reason, [{ field: 'action', reason }]);
  }
}
