import { sql, type SQL } from 'drizzle-orm';
import {
  can,
  type KpiBreakdown,
  type KpiBreakdownQuery,
  type KpiTrend,
  type KpiTrendQuery,
} from '@anju/contracts';
import type { Database } from '../../db/client.ts';
import { ownScopeSql, reachingSql, underSql } from '../../platform/access/scope.ts';
import type { Actor, Ctx } from '../../platform/auth/actor.ts';
import { rows } from './incidents.sql.ts';
import { figuresSql, overdueOpen, present, reportedIn, scopeOf, seenUnder, summedSql } from './kpi.ts';

/** Officials who see incidents by where they happened (everyone with incident:read but department officers). */
const areaReader = (actor: Actor) =>
  actor.roles.some((r) => r !== 'department_officer' && can([r], 'incident:read'));

const inScope = (actor: Actor, column: SQL): SQL =>
  areaReader(actor) ? ownScopeSql(actor, column) : sql`false`;

const myDepartments = (actor: Actor) =>
  sql`(SELECT department_id FROM user_departments WHERE user_id = ${actor.userId})`;

type Row = Record<string, unknown> & { group_id: number; group_name: string; group_name_en: string | null };

/**
 * Grids and communities in the caller's area under the chosen place are listed even without incidents;
 * townships only when they have some (most townships of a county have no resettlement community).
 */
function byPlace(
  ctx: Ctx,
  level: 'grid' | 'community' | 'township',
  path: string | null,
  where: SQL,
  period: SQL,
) {
  const idle =
    level === 'township'
      ? sql`false`
      : sql`(${inScope(ctx.actor, sql`g.path`)} ${path ? sql`AND ${underSql(sql`g.path`, [path])}` : sql``})`;
  // counts per place first (one pass over the incidents), then added up to the ancestor at the level
  return sql`
    WITH per_place AS (
      SELECT i.place_id, ${figuresSql(period)}
        FROM incidents i
       WHERE ${where}
       GROUP BY i.place_id),
    sums AS (
      SELECT g.id AS fid, ${summedSql}
        FROM per_place f
        JOIN places p ON p.id = f.place_id
        JOIN places g ON g.id = ANY(string_to_array(trim(both '/' from p.path), '/')::bigint[])
                     AND g.level = ${level}
       GROUP BY g.id)
    SELECT g.id::int8 AS group_id, g.name AS group_name, NULL AS group_name_en, f.*
      FROM (SELECT fid FROM sums UNION SELECT g.id FROM places g WHERE g.level = ${level} AND ${idle}) AS ids(id)
      JOIN places g ON g.id = ids.id
      LEFT JOIN sums f ON f.fid = g.id
     ORDER BY g.parent_id, g.code, g.id`;
}

/**
 * Departments of the counties in the caller's area are listed even without incidents; a department
 * officer sees only their own departments' rows.
 */
function byDepartment(ctx: Ctx, path: string | null, where: SQL, period: SQL) {
  const countyInArea = sql`(${inScope(ctx.actor, sql`c.path`)}
    ${path ? sql`AND ${reachingSql(sql`c.path`, [path])}` : sql``})`;
  const mine = sql`d.id IN ${myDepartments(ctx.actor)}`;
  // a department's timely acceptance is its own pickup (签收 by starting), on its own clock
  return sql`
    WITH f AS (
      SELECT i.department_id AS fid, ${figuresSql(period)}
        FROM incidents i
       WHERE ${where} AND i.department_id IS NOT NULL
       GROUP BY i.department_id),
    own AS (
      SELECT a.department_id AS fid, count(DISTINCT a.incident_id) FILTER (WHERE a.accepted_at <= a.due_at)::int AS met
        FROM incident_acceptances a JOIN incidents i ON i.id = a.incident_id
       WHERE ${where} AND ${period} AND a.department_id IS NOT NULL
       GROUP BY a.department_id)
    SELECT d.id::int8 AS group_id, d.name_zh AS group_name, d.name_en AS group_name_en, f.*,
           coalesce(own.met, 0) AS own_accepted_in_time
      FROM departments d JOIN places c ON c.id = d.county_id LEFT JOIN f ON f.fid = d.id
      LEFT JOIN own ON own.fid = d.id
     WHERE (f.fid IS NOT NULL OR ${countyInArea} OR ${mine})
       AND (${areaReader(ctx.actor) ? sql`true` : mine})
     ORDER BY c.path, d.code`;
}

/** The KPIs per grid, community, township or department, each grouping in one set-based query. */
export async function breakdown(database: Database, ctx: Ctx, q: KpiBreakdownQuery): Promise<KpiBreakdown> {
  const path = await scopeOf(database, q);
  const period = reportedIn(q.from, q.to);
  const where = sql`${seenUnder(ctx, path)} AND (${period} OR ${overdueOpen})`;
  const query =
    q.by === 'department' ? byDepartment(ctx, path, where, period) : byPlace(ctx, q.by, path, where, period);
  const found = await rows<Row>(database.db, query);
  return {
    by: q.by,
    rows: found.map((r) => ({
      id: String(r.group_id),
      name: r.group_name,
      nameEn: r.group_name_en,
      ...present(
        r.own_accepted_in_time === undefined ? r : { ...r, accepted_in_time: r.own_accepted_in_time },
      ),
    })),
  };
}

/**
 * The KPIs week by week (from Monday) or month by month for incidents reported in the period under a
 * place; every week or month of the period has a point, empty ones too.
 */
export async function trend(database: Database, ctx: Ctx, q: KpiTrendQuery): Promise<KpiTrend> {
  const path = await scopeOf(database, q);
  const unit = q.interval;
  const found = await rows<Record<string, unknown> & { start: string }>(
    database.db,
    sql`WITH f AS (
          SELECT date_trunc(${unit}, i.reported_at AT TIME ZONE 'Asia/Shanghai') AS fstart, ${figuresSql(sql`true`)}
            FROM incidents i
           WHERE ${seenUnder(ctx, path)} AND ${reportedIn(q.from, q.to)}
           GROUP BY 1)
        SELECT to_char(s.start, 'YYYY-MM-DD') AS start, f.*
          FROM generate_series(date_trunc(${unit}, (${q.from}::date)::timestamp),
                               date_trunc(${unit}, (${q.to}::date)::timestamp),
                               ('1 ' || ${unit})::interval) AS s(start)
          LEFT JOIN f ON f.fstart = s.start
         ORDER BY s.start`,
  );
  return { interval: unit, points: found.map((r) => ({ start: r.start, ...present(r) })) };
}
