import { sql, type SQL } from 'drizzle-orm';
import type { Conn } from '../../db/client.ts';

/**
 * Visit coverage over a period [from, to].
 *
 * Each active household of a grid has a plan interval: the shortest interval_months of the visit
 * plans whose tag a living member carries, else the plan without a tag (quarterly by default).
 * Plan cycles are calendar windows of that many months aligned to the year (monthly: every month;
 * quarterly: Jan, Apr, Jul, Oct); a household is due once for every cycle lying wholly inside the
 * period, and visited on plan for such a cycle when a visit falls within it.
 *
 *   grid coverage   = due cycles with a visit by anyone        ÷ due cycles of the grid's households
 *   worker coverage = due cycles with a visit by that worker   ÷ due cycles of the households of their grids
 *
 * Example, 2025-01-01 … 2025-03-31: an elderly person living alone (monthly) visited in January and
 * March is 2 of 3; an ordinary household (quarterly) visited in February is 1 of 1; the grid is 3 of 4.
 */
const DUE = (communityId: number, scope: SQL, from: string, to: string) => sql`
  WITH hh AS (
    SELECT h.id, g.id AS grid_id,
           COALESCE((SELECT min(vp.interval_months) FROM visit_plans vp
                       JOIN persons p ON vp.tag = ANY(p.tags)
                      WHERE p.household_id = h.id AND p.status = 'living'),
                    (SELECT interval_months FROM visit_plans WHERE tag IS NULL), 3) AS every
      FROM places g
      JOIN households h ON h.residence_path LIKE g.path || '%' AND h.status = 'active'
     WHERE g.parent_id = ${communityId} AND g.level = 'grid' AND ${scope}),
  due AS (
    SELECT hh.id AS household_id, hh.grid_id, m::date AS starts,
           (m + make_interval(months => hh.every))::date AS ends
      FROM hh, generate_series(date_trunc('month', ${from}::date), ${to}::date, interval '1 month') m
     WHERE (extract(month FROM m)::int - 1) % hh.every = 0
       AND m >= ${from}::date
       AND (m + make_interval(months => hh.every))::date - 1 <= ${to}::date)`;

export interface CoverageFigure {
  id: number;
  name: string;
  due: number;
  visited: number;
}

export async function byGrid(conn: Conn, communityId: number, scope: SQL, from: string, to: string) {
  return (
    await conn.execute(sql`${DUE(communityId, scope, from, to)}
      SELECT g.id, g.name, count(d.household_id)::int AS due,
             count(d.household_id) FILTER (WHERE EXISTS (
               SELECT 1 FROM visits v WHERE v.household_id = d.household_id
                  AND v.visited_on >= d.starts AND v.visited_on < d.ends))::int AS visited
        FROM places g LEFT JOIN due d ON d.grid_id = g.id
       WHERE g.parent_id = ${communityId} AND g.level = 'grid' AND ${scope}
       GROUP BY g.id, g.name, g.code ORDER BY g.code`)
  ).rows as unknown as CoverageFigure[];
}

export async function byWorker(conn: Conn, communityId: number, scope: SQL, from: string, to: string) {
  return (
    await conn.execute(sql`${DUE(communityId, scope, from, to)}
      SELECT u.id, u.display_name AS name, count(d.household_id)::int AS due,
             count(d.household_id) FILTER (WHERE EXISTS (
               SELECT 1 FROM visits v WHERE v.household_id = d.household_id AND v.visitor_id = u.id
                  AND v.visited_on >= d.starts AND v.visited_on < d.ends))::int AS visited
        FROM grid_workers w
        JOIN users u ON u.id = w.user_id
        JOIN places g ON g.id = w.grid_id
        LEFT JOIN due d ON d.grid_id = w.grid_id
       WHERE g.parent_id = ${communityId} AND ${scope}
       GROUP BY u.id, u.display_name ORDER BY u.display_name, u.id`)
  ).rows as unknown as CoverageFigure[];
}
