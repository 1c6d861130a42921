import { sql, type SQL } from 'drizzle-orm';
import type { Conn } from '../../db/client.ts';
import { pgArray } from '../../db/array.ts';
import { like, rows } from '../../db/rows.ts';
import { HOLDING_SELECT, POST_SELECT, type HoldingRow, type PostRow } from './posts.sql.ts';

export interface PostFields {
  placeId: number;
  placePath: string;
  postType: string;
  title: string;
  termStart: string;
  termEnd: string;
  monthlySubsidy: number;
}

export async function insertPost(conn: Conn, f: PostFields) {
  const [row] = await rows<{ id: number }>(
    conn,
    sql`INSERT INTO public_welfare_posts (place_id, place_path, post_type, title, term_start, term_end, monthly_subsidy)
        VALUES (${f.placeId}, ${f.placePath}, ${f.postType}, ${f.title}, ${f.termStart}, ${f.termEnd}, ${f.monthlySubsidy})
        RETURNING id`,
  );
  return Number(row.id);
}

/** Writes the fields over the version read; false when someone saved in between. */
export async function updatePost(conn: Conn, id: number, version: number, f: PostFields) {
  const done = await rows<{ id: number }>(
    conn,
    sql`UPDATE public_welfare_posts SET post_type = ${f.postType}, title = ${f.title}, term_start = ${f.termStart},
               term_end = ${f.termEnd}, monthly_subsidy = ${f.monthlySubsidy}, version = version + 1, updated_at = now()
         WHERE id = ${id} AND version = ${version} RETURNING id`,
  );
  return done.length === 1;
}

/** Moves the post's version on, as a holder comes or goes; false when that version is stale. */
export async function bumpPost(conn: Conn, id: number, version: number) {
  const done = await rows<{ id: number }>(
    conn,
    sql`UPDATE public_welfare_posts SET version = version + 1, updated_at = now()
         WHERE id = ${id} AND version = ${version} RETURNING id`,
  );
  return done.length === 1;
}

export async function findPost(conn: Conn, id: number) {
  const [row] = await rows<PostRow>(conn, sql`${POST_SELECT} WHERE pp.id = ${id}`);
  return row;
}

export interface PostFilter {
  place?: SQL;
  postType?: string;
  status?: 'vacant' | 'held' | 'should_exit';
  q?: string;
}

const openHolding = (extra: SQL = sql`true`) =>
  sql`EXISTS (SELECT 1 FROM post_holdings h2 WHERE h2.post_id = pp.id AND h2.end_on IS NULL AND ${extra})`;

function filterSql(scope: SQL, f: PostFilter, on: string): SQL {
  const parts = [scope];
  if (f.place) parts.push(f.place);
  if (f.postType) parts.push(sql`pp.post_type = ${f.postType}`);
  if (f.q) parts.push(sql`pp.title ILIKE ${`%${like(f.q)}`}`);
  if (f.status === 'vacant') parts.push(sql`NOT ${openHolding()}`);
  if (f.status === 'held') parts.push(openHolding());
  if (f.status === 'should_exit')
    parts.push(
      sql`EXISTS (SELECT 1 FROM (${HOLDING_SELECT(on)} WHERE ph.post_id = pp.id AND ph.end_on IS NULL) x
                   WHERE cardinality(x.should_exit) > 0)`,
    );
  return sql.join(parts, sql` AND `);
}

/** A page of posts in `scope`, by community and title, with the total. */
export async function listPosts(
  conn: Conn,
  scope: SQL,
  f: PostFilter,
  on: string,
  limit: number,
  offset: number,
) {
  const where = filterSql(scope, f, on);
  const [items, [count]] = await Promise.all([
    rows<PostRow>(
      conn,
      sql`${POST_SELECT} WHERE ${where} ORDER BY pl.name, pp.title, pp.id LIMIT ${limit} OFFSET ${offset}`,
    ),
    rows<{ total: number }>(
      conn,
      sql`SELECT count(*)::int AS total FROM public_welfare_posts pp WHERE ${where}`,
    ),
  ]);
  return { items, total: count.total };
}

/** The holdings of the posts, open ones only when `openOnly`, newest first. */
export const holdingsOf = (conn: Conn, postIds: number[], on: string, openOnly: boolean) =>
  rows<HoldingRow>(
    conn,
    sql`${HOLDING_SELECT(on)} WHERE ph.post_id = ANY(${pgArray(postIds)}::bigint[])
          ${openOnly ? sql`AND ph.end_on IS NULL` : sql``}
        ORDER BY ph.end_on IS NOT NULL, ph.start_on DESC, ph.id DESC`,
  );

export async function findHolding(conn: Conn, id: number, on: string) {
  const [row] = await rows<HoldingRow>(conn, sql`${HOLDING_SELECT(on)} WHERE ph.id = ${id}`);
  return row;
}

/** Whether the person holds a post now (an open holding). */
export async function holdsPost(conn: Conn, personId: number) {
  const found = await rows<{ id: number }>(
    conn,
    sql`SELECT id FROM post_holdings WHERE person_id = ${personId} AND end_on IS NULL LIMIT 1`,
  );
  return found.length > 0;
}

