import { sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.ts';
import { covers, ownScopeSql, underSql } from '../../platform/access/scope.ts';
import { invalid, notFound } from '../../platform/errors.ts';

/** The levels an enterprise may sit on: where the register is kept. */
export const ENTERPRISE_LEVELS = ['county', 'township', 'community'] as const;

/** Enterprises (`e`) sitting on a place of the actor's own subtrees. */
export const enterpriseScope = (actor: Actor): SQL => ownScopeSql(actor, sql.raw('e.place_path'));

/** An enterprise outside the actor's scope reads as missing. */
export function assertVisible<T extends { place_path: string }>(
  actor: Actor,
  row: T | undefined,
): asserts row is T {
  if (!row || !covers(actor, row.place_path)) throw notFound('enterprise');
}

/** An enterprise named by a record: one outside the actor's scope is as unknown as a missing one. */
export function assertLinkable<T extends { place_path: string }>(
  actor: Actor,
  row: T | undefined,
): asserts row is T {
  if (!row || !covers(actor, row.place_path)) throw invalid('enterpriseId', 'unknown enterprise');
}

/** The place an enterprise is put on: in the actor's scope (else unknown, as a missing one) and of a register level. */
export function assertPlace(actor: Actor, place: { path: string; level: string } | undefined) {
  if (!place || !covers(actor, place.path)) throw invalid('placeId', 'unknown place');
  if (!(ENTERPRISE_LEVELS as readonly string[]).includes(place.level))
    throw invalid('placeId', 'must be a county, township or community');
}

/** Enterprises (`e`) on the place of `path` or below it; none for a place that does not exist. */
export const underPlace = (path: string | undefined): SQL =>
  underSql(sql.raw('e.place_path'), path === undefined ? [] : [path]);
