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

/** The paths under '/25/303/' are exactly those that sort in ['/25/303/', '/25/3030') byte by byte. */
const pathEnd = (path: string) =>
  path.slice(0, -1) + String.fromCharCode(path.charCodeAt(path.length - 1) + 1);
const depth = (path: string) => path.split('/').length - 2;

/** `column` under one of the roots, as ranges a `text_pattern_ops` index answers exactly (no LIKE to recheck). */
function underSql(column: string, roots: string[]): SQL {
  if (roots.length === 0) return sql`false`;
  const c = sql.raw(column);
  return sql`(${sql.join(
    roots.map((r) => sql`(${c} ~>=~ ${r} AND ${c} ~<~ ${pathEnd(r)})`),
    sql` OR `,
  )})`;
}

/**
 * The same visibility as `personScope`, as two disjoint conditions so a list reads each side from its
 * own index: people living in scope, and people registered in scope who live outside it — found by
 * where their two paths part (`hukou_parting`, ADR 0008). `side` keeps one side whole.
 */
export function personSides(actor: Actor, side?: 'residence' | 'hukou') {
  const roots = actor.scopes.map((s) => s.path);
  const residence = underSql('p.residence_path', roots);
  const hukou = underSql('p.hukou_path', roots);
  if (side) return side === 'residence' ? { residence, hukou: null } : { residence: null, hukou };
  const partings = `{${Array.from({ length: Math.max(0, ...roots.map(depth)) }, (_, i) => i + 1).join(',')}}`;
  return {
    residence,
    hukou: sql`hukou_parting(p.hukou_path, p.residence_path) = ANY(${partings}::smallint[]) AND ${hukou} AND NOT ${residence}`,
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
