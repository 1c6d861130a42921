import { sql, type SQL } from 'drizzle-orm';
import { can } from '@anju/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import { AppError } from '../../platform/errors.ts';

type Side = 'residence' | 'hukou' | 'both';

const inScope = (actor: Actor, path: string | null) =>
  !!path && actor.scopes.some((s) => path.startsWith(s.path));

function pathsSql(actor: Actor, columns: SQL[]): SQL {
  if (actor.scopes.length === 0) return sql`false`;
  const parts = actor.scopes.flatMap((s) => columns.map((c) => sql`${c} LIKE ${s.path + '%'}`));
  return sql`(${sql.join(parts, sql` OR `)})`;
}

/**
 * Dual jurisdiction: a person is visible to officials of the residence side and of the hukou side;
 * `side` narrows a list to one of them.
 */
export function personScope(actor: Actor, side?: 'residence' | 'hukou'): SQL {
  const cols = [sql.raw('p.residence_path'), sql.raw('p.hukou_path')];
  return pathsSql(actor, side === 'residence' ? [cols[0]] : side === 'hukou' ? [cols[1]] : cols);
}

/**
 * The same visibility as `personScope`, one condition per side (null when the side is out of the
 * question), so a list can read each side through its own index.
 */
export function personSides(actor: Actor, side?: 'residence' | 'hukou') {
  return {
    residence: side === 'hukou' ? null : pathsSql(actor, [sql.raw('p.residence_path')]),
    hukou: side === 'residence' ? null : pathsSql(actor, [sql.raw('p.hukou_path')]),
  };
}
export type PersonSides = ReturnType<typeof personSides>;

export function householdScope(actor: Actor): SQL {
  return pathsSql(actor, [sql.raw('h.residence_path'), sql.raw('h.origin_path')]);
}

/** From which side the actor sees a record, or null when it is outside the actor's scope. */
export function sideOf(actor: Actor, residencePath: string, hukouPath: string | null): Side | null {
  const r = inScope(actor, residencePath);
  const h = inScope(actor, hukouPath);
  return r && h ? 'both' : r ? 'residence' : h ? 'hukou' : null;
}

/** Missing and out of scope look the same to the caller. */
export function assertVisible<T>(
  actor: Actor,
  row: T | undefined,
  side: (row: T) => Side | null,
): asserts row {
  if (!row || side(row) === null) throw new AppError('not_found', 'record not found');
}

/** Registry upkeep happens on the residence side: the community that houses the household. */
export function assertResidenceSide(actor: Actor, residencePath: string) {
  if (!inScope(actor, residencePath)) {
    throw new AppError('forbidden', 'only officials of the residence side can change this record');
  }
}

export const seesHealth = (actor: Actor) => can(actor.roles, 'person:health');
