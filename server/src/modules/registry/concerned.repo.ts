import { sql } from 'drizzle-orm';
import type { Conn } from '../../db/client.ts';
import { rows } from '../../db/rows.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { ownScopeSql, rootsOf } from '../../platform/access/scope.ts';

/** The active households living in the actor's own scope. */
export async function livingIn(conn: Conn, actor: Actor): Promise<number[]> {
  if (rootsOf(actor).length === 0) return [];
  const found = await rows<{ id: number }>(
    conn,
    sql`SELECT id FROM households WHERE status = 'active' AND ${ownScopeSql(actor, sql`residence_path`)} LIMIT 5`,
  );
  return found.map((r) => Number(r.id));
}
