import { sql, type SQL } from 'drizzle-orm';
import type { Conn } from '../../db/client.ts';
import { rows } from '../../db/rows.ts';
import { notificationsInsertSql, signalText } from '../../platform/notify/notify.ts';
import { employedSql, labourForceSql, ZERO_SELECT, type ZeroRow } from './employment.sql.ts';

/**
 * Settings for a recompute of many households, for the rest of the transaction: memory for its hashes,
 * and no JIT compilation, which took longer than the statement it compiled.
 */
export async function wholeRunSettings(conn: Conn) {
  await conn.execute(sql`SELECT set_config('work_mem', '64MB', true), set_config('jit', 'off', true)`);
}

/**
 * Zero-employment flags of the households matching `households` (a condition on `h`), in one
 * statement as of day `on`: an active household with labour and nobody employed is flagged, due in
 * `days`, and the grid workers of its grid and the community staff of its community are told; an open
 * flag whose household has someone employed again, or no labour left (or is no longer active), is
 * cleared on that day.
 */
export async function recompute(conn: Conn, households: SQL, on: string, days: number | SQL) {
  const [r] = await rows<{ flagged: number; cleared: number }>(
    conn,
    sql`WITH state AS (
          SELECT h.id,
                 h.status = 'active'
                 AND EXISTS (SELECT 1 FROM persons p WHERE p.household_id = h.id AND ${labourForceSql(on)}) AS labour,
                 EXISTS (SELECT 1 FROM persons p WHERE p.household_id = h.id AND p.status = 'living'
                            AND ${employedSql(on)}) AS employed
            FROM households h
           WHERE ${households}),
        opened AS (
          INSERT INTO zero_employment_households (household_id, flagged_on, due_on)
          SELECT s.id, ${on}::date, ${on}::date + ${days}::int
            FROM state s
           WHERE s.labour AND NOT s.employed
             AND NOT EXISTS (SELECT 1 FROM zero_employment_households z
                              WHERE z.household_id = s.id AND z.cleared_on IS NULL)
          ON CONFLICT (household_id) WHERE cleared_on IS NULL DO NOTHING
          RETURNING id, household_id, due_on),
        closed AS (
          UPDATE zero_employment_households z
             SET cleared_on = ${on}::date, cleared_by = CASE WHEN s.employed THEN 'employed' ELSE 'no_labour' END,
                 version = z.version + 1
            FROM state s
           WHERE z.household_id = s.id AND z.cleared_on IS NULL AND (s.employed OR NOT s.labour)
          RETURNING z.id),
        sent AS (
          ${notificationsInsertSql(sql`SELECT DISTINCT u.id, 'zero_employment',
                 jsonb_build_object('householdNo', h.household_no, 'headName', h.head_name,
                                    'dueOn', to_char(o.due_on, 'YYYY-MM-DD')),
                 '/employment/zero/' || o.id
            FROM opened o
            JOIN households h ON h.id = o.household_id
            JOIN places g ON g.id = ANY(string_to_array(trim(both '/' from h.residence_path), '/')::bigint[])
            JOIN users u ON NOT u.disabled AND (
                   (g.level = 'grid' AND 'grid_worker' = ANY(u.roles)
                    AND EXISTS (SELECT 1 FROM grid_workers w WHERE w.grid_id = g.id AND w.user_id = u.id))
                OR (g.level = 'community' AND 'community_staff' = ANY(u.roles)
                    AND EXISTS (SELECT 1 FROM user_scopes s WHERE s.place_id = g.id AND s.user_id = u.id)))`)})
        SELECT (SELECT count(*)::int FROM opened) AS flagged, (SELECT count(*)::int FROM closed) AS cleared,
               ${sql.raw(signalText('sent'))} AS signalled`,
  );
  return { flagged: r.flagged, cleared: r.cleared };
}

