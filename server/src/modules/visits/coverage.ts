import { sql, type SQL } from 'drizzle-orm';
import type { Conn } from '../../db/client.ts';
import { plannedSql } from './plans.sql.ts';

/**
 * Visit coverage over a period [from, to].
 *
 * Each planned household (plans.sql.ts) has its plan's interval of `every` days. The period is cut
 * into cycles of that many days starting at `from`; a household is due once for every cycle lying
 * wholly inside the period, and visited on plan for such a cycle when a visit falls within it.
 *
 *   grid coverage   = due cycles with a visit by anyone        ÷ due cycles of the grid's households
 *   worker coverage = due cycles with a visit by that worker   ÷ due cycles of the households of their grids
 *
 * Example, 2025-01-01 … 2025-03-31 (90 days): an elderly person living alone (every 30 days: Jan 1–30,
 * Jan 31–Mar 1, Mar 2–31) visited on Jan 10, Jan 20 and Mar 5 is 2 of 3; an ordinary household (every
 * 90 days) visited in February is 1 of 1; the grid is 3 of 4.
 */
const DUE = (grids: SQL, from: string, to: string) => sql`
  WITH ${plannedSql(grids)},
  due AS (
    SELECT p.id AS household_id, p.grid_id, ${from}::date + k * p.every AS starts,
           ${from}::date + (k + 1) * p.every AS ends
      FROM planned p, generate_series(0, (${to}::date - ${from}::date + 1) / p.every - 1) k)`;

export interface CoverageFigure {
  id: number;
  name: string;
  due: number;
  visited: number;
}

/** Coverage per grid and per grid worker of a community, from one pass over its due cycles. */
export async function coverageOf(conn: Conn, communityId: number, scope: SQL, from: string, to: string) {
  const grids = sql`g.parent_id = ${communityId} AND ${scope}`;
  const rows = (
    await conn.execute(sql`${DUE(grids, from, to)},
      cycles AS (
        SELECT d.*, EXISTS (SELECT 1 FROM visits v WHERE v.household_id = d.household_id
                              AND v.visited_on >= d.starts AND v.visited_on < d.ends) AS visited
          FROM due d)
      SELECT 'grid' AS kind, g.id, g.name, g.code AS sort, count(c.household_id)::int AS due,
             count(c.household_id) FILTER (WHERE c.visited)::int AS visited
        FROM places g LEFT JOIN cycles c ON c.grid_id = g.id
       WHERE g.level = 'grid' AND ${grids}
       GROUP BY g.id, g.name, g.code
      UNION ALL
      SELECT 'worker', u.id, u.display_name, u.display_name, count(c.household_id)::int,
             count(c.household_id) FILTER (WHERE c.visited AND EXISTS (
               SELECT 1 FROM visits v WHERE v.household_id = c.household_id AND v.visitor_id = u.id
                  AND v.visited_on >= c.starts AND v.visited_on < c.ends))::int
        FROM grid_workers w
        JOIN users u ON u.id = w.user_id
        JOIN places g ON g.id = w.grid_id
        LEFT JOIN cycles c ON c.grid_id = w.grid_id
       WHERE ${grids}
       GROUP BY u.id, u.display_name
      ORDER BY kind, sort, id`)
  ).rows as unknown as (CoverageFigure & { kind: 'grid' | 'worker' })[];
  return {
    grids: rows.filter((r) => r.kind === 'grid'),
    workers: rows.filter((r) => r.kind === 'worker'),
  };
}
