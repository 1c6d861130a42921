import { sql, type SQL } from 'drizzle-orm';
import { can } from '@anju/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import { covers, ownScopeSql, underSql } from '../../platform/access/scope.ts';
import { invalid, notFound } from '../../platform/errors.ts';

/** Public-welfare posts (`pp`) on a community of the actor's own subtrees. */
export const postScope = (actor: Actor): SQL => ownScopeSql(actor, sql.raw('pp.place_path'));

/** Posts (`pp`) on the place of `path` or below it; none for a place that does not exist. */
export const postsUnder = (path: string | undefined): SQL =>
  underSql(sql.raw('pp.place_path'), path === undefined ? [] : [path]);

/** A post outside the actor's scope reads as missing. */
export function assertPostVisible<T extends { place_path: string }>(
  actor: Actor,
  row: T | undefined,
): asserts row is T {
  if (!row || !covers(actor, row.place_path)) throw notFound('public-welfare post');
}

/** The community a post is put on: in the actor's scope (else unknown, as a missing one) and a community. */
export function assertCommunity(actor: Actor, place: { path: string; level: string } | undefined) {
  if (!place || !covers(actor, place.path)) throw invalid('placeId', 'unknown place');
  if (place.level !== 'community') throw invalid('placeId', 'must be a community');
}

/** Whether the actor keeps a post at `placePath`: changes it, assigns and ends holders, enters attendance. */
export const mayKeepPost = (actor: Actor, placePath: string) =>
  can(actor.roles, 'employment:write') && covers(actor, placePath);
