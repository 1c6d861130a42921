import { sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.ts';
import { pathInScope } from '../../platform/access/scope.ts';
import { AppError, invalid } from '../../platform/errors.ts';

/**
 * Dual jurisdiction: officials of the residence side and of the origin side both follow a household's
 * monitoring (condition on `h`).
 */
export function householdsVisible(actor: Actor): SQL {
  if (actor.scopes.length === 0) return sql`false`;
  const parts = actor.scopes.flatMap((s) => [
    sql`h.residence_path LIKE ${s.path + '%'}`,
    sql`h.origin_path LIKE ${s.path + '%'}`,
  ]);
  return sql`(${sql.join(parts, sql` OR `)})`;
}

export interface HouseholdPaths {
  residence_path: string;
  origin_path: string | null;
}

/** Missing and out of scope look the same. */
export function assertHouseholdVisible<T extends HouseholdPaths>(
  actor: Actor,
  h: T | undefined,
): asserts h is T {
  const sees = (p: string | null) => !!p && actor.scopes.some((s) => p.startsWith(s.path));
  if (!h || !(sees(h.residence_path) || sees(h.origin_path)))
    throw new AppError('not_found', 'household not found');
}

/** Incomes are entered where the household lives. */
export function assertResidenceSide(actor: Actor, h: HouseholdPaths) {
  if (!actor.scopes.some((s) => h.residence_path.startsWith(s.path)))
    throw new AppError('forbidden', 'only officials of the residence side enter incomes');
}

/** A monitoring line is set for a province, city or county inside the caller's scope. */
export function assertLinePlace(actor: Actor, place: { level: string; path: string } | undefined) {
  if (!place || !pathInScope(actor, place.path)) throw new AppError('not_found', 'place not found');
  if (!['province', 'city', 'county'].includes(place.level))
    throw invalid('placeId', 'must be a province, city or county');
}
