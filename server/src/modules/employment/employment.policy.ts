import { sql, type SQL } from 'drizzle-orm';
import { can } from '@anju/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import { bothSidesSql, covers, ownScopeSql, sideOf } from '../../platform/access/scope.ts';
import { AppError, notFound } from '../../platform/errors.ts';

interface PersonPaths {
  residence_path: string;
  hukou_path: string;
}

/**
 * Dual jurisdiction, as for the registry's persons: officials of the residence side and of the hukou
 * side both see a person's labour entry and records; missing and out of scope look the same.
 */
export function assertPersonVisible<T extends PersonPaths>(
  actor: Actor,
  p: T | undefined,
  what = 'person',
  field?: string,
): asserts p is T {
  if (!p || sideOf(actor, p.residence_path, p.hukou_path) === null)
    throw field
      ? new AppError('not_found', `${what} not found`, [{ field, reason: 'unknown person' }])
      : notFound(what);
}

/** Labour entries and records are kept on the residence side, where the person lives and is visited. */
export function assertResidenceSide(actor: Actor, p: PersonPaths) {
  if (!covers(actor, p.residence_path))
    throw new AppError('forbidden', 'only officials of the residence side keep employment records');
}

/** Whether the actor keeps the employment of a household living at `residencePath`. */
export const mayKeep = (actor: Actor, residencePath: string) =>
  can(actor.roles, 'employment:write') && covers(actor, residencePath);

/** An official who sees a household only from its origin side reads only the members registered there. */
export const seesMember = (actor: Actor, householdResidence: string, member: PersonPaths) =>
  covers(actor, householdResidence) || covers(actor, member.hukou_path);

/** People (`p`) seen from either side. */
export const labourScope = (actor: Actor): SQL =>
  bothSidesSql(actor, sql.raw('p.residence_path'), sql.raw('p.hukou_path'));

/** Households (`h`) seen from either side. */
export const householdScope = (actor: Actor): SQL =>
  bothSidesSql(actor, sql.raw('h.residence_path'), sql.raw('h.origin_path'));

/** Households (`h`) living in the actor's own scope: what a full recompute of theirs covers. */
export const residenceScope = (actor: Actor): SQL => ownScopeSql(actor, sql.raw('h.residence_path'));

/** Every household (`h`), for the daily recompute. */
export const everyHousehold: SQL = sql`true`;

/** One household (`h`). */
export const oneHousehold = (id: number): SQL => sql`h.id = ${id}`;

/** People (`p`) living in the actor's own scope: those whose jobs the actor keeps. */
export const keptScope = (actor: Actor): SQL => ownScopeSql(actor, sql.raw('p.residence_path'));
