import { sql } from 'drizzle-orm';
import type { Conn } from '../../db/client.ts';
import { rows } from '../../db/rows.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { ownScopeSql, rootsOf } from '../../platform/access/scope.ts';
import type { HouseholdPaths } from './monitoring.policy.ts';

/** The two paths of a household (by primary key), from which its visibility is decided. */
export async function householdPaths(conn: Conn, id: number): Promise<HouseholdPaths | undefined> {
  const [h] = await rows<HouseholdPaths>(
    conn,
    sql`SELECT residence_path, origin_path FROM households WHERE id = ${id}`,
  );
  return h;
}

/** Up to two active households living in the actor's own scope (a resident's dwelling has one). */
export async function householdsLivingIn(conn: Conn, actor: Actor): Promise<{ id: number }[]> {
  if (rootsOf(actor).length === 0) return [];
  return rows<{ id: number }>(
    conn,
    sql`SELECT id FROM households WHERE status = 'active' AND ${ownScopeSql(actor, sql`residence_path`)} LIMIT 2`,
  );
}
