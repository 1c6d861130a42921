import { sql, type SQL } from 'drizzle-orm';
import { can, HEALTH_TAGS } from '@anju/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import {
  bothSidesSql,
  covers,
  ownScopeSql,
  rootsOf,
  sideOf,
  underRangesSql,
} from '../../platform/access/scope.ts';
import { AppError } from '../../platform/errors.ts';

/**
 * Dual jurisdiction: a person is visible to officials of the residence side and of the hukou side;
 * `side` narrows a list to one of them.
 */
export function personScope(actor: Actor, side?: 'residence' | 'hukou'): SQL {
  const [residence, hukou] = [sql.raw('p.residence_path'), sql.raw('p.hukou_path')];
  if (side === 'residence') return ownScopeSql(actor, residence);
  if (side === 'hukou') return ownScopeSql(actor, hukou);
  return bothSidesSql(actor, residence, hukou);
}

const depth = (path: string) => path.split('/').length - 2;

/**
 * The same visibility as `personScope`, as two disjoint conditions so a list reads each side from its
 * own index: people living in scope, and people registered in scope who live outside it — found by
 * where their two paths part (`hukou_parting`, ADR 0008). `side` keeps one side whole.
 */
export function personSides(actor: Actor, side?: 'residence' | 'hukou') {
  const roots = rootsOf(actor);
  const residence = underRangesSql(sql.raw('p.residence_path'), roots);
  const hukou = underRangesSql(sql.raw('p.hukou_path'), roots);
  if (side) return side === 'residence' ? { residence, hukou: null } : { residence: null, hukou };
  const partings = `{${Array.from({ length: Math.max(0, ...roots.map(depth)) }, (_, i) => i + 1).join(',')}}`;
  return {
    residence,
    hukou: sql`hukou_parting(p.hukou_path, p.residence_path) = ANY(${partings}::smallint[]) AND ${hukou} AND NOT ${residence}`,
  };
}
export type PersonSides = ReturnType<typeof personSides>;

/** Households seen by officials of either side (condition on `h`). */
export function householdScope(actor: Actor): SQL {
  return bothSidesSql(actor, sql.raw('h.residence_path'), sql.raw('h.origin_path'));
}

export { sideOf };

/** Missing and out of scope look the same to the caller. */
export function assertVisible<T>(
  actor: Actor,
  row: T | undefined,
  side: (row: T) => ReturnType<typeof sideOf>,
): asserts row {
  if (!row || side(row) === null) throw new AppError('not_found', 'record not found');
}

/** An official who sees a household only as its origin side: they read only their side's members. */
export const originSideOnly = (actor: Actor, residencePath: string) => !covers(actor, residencePath);

/** Registry upkeep happens on the residence side: the community that houses the household. */
export function assertResidenceSide(actor: Actor, residencePath: string) {
  if (!covers(actor, residencePath)) {
    throw new AppError('forbidden', 'only officials of the residence side can change this record');
  }
}

export const seesHealth = (actor: Actor) => can(actor.roles, 'person:health');
export const mayReveal = (actor: Actor) => can(actor.roles, 'person:reveal');

/** A person's tags as the actor may see them: health tags only with person:health. */
export const visibleTags = (actor: Actor, tags: string[]) =>
  seesHealth(actor) ? tags : tags.filter((t) => !HEALTH_TAGS.includes(t));

/** The tags the actor cannot see, which an edit of theirs keeps as they are. */
export const hiddenTags = (actor: Actor, tags: string[]) =>
  seesHealth(actor) ? [] : tags.filter((t) => HEALTH_TAGS.includes(t));

/** Filtering or setting a health tag tells or changes health, so it takes person:health. */
export function assertTagsAllowed(actor: Actor, tags: string[] | undefined, field: string) {
  if (seesHealth(actor) || !tags?.some((t) => HEALTH_TAGS.includes(t))) return;
  throw new AppError('forbidden', 'health tags require person:health', [
    { field, reason: 'health tags require person:health' },
  ]);
}

/** Finding someone by a whole ID or phone number takes a permission for each. */
export function assertMayFind(actor: Actor, by: { idNumber?: string; phone?: string }) {
  for (const [field, permission] of [
    ['idNumber', 'person:find_id'],
    ['phone', 'person:find_phone'],
  ] as const) {
    if (by[field] !== undefined && !can(actor.roles, permission))
      throw new AppError('forbidden', `finding a person by ${field} requires ${permission}`, [
        { field, reason: `requires ${permission}` },
      ]);
  }
}

interface HouseholdPaths {
  residence_path: string;
  origin_path: string | null;
}

/** A household seen from either side; missing and out of scope look the same. */
export function assertHouseholdVisible<T extends HouseholdPaths>(
  actor: Actor,
  h: T | undefined,
  what = 'household',
): asserts h is T {
  if (!h || sideOf(actor, h.residence_path, h.origin_path) === null)
    throw new AppError('not_found', `${what} not found`);
}
