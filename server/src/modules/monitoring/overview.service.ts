import { sql, type SQL } from 'drizzle-orm';
import { CASE_STEPS, type MonitoringOverview } from '@anju/contracts';
import type { Database } from '../../db/client.ts';
import { rows } from '../../db/rows.ts';
import type { Actor, Ctx } from '../../platform/auth/actor.ts';
import { pathInScope } from '../../platform/access/scope.ts';
import { notFound } from '../../platform/errors.ts';
import { underPath } from '../places/places.service.ts';

/** Cases that have not ended. */
const LIVE = sql`c.step NOT IN ('eliminated', 'not_identified')`;
/** Past the step's deadline, or still being identified after the 15-day decision deadline. */
const OVERDUE = sql`(c.step_due_at < now() OR (c.step IN ('verification', 'comparison', 'community_review',
  'township_review', 'county_approval') AND c.decision_due_at < now()))`;

/** Rows whose residence or origin path lies under one of `paths` (each side read from its own index). */
function eitherSide(paths: string[], residence: SQL, origin: SQL): SQL {
  if (paths.length === 0) return sql`false`;
  const parts = paths.flatMap((p) => [sql`${residence} LIKE ${p + '%'}`, sql`${origin} LIKE ${p + '%'}`]);
  return sql`(${sql.join(parts, sql` OR `)})`;
}

/** The paths to count under: the chosen place, which must be in the caller's scope, or the whole scope. */
async function pathsOf(database: Database, actor: Actor, under: string | undefined): Promise<string[]> {
  if (!under) return actor.scopes.map((s) => s.path);
  const path = await underPath(database.db, under).catch(() => null);
  if (!path || !pathInScope(actor, path)) throw notFound('place');
  return [path];
}

type CountRow = { kind: string; code: string | null; n: number };
type TrendRow = { month: string; leads: number; identified: number; eliminated: number; monitored: number };

const STEP_ORDER = new Map<string, number>(CASE_STEPS.map((s, i) => [s, i]));

/**
 * The monitoring overview of the cases the caller sees from either side under a place: live cases by
 * category, risk type and step, the overdue, the elimination rate, and month by month (China time)
 * the leads raised, cases identified and eliminated, and cases monitored at the month's end.
 */
export async function overview(
  database: Database,
  ctx: Ctx,
  q: { under?: string; months: number },
): Promise<MonitoringOverview> {
  const paths = await pathsOf(database, ctx.actor, q.under);
  const cases = eitherSide(paths, sql`c.residence_path`, sql`c.origin_path`);
  const counts = await rows<CountRow>(
    database.db,
    sql`WITH c AS MATERIALIZED (
          SELECT c.step, c.category, c.risk_types, c.step_due_at, c.decision_due_at, c.identified_at
            FROM monitoring_cases c WHERE ${cases})
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
  const trend = await rows<TrendRow>(database.db, trendSql(paths, q.months));
  const of = (kind: string) =>
    counts
      .filter((r) => r.kind === kind && r.code !== null)
      .map((r) => ({ code: r.code as string, count: r.n }))
      .sort((a, b) => b.count - a.count || a.code.localeCompare(b.code));
  const total = (kind: string) => counts.find((r) => r.kind === kind)?.n ?? 0;
  const identified = total('identified');
  const eliminated = total('eliminated');
  return {
    byCategory: of('category'),
    byRiskType: of('risk_type'),
    byStep: of('step').sort((a, b) => (STEP_ORDER.get(a.code) ?? 99) - (STEP_ORDER.get(b.code) ?? 99)),
    overdue: total('overdue'),
    elimination: {
      identified,
      eliminated,
      rate: identified === 0 ? 0 : Math.round((eliminated / identified) * 1000) / 1000,
    },
    trend,
  };
}

/**
 * One statement for the trend: the months from generate_series, leads and case milestones counted per
 * month in one pass each, and the cases monitored at each month's end as those monitored before the
 * first month plus the running sum of identified minus eliminated.
 */
function trendSql(paths: string[], months: number): SQL {
  const local = (column: SQL) => sql`(${column} AT TIME ZONE 'Asia/Shanghai')`;
  const cases = eitherSide(paths, sql`c.residence_path`, sql`c.origin_path`);
  const households = eitherSide(paths, sql`h.residence_path`, sql`h.origin_path`);
  return sql`
    WITH bounds AS (
      SELECT date_trunc('month', ${local(sql`now()`)}) - make_interval(months => ${months - 1}) AS first),
    months AS (
      SELECT m FROM bounds, generate_series(bounds.first, date_trunc('month', ${local(sql`now()`)}), interval '1 month') m),
    c AS MATERIALIZED (
      SELECT ${local(sql`c.identified_at`)} AS identified_at,
             CASE WHEN c.step = 'eliminated' THEN ${local(sql`c.closed_at`)} END AS eliminated_at
        FROM monitoring_cases c
       WHERE ${cases} AND c.identified_at IS NOT NULL),
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
     ORDER BY months.m`;
}