/** The newest zero-employment flag's id (0 for none): flags opened later have larger ids. */
export async function lastFlagId(conn: Conn) {
  const [r] = await rows<{ id: string | number }>(
    conn,
    sql`SELECT coalesce(max(id), 0) AS id FROM zero_employment_households`,
  );
  return Number(r.id);
}

/** Days back the nightly recompute looks for a job that reached its end, covering nights it did not run. */
const ENDED_WITHIN_DAYS = 7;

/**
 * Households (a condition on `h`) flagged after flag `after` and still open, with a living member's
 * job that reached its end in the days before `on`: their last job ended rather than someone reaching
 * working age.
 */
export const flaggedForEndedJob = (after: number, on: string): SQL =>
  sql`h.id IN (SELECT z.household_id FROM zero_employment_households z
                WHERE z.id > ${after} AND z.cleared_on IS NULL)
      AND EXISTS (SELECT 1 FROM persons p JOIN employment_records r ON r.person_id = p.id
                   WHERE p.household_id = h.id AND p.status = 'living'
                     AND r.end_on < ${on}::date AND r.end_on >= ${on}::date - ${ENDED_WITHIN_DAYS}::int)`;

/** One page of the flags seen through `scope` (a condition on `h`), oldest open first, with the total. */
export async function list(
  conn: Conn,
  scope: SQL,
  status: 'open' | 'overdue' | 'cleared',
  on: string,
  limit: number,
  offset: number,
) {
  const state =
    status === 'cleared'
      ? sql`z.cleared_on IS NOT NULL`
      : status === 'overdue'
        ? sql`z.cleared_on IS NULL AND z.due_on < ${on}::date`
        : sql`z.cleared_on IS NULL`;
  const where = sql`${scope} AND ${state}`;
  const order = status === 'cleared' ? sql`z.cleared_on DESC, z.id DESC` : sql`z.due_on, z.id`;
  const [items, [{ total }]] = await Promise.all([
    rows<ZeroRow>(
      conn,
      sql`${ZERO_SELECT(on)} WHERE ${where} ORDER BY ${order} LIMIT ${limit} OFFSET ${offset}`,
    ),
    rows<{ total: number }>(
      conn,
      sql`SELECT count(*)::int AS total FROM zero_employment_households z
            JOIN households h ON h.id = z.household_id WHERE ${where}`,
    ),
  ]);
  return { items, total };
}

export async function find(conn: Conn, id: number, on: string) {
  const [row] = await rows<ZeroRow>(conn, sql`${ZERO_SELECT(on)} WHERE z.id = ${id}`);
  return row;
}

/** A household's latest flag, open or cleared. */
export async function latestOf(conn: Conn, householdId: number, on: string) {
  const [row] = await rows<ZeroRow>(
    conn,
    sql`${ZERO_SELECT(on)} WHERE z.household_id = ${householdId} ORDER BY z.flagged_on DESC, z.id DESC LIMIT 1`,
  );
  return row;
}

export const helpOf = (conn: Conn, zeroId: number) =>
  rows<{ id: number; kind: string; note: string; given_on: string; actor_name: string | null }>(
    conn,
    sql`SELECT x.id, x.kind, x.note, to_char(x.given_on, 'YYYY-MM-DD') AS given_on, u.display_name AS actor_name
          FROM zero_employment_help x LEFT JOIN users u ON u.id = x.actor_id
         WHERE x.zero_id = ${zeroId} ORDER BY x.given_on DESC, x.id DESC`,
  );

export async function insertHelp(
  conn: Conn,
  zeroId: number,
  h: { kind: string; note: string; givenOn: string },
  actorId: number,
) {
  const [row] = await rows<{ id: number }>(
    conn,
    sql`INSERT INTO zero_employment_help (zero_id, kind, note, given_on, actor_id)
        VALUES (${zeroId}, ${h.kind}, ${h.note}, ${h.givenOn}, ${actorId}) RETURNING id`,
  );
  return Number(row.id);
}
