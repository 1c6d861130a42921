import { sql, type SQL } from 'drizzle-orm';
import { can, type FundEntry } from '@anju/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import { covers, ownScopeSql } from '../../platform/access/scope.ts';
import { AppError, invalid, notFound } from '../../platform/errors.ts';

/** Accounts (`a`) of communities in the actor's own scope. */
export const accountScope = (actor: Actor): SQL => ownScopeSql(actor, sql.raw('a.place_path'));

/** Entries (`e`) of communities in the actor's own scope. */
export const entryScope = (actor: Actor): SQL => ownScopeSql(actor, sql.raw('e.place_path'));

/** True when a community's path lies in the actor's own scope. */
export const inScope = (actor: Actor, path: string) => covers(actor, path);

/** Pending entries in scope the actor may still decide: never their own, and only an approval they may give. */
export function toDecideSql(actor: Actor): SQL {
  const open: SQL[] = [];
  if (can(actor.roles, 'fund:approve')) open.push(sql`e.approved_by IS NULL`);
  if (can(actor.roles, 'fund:oversee'))
    open.push(
      sql`(e.township_by IS NULL AND e.decision_ref = '' AND e.amount_fen >
           (SELECT value FROM governance_norms WHERE code = 'fund_township_threshold_fen'))`,
    );
  if (open.length === 0) return sql`false`;
  return sql`(${entryScope(actor)} AND e.status = 'pending' AND e.recorded_by <> ${actor.userId}
              AND (${sql.join(open, sql` OR `)}))`;
}

/** Anything of a community outside the actor's scope reads as missing. */
export function assertVisible<T extends { place_path: string }>(
  actor: Actor,
  row: T | undefined,
  what: string,
): asserts row is T {
  if (!row || !covers(actor, row.place_path)) throw notFound(what);
}

/** Funds are kept on a community in the caller's scope. */
export function assertCommunity(actor: Actor, place: { path: string; level: string } | undefined) {
  if (!place || !covers(actor, place.path)) throw invalid('placeId', 'unknown place');
  if (place.level !== 'community') throw invalid('placeId', 'must be a community');
}

export interface EntryFacts {
  status: string;
  recorded_by: number;
  approved_by: number | null;
  township_by: number | null;
  reversed_by_id: number | null;
}

/** The recorder of an entry never decides it; the reason the caller is told. */
export const SELF_APPROVAL = 'the one who recorded an entry never approves or refuses it';

/** What the actor may do to an entry in their scope, as the two-person rule allows. */
export function actionsOf(actor: Actor, e: EntryFacts): FundEntry['actions'] {
  const actions: FundEntry['actions'] = [];
  const recorder = Number(e.recorded_by) === actor.userId;
  if (e.status === 'pending') {
    if (!recorder && can(actor.roles, 'fund:approve') && e.approved_by === null) actions.push('approve');
    if (!recorder && can(actor.roles, 'fund:oversee') && e.township_by === null) actions.push('township');
    if (!recorder && (can(actor.roles, 'fund:approve') || can(actor.roles, 'fund:oversee')))
      actions.push('reject');
    if (can(actor.roles, 'fund:write')) actions.push('voucher');
  }
  if (e.status === 'posted' && e.reversed_by_id === null && can(actor.roles, 'fund:write'))
    actions.push('reverse');
  return actions;
}

/** Refuses a decision the actor may not take, saying why. */
export function assertMayDecide(actor: Actor, e: EntryFacts, action: 'approve' | 'township' | 'reject') {
  if (Number(e.recorded_by) === actor.userId)
    throw new AppError('forbidden', SELF_APPROVAL, [{ field: 'action', reason: SELF_APPROVAL }]);
  if (e.status !== 'pending')
    throw new AppError('conflict', 'the entry is no longer pending', [
      { field: 'action', reason: 'the entry is no longer pending' },
    ]);
  const permitted =
    action === 'approve'
      ? can(actor.roles, 'fund:approve')
      : action === 'township'
        ? can(actor.roles, 'fund:oversee')
        : can(actor.roles, 'fund:approve') || can(actor.roles, 'fund:oversee');
  if (!permitted) {
    const reason = "this decision is not among the caller's rights";
    throw new AppError('forbidden', reason, [{ field: 'action', reason }]);
  }
  if ((action === 'approve' && e.approved_by !== null) || (action === 'township' && e.township_by !== null))
    throw new AppError('conflict', 'the entry already has this approval', [
      { field: 'action', reason: 'the entry already has this approval' },
    ]);
}
