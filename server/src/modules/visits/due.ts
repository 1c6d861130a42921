import { sql, type SQL } from 'drizzle-orm';
import type { Conn } from '../../db/client.ts';
import { plannedSql } from './plans.sql.ts';
import { placeLabelSql } from '../../db/place-label.ts';

export interface DueRow {
  id: number;
  household_no: string;
  head_name: string;
  dwelling_name: string | null;
  grid_id: number;
  grid_name: string;
  plan_name: string;
  every: number;
  last_on: string | null;
  due_on: string | null;
  overdue: boolean;
}

/**
 * Planned households of `grids` whose next visit falls on or before `on + within` days: the last
 * visit (by anyone, up to `on`) plus the plan's interval. Overdue when that day is before `on`, or
 * when the household was never visited.
 */
const dueSql = (grids: SQL, on: string, within: number) => sql`
  WITH ${plannedSql(grids)},
  timed AS (
    SELECT p.*, (SELECT max(v.visited_on) FROM visits v
                  WHERE v.household_id = p.id AND v.visited_on <= ${on}::date) AS last_on
      FROM planned p),
  due AS (
    SELECT t.*, t.last_on + t.every AS due_on, (t.last_on IS NULL OR t.last_on + t.every < ${on}::date) AS overdue
      FROM timed t
     WHERE t.last_on IS NULL OR t.last_on + t.every <= ${on}::date + ${within}::int)`;

export async function dueList(
  conn: Conn,
  f: { grids: SQL; on: string; within: number; overdue?: boolean; limit: number; offset: number },
) {
  const base = dueSql(f.grids, f.on, f.within);
  const status = f.overdue === undefined ? sql`true` : sql`d.overdue = ${f.overdue}`;
  const [items, counts] = await Promise.all([
    conn.execute(sql`${base}
      SELECT d.id, d.household_no, d.head_name, ${sql.raw(placeLabelSql('dp', 'db'))} AS dwelling_name, d.grid_id, d.grid_name,
             d.plan_name, d.every, to_char(d.last_on, 'YYYY-MM-DD') AS last_on,
             to_char(d.due_on, 'YYYY-MM-DD') AS due_on, d.overdue
        FROM due d
        LEFT JOIN places dp ON dp.id = d.dwelling_id
        LEFT JOIN places db ON db.id = dp.parent_id
       WHERE ${status}
       ORDER BY d.overdue DESC, d.due_on NULLS FIRST, d.household_no
       LIMIT ${f.limit} OFFSET ${f.offset}`),
    conn.execute(sql`${base}
      SELECT count(*) FILTER (WHERE ${status})::int AS total,
             count(*) FILTER (WHERE d.overdue)::int AS overdue
        FROM due d`),
  ]);
  const [c] = counts.rows as unknown as { total: number; overdue: number }[];
  return { rows: items.rows as unknown as DueRow[], total: c.total, overdue: c.overdue };
}

/** How many planned households of `grids` fall due within `within` days of `on` (or are overdue). */
export async function dueCount(conn: Conn, grids: SQL, on: string, within: number) {
  const found = await conn.execute(sql`${dueSql(grids, on, within)} SELECT count(*)::int AS total FROM due`);
  return (found.rows as unknown as { total: number }[])[0].total;
}
