import { sql } from 'drizzle-orm';
import type { Conn } from '../../db/client.ts';
import { rows } from './registry.sql.ts';

/** A saved list filter of one user. */
export interface SavedFilterRow {
  id: number;
  list: string;
  name: string;
  params: Record<string, string>;
}

/** Which side of the dual jurisdiction carries a person's duty. */
export type DutyRow = { duty: string; side: 'residence' | 'hukou'; note?: string | null };

/** The active entries of one dictionary, in their order. */
export const dictionary = (conn: Conn, kind: string) =>
  rows<{ kind: string; code: string; label_zh: string; label_en: string }>(
    conn,
    sql`SELECT kind, code, label_zh, label_en FROM dictionary_entries WHERE kind = ${kind} AND active ORDER BY sort, code`,
  );

/** A user's saved filters of one list, by name. */
export const savedFilters = (conn: Conn, userId: number, list: string) =>
  rows<SavedFilterRow>(
    conn,
    sql`SELECT id, list, name, params FROM saved_filters WHERE user_id = ${userId} AND list = ${list} ORDER BY name`,
  );

/**
 * Saves a filter unless the user already keeps `max` on the list (then undefined); a name already
 * used on the list fails with 23505.
 */
export async function insertFilter(
  conn: Conn,
  userId: number,
  input: { list: string; name: string; params: Record<string, string> },
  max: number,
) {
  const [row] = await rows<SavedFilterRow>(
    conn,
    sql`INSERT INTO saved_filters (user_id, list, name, params)
        SELECT ${userId}, ${input.list}, ${input.name}, ${JSON.stringify(input.params)}::jsonb
         WHERE (SELECT count(*) FROM saved_filters WHERE user_id = ${userId} AND list = ${input.list}) < ${max}
        RETURNING id, list, name, params`,
  );
  return row as SavedFilterRow | undefined;
}

/** Deletes a user's own filter; false when there was none. */
export async function deleteFilter(conn: Conn, userId: number, id: number) {
  const gone = await rows(
    conn,
    sql`DELETE FROM saved_filters WHERE id = ${id} AND user_id = ${userId} RETURNING id`,
  );
  return gone.length > 0;
}

/** A person's duties, by duty. */
export const duties = (conn: Conn, personId: number) =>
  rows<DutyRow>(
    conn,
    sql`SELECT duty, side, note FROM jurisdiction_duties WHERE person_id = ${personId} ORDER BY duty`,
  );

/** Replaces a person's duties. */
export async function replaceDuties(conn: Conn, personId: number, input: DutyRow[]) {
  await conn.execute(sql`DELETE FROM jurisdiction_duties WHERE person_id = ${personId}`);
  for (const d of input) {
    await conn.execute(
      sql`INSERT INTO jurisdiction_duties (person_id, duty, side, note) VALUES (${personId}, ${d.duty}, ${d.side}, ${d.note ?? null})`,
    );
  }
}