export async function insertHolding(
  conn: Conn,
  h: { postId: number; personId: number; recordId: number; startOn: string },
) {
  const [row] = await rows<{ id: number }>(
    conn,
    sql`INSERT INTO post_holdings (post_id, person_id, record_id, start_on)
        VALUES (${h.postId}, ${h.personId}, ${h.recordId}, ${h.startOn}) RETURNING id`,
  );
  return Number(row.id);
}

/** Ends an open holding from the version read; false when stale or already ended. */
export async function endHolding(conn: Conn, id: number, version: number, endOn: string, reason: string) {
  const done = await rows<{ id: number }>(
    conn,
    sql`UPDATE post_holdings SET end_on = ${endOn}, end_reason = ${reason}, version = version + 1
         WHERE id = ${id} AND version = ${version} AND end_on IS NULL RETURNING id`,
  );
  return done.length === 1;
}

/** Sets fields of the holder's employment record, moving its version on; returns the version it had. */
export async function changeRecord(
  conn: Conn,
  recordId: number,
  set: { endOn?: string; monthlyWage?: number },
) {
  const [row] = await rows<{ version: number }>(
    conn,
    sql`UPDATE employment_records
           SET end_on = ${set.endOn === undefined ? sql`end_on` : sql`${set.endOn}::date`},
               monthly_wage = ${set.monthlyWage === undefined ? sql`monthly_wage` : set.monthlyWage},
               version = version + 1, updated_at = now()
         WHERE id = ${recordId} RETURNING version - 1 AS version`,
  );
  return row.version;
}

export interface PostAttendanceRow {
  holding_id: number;
  name: string;
  start_on: string;
  end_on: string | null;
  days_held: number;
  days_worked: number | null;
  version: number | null;
}

/** The holdings of a post overlapping the month `from`..`to`, the days held in it and the attendance entered. */
export const attendanceOf = (conn: Conn, postId: number, from: string, to: string) =>
  rows<PostAttendanceRow>(
    conn,
    sql`SELECT ph.id AS holding_id, p.name, to_char(ph.start_on, 'YYYY-MM-DD') AS start_on,
               to_char(ph.end_on, 'YYYY-MM-DD') AS end_on,
               (least(coalesce(ph.end_on, ${to}::date), ${to}::date) - greatest(ph.start_on, ${from}::date) + 1)::int AS days_held,
               a.days_worked, a.version
          FROM post_holdings ph
          JOIN persons p ON p.id = ph.person_id
          LEFT JOIN post_attendance a ON a.holding_id = ph.id AND a.month = ${from}::date
         WHERE ph.post_id = ${postId} AND ph.start_on <= ${to}::date AND (ph.end_on IS NULL OR ph.end_on >= ${from}::date)
         ORDER BY ph.start_on, ph.id`,
  );

/** Enters (no `version`) or changes from `version` a month's attendance; false when stale or already entered. */
export async function saveAttendance(
  conn: Conn,
  a: { holdingId: number; month: string; daysWorked: number; version?: number; userId: number },
) {
  const done =
    a.version === undefined
      ? await rows<{ holding_id: number }>(
          conn,
          sql`INSERT INTO post_attendance (holding_id, month, days_worked, updated_by)
              VALUES (${a.holdingId}, ${a.month}, ${a.daysWorked}, ${a.userId})
              ON CONFLICT (holding_id, month) DO NOTHING RETURNING holding_id`,
        )
      : await rows<{ holding_id: number }>(
          conn,
          sql`UPDATE post_attendance SET days_worked = ${a.daysWorked}, updated_by = ${a.userId}, updated_at = now(),
                     version = version + 1
               WHERE holding_id = ${a.holdingId} AND month = ${a.month} AND version = ${a.version} RETURNING holding_id`,
        );
  return done.length === 1;
}

export interface PayrollRow {
  post_id: number;
  place_name: string;
  title: string;
  post_type: string;
  name: string;
  days_worked: number | null;
  monthly_subsidy: string | number;
}

/** Every holding of a post in `scope` (and `place`) overlapping the month `from`..`to`, with its attendance. */
export const payroll = (conn: Conn, scope: SQL, place: SQL | undefined, from: string, to: string) =>
  rows<PayrollRow>(
    conn,
    sql`SELECT pp.id AS post_id, pl.name AS place_name, pp.title, pp.post_type, p.name, a.days_worked, pp.monthly_subsidy
          FROM public_welfare_posts pp
          JOIN places pl ON pl.id = pp.place_id
          JOIN post_holdings ph ON ph.post_id = pp.id
          JOIN persons p ON p.id = ph.person_id
          LEFT JOIN post_attendance a ON a.holding_id = ph.id AND a.month = ${from}::date
         WHERE ${scope} AND ${place ?? sql`true`} AND ph.start_on <= ${to}::date AND (ph.end_on IS NULL OR ph.end_on >= ${from}::date)
         ORDER BY pl.name, pp.title, pp.id, ph.start_on`,
  );
