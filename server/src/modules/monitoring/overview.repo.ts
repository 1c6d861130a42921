import { sql, type SQL } from 'drizzle-orm';
import type { Conn } from '../../db/client.ts';
import { rows } from '../../db/rows.ts';
import { eitherSideSql } from '../../platform/access/scope.ts';

/** Cases that have not ended. */
const LIVE = sql`c.step NOT IN ('eliminated', 'not_identified')`;
/** Past the step's deadline, or still being identified after the 15-day decision deadline. */
const OVERDUE = sql`(c.step_due_at < now() OR (c.step IN ('verification', 'comparison', 'community_review',
  'township_review', 'county_approval') AND c.decision_due_at < now()))`;

/** Cases whose residence or origin copy lies under one of `paths` (each side read from its own index). */
const casesUnder = (paths: string[]) => eitherSideSql(paths, sql`c.residence_path`, sql`c.origin_path`);

export type CountRow = { kind: string; code: string | null; n: number };
export type TrendRow = {
  month: string;
  leads: number;
  identified: number;
  eliminated: number;
  monitored: number;
};

/**
 * Counts of the cases under `paths` in one pass over them: live ones by category, risk type and step,
 * the overdue, the identified and of those the eliminated. `code` is null for a plain total.
 */
export const caseCounts = (conn: Conn, paths: string[]) =>
  rows<CountRow>(
    conn,
    sql`WITH c AS MATERIALIZED (
          SELECT c.step, c.category, c.risk_types, c.step_due_at, c.decision_due_at, c.identified_at
            FROM monitoring_cases c WHERE ${casesUnder(paths)})
        SELECT 'category' AS kind, c.category AS code, count(*)::int AS n
          FROM c WHERE ${LIVE} AND c.category IS NOT NULL GROUP BY c.category
        UNION ALL
        SELECT 'risk_type', r.code, count(*)::int FROM c CROSS JOIN unnest(c.risk_types) r(code)
         WHERE ${LIVE} GROUP BY r.code
        UNION ALL
        SELECT 'step', c.step, count(*)::int FROM c WHERE ${LIVE} GROUP BY c.step
        UNION ALL
        SELECT 'overdue', NULL, count(*)::int FROM c WHERE ${LIVE} AND ${OVERDUE}
        UNION ALL
        SELECT 'identified', NULL, count(*)::int FROM c WHERE c.identified_at IS NOT NULL
        UNION ALL
        SELECT 'eliminated', NULL, count(*)::int FROM c WHERE c.step = 'eliminated' AND c.identified_at IS NOT NULL`,
  );

/**
 * One statement for the trend: the months from generate_series, leads and case milestones counted per
 * month in one pass each, and the cases monitored at each month's end as those monitored before the
 * first month plus the running sum of identified minus eliminated.
 */
export function monthlyTrend(conn: Conn, paths: string[], months: number) {
  const local = (column: SQL) => sql`(${column} AT TIME ZONE 'Asia/Shanghai')`;
  const households = eitherSideSql(paths, sql`h.residence_path`, sql`h.origin_path`);
  return rows<TrendRow>(
    conn,
    sql`
    WITH bounds AS (
      SELECT date_trunc('month', ${local(sql`now()`)}) - make_interval(months => ${months - 1}) AS first),
    months AS (
      SELECT m FROM bounds, generate_series(bounds.first, date_trunc('month', ${local(sql`now()`)}), interval '1 month') m),
    c AS MATERIALIZED (
      SELECT ${local(sql`c.identified_at`)} AS identified_at,
             CASE WHEN c.step = 'eliminated' THEN ${local(sql`c.closed_at`)} END AS eliminated_at
        FROM monitoring_cases c
       WHERE ${casesUnder(paths)} AND c.identified_at IS NOT NULL),
    before AS (
      SELECT (count(*) FILTER (WHERE c.identified_at < b.first)
              - count(*) FILTER (WHERE c.eliminated_at < b.first))::int AS n
        FROM c, bounds b),
    identified AS (
      SELECT date_trunc('month', c.identified_at) AS m, count(*)::int AS n FROM c, bounds b
       WHERE c.identified_at >= b.first GROUP BY 1),
    eliminated AS (
      SELECT date_trunc('month', c.eliminated_at) AS m, count(*)::int AS n FROM c, bounds b
       WHERE c.eliminated_at >= b.first GROUP BY 1),
    leads AS (
      SELECT date_trunc('month', ${local(sql`l.created_at`)}) AS m, count(*)::int AS n
        FROM monitoring_leads l JOIN households h ON h.id = l.household_id, bounds b
       WHERE ${households} AND ${local(sql`l.created_at`)} >= b.first
       GROUP BY 1)
    SELECT to_char(months.m, 'YYYY-MM') AS month,
           coalesce(leads.n, 0) AS leads,
           coalesce(identified.n, 0) AS identified,
           coalesce(eliminated.n, 0) AS eliminated,
           (before.n + sum(coalesce(identified.n, 0) - coalesce(eliminated.n, 0)) OVER (ORDER BY months.m))::int
             AS monitored
      FROM months CROSS JOIN before
      LEFT JOIN leads ON leads.m = months.m
      LEFT JOIN identified ON identified.m = months.m
      LEFT JOIN eliminated ON eliminated.m = months.m
     ORDER BY months.m`,
  );
}
