import { sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { ADMIN_ROLES } from '@anju/contracts';
import type { Actor } from '../auth/actor.ts';

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

/** True when `path` lies in one of the actor's subtrees. */
export function pathInScope(actor: Actor, path: string): boolean {
  return seesWholeTree(actor) || actor.scopes.some((s) => path.startsWith(s.path));
}

/** SQL condition limiting a place-path column to the actor's scope (always false when it has none). */
export function scopeSql(actor: Actor, pathColumn: AnyPgColumn | SQL): SQL {
  if (seesWholeTree(actor)) return sql`true`;
  if (actor.scopes.length === 0) return sql`false`;
  const parts = actor.scopes.map((s) => sql`${pathColumn} LIKE ${s.path + '%'}`);
  return sql`(${sql.join(parts, sql` OR `)})`;
}

/** True when `path` is in the actor's scope or contains part of it (a community seen by its grid workers). */
export function reaches(actor: Actor, path: string): boolean {
  return seesWholeTree(actor) || actor.scopes.some((s) => path.startsWith(s.path) || s.path.startsWith(path));
}
