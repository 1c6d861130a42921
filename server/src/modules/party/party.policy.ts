import { sql, type SQL } from 'drizzle-orm';
import { pathInScope, reaches, scopeSql } from '../../platform/access/scope.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { AppError, forbidden } from '../../platform/errors.ts';

/** An organization outside the caller's scope is reported as missing. */
export function assertOrgVisible<T extends { place_path: string }>(
  actor: Actor,
  org: T | undefined,
): asserts org is T {
  if (!org || !pathInScope(actor, org.place_path))
    throw new AppError('not_found', 'party organization not found');
}

export function assertCommunityVisible<T extends { level: string; path: string }>(
  actor: Actor,
  place: T | undefined,
): asserts place is T {
  if (!place || place.level !== 'community' || !reaches(actor, place.path))
    throw new AppError('not_found', 'community not found');
}

/** The parts of a community the caller sees: the whole of it, or their scopes inside it. */
export function pathsWithin(actor: Actor, communityPath: string): string[] {
  if (pathInScope(actor, communityPath)) return [communityPath];
  return actor.scopes.filter((s) => s.path.startsWith(communityPath)).map((s) => s.path);
}

/** The organizations (alias `o`) the caller sees. */
export const orgsSeenSql = (actor: Actor): SQL => scopeSql(actor, sql.raw('o.place_path'));

/**
 * The party levels are one list for every county, so they are set from a scope over a whole province
 * (a top place of the tree), never by one county for all the others.
 */
export function assertSetsPartyLevels(actor: Actor) {
  if (!actor.scopes.some((s) => s.path.split('/').filter(Boolean).length === 1))
    throw forbidden('the party levels apply in every county: they are set by an admin of a whole province');
}
