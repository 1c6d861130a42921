import { sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { ADMIN_ROLES } from '@anju/contracts';
import type { Actor } from '../auth/actor.ts';

/**
 * The one vocabulary of scope. A place's materialised path (`/1/5/88/`) lies in a subtree when it
 * starts with the subtree's path, so every scope condition is a prefix match on a path column, which a
 * `text_pattern_ops` index answers. Modules build their conditions from these functions and never
 * write a `LIKE path%` of their own.
 */
type Column = AnyPgColumn | SQL;

/**
 * System and security administrators browse the whole place tree (to create accounts and grant
 * scopes) but hold no permission on personal data.
 */
export function seesWholeTree(actor: Actor): boolean {
  return actor.roles.some((r) => r === 'system_admin' || r === 'security_admin');
}

export function isAdminRole(role: string): boolean {
  return (ADMIN_ROLES as readonly string[]).includes(role);
}

/** The paths of the actor's own subtrees. */
export const rootsOf = (actor: Actor): string[] => actor.scopes.map((s) => s.path);

/** True when `path` lies in one of the actor's subtrees (the administrators see every place). */
export function pathInScope(actor: Actor, path: string): boolean {
  return seesWholeTree(actor) || covers(actor, path);
}

/** True when `path` lies in one of the actor's own subtrees: the test for personal data and work. */
export function covers(actor: Actor, path: string | null | undefined): boolean {
  return !!path && actor.scopes.some((s) => path.startsWith(s.path));
}

/** True when `path` is in the actor's scope or contains part of it (a community seen by its grid workers). */
export function reaches(actor: Actor, path: string): boolean {
  return seesWholeTree(actor) || actor.scopes.some((s) => path.startsWith(s.path) || s.path.startsWith(path));
}

/** From which side of the dual jurisdiction the actor sees a record, or null when it is outside the scope. */
export function sideOf(
  actor: Actor,
  residencePath: string,
  originPath: string | null,
): 'residence' | 'hukou' | 'both' | null {
  const r = covers(actor, residencePath);
  const h = covers(actor, originPath);
  return r && h ? 'both' : r ? 'residence' : h ? 'hukou' : null;
}

/** `column` under one of `roots` (always false for none). */
export function underSql(column: Column, roots: readonly string[]): SQL {
  if (roots.length === 0) return sql`false`;
  return sql`(${sql.join(
    roots.map((r) => sql`${column} LIKE ${r + '%'}`),
    sql` OR `,
  )})`;
}

/** The paths under '/25/303/' are exactly those that sort in ['/25/303/', '/25/3030') byte by byte. */
const pathEnd = (path: string) =>
  path.slice(0, -1) + String.fromCharCode(path.charCodeAt(path.length - 1) + 1);

/**
 * `column` under one of `roots`, as ranges a `text_pattern_ops` index answers exactly (no LIKE to
 * recheck): for covering indexes whose index-only scans a recheck would spoil.
 */
export function underRangesSql(column: Column, roots: readonly string[]): SQL {
  if (roots.length === 0) return sql`false`;
  return sql`(${sql.join(
    roots.map((r) => sql`(${column} ~>=~ ${r} AND ${column} ~<~ ${pathEnd(r)})`),
    sql` OR `,
  )})`;
}

/**
 * `column` under the path another column `root` holds, as one range a `text_pattern_ops` index answers
 * for each row of a join (a LIKE built from a column is never an index condition).
 */
export function underColumnSql(column: Column, root: Column): SQL {
  return sql`(${column} ~>=~ ${root} AND ${column} ~<~ (left(${root}, -1) || '0'))`;
}

/** SQL condition limiting a place-path column to the actor's scope; the administrators see every place. */
export function scopeSql(actor: Actor, pathColumn: Column): SQL {
  if (seesWholeTree(actor)) return sql`true`;
  return underSql(pathColumn, rootsOf(actor));
}

/** `column` under the actor's own subtrees: personal data and work, which the administrators never see. */
export function ownScopeSql(actor: Actor, column: Column): SQL {
  return underSql(column, rootsOf(actor));
}

/** Dual jurisdiction: a record whose residence or origin path lies under one of `roots`. */
export function eitherSideSql(roots: readonly string[], residence: Column, origin: Column): SQL {
  if (roots.length === 0) return sql`false`;
  return sql`(${sql.join(
    roots.flatMap((r) => [sql`${residence} LIKE ${r + '%'}`, sql`${origin} LIKE ${r + '%'}`]),
    sql` OR `,
  )})`;
}

/** Dual jurisdiction: officials of the residence side and of the origin side both see the record. */
export function bothSidesSql(actor: Actor, residence: Column, origin: Column): SQL {
  return eitherSideSql(rootsOf(actor), residence, origin);
}

/** Places in one of `roots` or containing one of them (a county's line applies to its communities). */
export function reachingSql(column: Column, roots: readonly string[]): SQL {
  if (roots.length === 0) return sql`false`;
  return sql`(${sql.join(
    roots.map((r) => sql`(${column} LIKE ${r + '%'} OR ${r} LIKE ${column} || '%')`),
    sql` OR `,
  )})`;
}

/** `column` holds the path of `path`'s place or of one of its ancestors. */
export function ancestorSql(column: Column, path: string | Column): SQL {
  return sql`${path} LIKE ${column} || '%'`;
}
