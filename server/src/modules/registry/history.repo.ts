import { sql } from 'drizzle-orm';
import type { Conn } from '../../db/client.ts';
import type { Ctx } from '../../platform/auth/actor.ts';
import { rows } from './registry.sql.ts';

export interface HistoryInput {
  householdId: number;
  personId?: number | null;
  event: string;
  version: number;
  changes?: Record<string, unknown>;
  note?: string | null;
  eventDate?: string | null;
}

export async function record(conn: Conn, ctx: Ctx, entries: HistoryInput[]) {
  for (const e of entries) {
    await conn.execute(sql`
      INSERT INTO registry_history (household_id, person_id, event, version, changes, note, event_date, actor_id, actor_name)
      VALUES (${e.householdId}, ${e.personId ?? null}, ${e.event}, ${e.version}, ${JSON.stringify(e.changes ?? {})}::jsonb,
              ${e.note ?? null}, ${e.eventDate ?? null}, ${ctx.actor.userId}, ${ctx.actor.username})`);
  }
}

export interface HistoryRow {
  id: number;
  event: string;
  person_id: number | null;
  version: number;
  changes: Record<string, unknown>;
  note: string | null;
  event_date: string | null;
  actor_name: string | null;
  at: Date;
}

/** Who made a change, by the name people know them by (the login name kept for removed accounts). */
const ACTOR_NAME = sql`COALESCE(u.display_name, r.actor_name) AS actor_name`;

/** A household's history; an entry about one member carries that member's two paths. */
export async function ofHousehold(conn: Conn, householdId: number) {
  return rows<HistoryRow & { residence_path: string | null; hukou_path: string | null }>(
    conn,
    sql`SELECT r.id, r.event, r.person_id, r.version, r.changes, r.note, to_char(r.event_date, 'YYYY-MM-DD') AS event_date,
               ${ACTOR_NAME}, r.at, p.residence_path, p.hukou_path
          FROM registry_history r LEFT JOIN persons p ON p.id = r.person_id LEFT JOIN users u ON u.id = r.actor_id
         WHERE r.household_id = ${householdId} ORDER BY r.id DESC LIMIT 500`,
  );
}

export async function ofPerson(conn: Conn, personId: number) {
  return rows<HistoryRow>(
    conn,
    sql`SELECT r.id, r.event, r.person_id, r.version, r.changes, r.note, to_char(r.event_date, 'YYYY-MM-DD') AS event_date,
               ${ACTOR_NAME}, r.at
          FROM registry_history r LEFT JOIN users u ON u.id = r.actor_id
         WHERE r.person_id = ${personId} ORDER BY r.id DESC LIMIT 500`,
  );
}
