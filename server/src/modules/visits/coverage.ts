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

const inCommunity = (communityId: number, scope: SQL) => sql`g.parent_id = ${communityId} AND ${scope}`;

export async function byGrid(conn: Conn, communityId: number, scope: SQL, from: string, to: string) {
  return (
    await conn.execute(sql`${DUE(inCommunity(communityId, scope), from, to)}
      SELECT g.id, g.name, count(d.household_id)::int AS due,
             count(d.household_id) FILTER (WHERE EXISTS (
               SELECT 1 FROM visits v WHERE v.household_id = d.household_id
                  AND v.visited_on >= d.starts AND v.visited_on < d.ends))::int AS visited
        FROM places g LEFT JOIN due d ON d.grid_id = g.id
       WHERE g.level = 'grid' AND ${inCommunity(communityId, scope)}
       GROUP BY g.id, g.name, g.code ORDER BY g.code`)
  ).rows as unknown as CoverageFigure[];
}

export async function byWorker(conn: Conn, communityId: number, scope: SQL, from: string, to: string) {
  return (
    await conn.execute(sql`${DUE(inCommunity(communityId, scope), from, to)}
      SELECT u.id, u.display_name AS name, count(d.household_id)::int AS due,
             count(d.household_id) FILTER (WHERE EXISTS (
               SELECT 1 FROM visits v WHERE v.household_id = d.household_id AND v.visitor_id = u.id
                  AND v.visited_on >= d.starts AND v.visited_on < d.ends))::int AS visited
        FROM grid_workers w
        JOIN users u ON u.id = w.user_id
        JOIN places g ON g.id = w.grid_id
        LEFT JOIN due d ON d.grid_id = w.grid_id
       WHERE ${inCommunity(communityId, scope)}
       GROUP BY u.id, u.display_name ORDER BY u.display_name, u.id`)
  ).rows as unknown as CoverageFigure[];
}
