import { sql, type SQL } from 'drizzle-orm';
import { pathInScope, reaches, scopeSql } from '../../platform/access/scope.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { AppError } from '../../platform/errors.ts';

interface PlaceLike {
  level: string;
  path: string;
}

/** A grid outside the caller's scope is reported as missing, like one that does not exist. */
export function assertGridVisible<T extends PlaceLike>(actor: Actor, grid: T | undefined): asserts grid is T {
  if (!grid || grid.level !== 'grid' || !pathInScope(actor, grid.path))
    throw new AppError('not_found', 'grid not found');
}

/**
 * A community's grid list is open to those scoped to the community or above, and to those scoped
 * to some of its grids (who then see only those).
 */
export function assertCommunityVisible<T extends PlaceLike>(
  actor: Actor,
  community: T | undefined,
): asserts community is T {
  if (!community || community.level !== 'community' || !reaches(actor, community.path))
    throw new AppError('not_found', 'community not found');
}

/** The grids (alias `g`) of a community's list that the caller sees. */
export const gridsSeenSql = (actor: Actor): SQL => scopeSql(actor, sql.raw('g.path'));

/** Grids are laid out by the community itself or above: a worker scoped to one grid cannot redraw it. */
export function assertCommunityWrite(actor: Actor, community: PlaceLike) {
  if (!pathInScope(actor, community.path))
    throw new AppError('forbidden', 'grids are managed from the community or above');
}
