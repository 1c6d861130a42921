import { sql, type SQL } from 'drizzle-orm';
import type { Kpi, KpiDefinition } from '@anju/contracts';
import type { Database } from '../../db/client.ts';
import { underSql } from '../../platform/access/scope.ts';
import type { Ctx } from '../../platform/auth/actor.ts';
import { invalid } from '../../platform/errors.ts';
import { underPath } from '../places/places.service.ts';
import { visibleSql } from './incidents.policy.ts';
import { rows } from './incidents.sql.ts';

/** Incidents reported in [from, to], whole days in China time (Asia/Shanghai). */
export const reportedIn = (from: string, to: string): SQL =>
  sql`(i.reported_at >= (${from}::date)::timestamp AT TIME ZONE 'Asia/Shanghai'
       AND i.reported_at < ((${to}::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai'))`;

/** Still open and past its deadline now. */
export const overdueOpen = sql`(i.overdue AND i.status NOT IN ('closed', 'recalled'))`;

/**
 * The first rung's own pickup: met when the rung the incident started on accepted it by its own
 * deadline. A rung it was escalated away from keeps its clock in incident_acceptances, so a later
 * rung's acceptance does not wash out the first one's miss.
 */
const firstRungMet = sql`coalesce(
  (SELECT coalesce(a.accepted_at <= a.due_at, false) FROM incident_acceptances a
    WHERE a.incident_id = i.id AND a.department_id IS NULL ORDER BY a.id LIMIT 1),
  i.accepted_at <= i.accept_due_at)`;

/** The counts behind the KPIs; each adds up across groups, so figures of places roll up to their ancestors. */
export const FIGURES = [
  'reported',
  'accepted',
  'accepted_in_time',
  'closed',
  'closed_on_time',
  'fell_due',
  'callbacks',
  'satisfied',
  'closed_hours',
  'overdue_open',
] as const;

/**
 * The counts behind every KPI over incidents `i`, those reported in the period picked out by `period`.
 * The caller's WHERE leaves recalled incidents out. Each KPI below names its numerator and denominator.
 */
export const figuresSql = (period: SQL): SQL => sql`
  count(*) FILTER (WHERE ${period})::int AS reported,
  count(i.accepted_at) FILTER (WHERE ${period})::int AS accepted,
  count(*) FILTER (WHERE ${period} AND ${firstRungMet})::int AS accepted_in_time,
  count(i.closed_at) FILTER (WHERE ${period})::int AS closed,
  count(*) FILTER (WHERE ${period} AND i.closed_at IS NOT NULL AND i.replied_at <= i.due_at)::int AS closed_on_time,
  count(*) FILTER (WHERE ${period} AND (i.closed_at IS NOT NULL OR ${overdueOpen}))::int AS fell_due,
  count(i.satisfaction) FILTER (WHERE ${period})::int AS callbacks,
  count(*) FILTER (WHERE ${period} AND i.satisfaction IN ('satisfied', 'basically_satisfied'))::int AS satisfied,
  coalesce(sum(EXTRACT(EPOCH FROM (i.closed_at - i.reported_at)) / 3600) FILTER (WHERE ${period}), 0)::float8
    AS closed_hours,
  count(*) FILTER (WHERE ${overdueOpen})::int AS overdue_open`;

/** Adds up rows of `figuresSql` counts, aliased `f`. */
export const summedSql = sql.raw(
  FIGURES.map((k) => `sum(f.${k})::${k === 'closed_hours' ? 'float8' : 'int'} AS ${k}`).join(', '),
);

const both = (zh: string, en: string) => ({ 'zh-CN': zh, 'en-US': en });
const RECALLED = both('撤回的事件', 'recalled incidents');
/** The published appraisal rule every KPI follows; docs/policy-sources.md names it. */
const APPRAISAL = both(
  '12345政务服务便民热线考核办法（国办发〔2020〕53号配套考核指标）',
  '12345 government hotline appraisal rules (indicators under State Council General Office Opinion 2020 No. 53)',
);

/**
 * The five government KPIs, as `figuresSql` and `present` compute them:
 * - timely acceptance rate (及时签收率) = accepted_in_time ÷ reported: the first rung's own pickup (a
 *   department's own 签收 in the department breakdown);
 * - on-time closure rate (按时办结率) = closed_on_time ÷ fell_due: closed ones whose handler replied (回单) by
 *   the deadline, over those closed or still open and overdue;
 * - callback satisfaction rate (回访满意率) = satisfied ÷ callbacks;
 * - average handling hours (平均办理时长) = closed_hours ÷ closed (closed_at − reported_at, summed);
 * - overdue open (超期未办结) = still open and past due now, whatever the period.
 * Rates and averages cover incidents reported in the period; recalled incidents never count.
 */
export const KPI_DEFINITIONS: KpiDefinition[] = [
  {
    key: 'timelyAcceptanceRate',
    unit: 'rate',
    name: both('及时签收率', 'Timely acceptance rate'),
    numerator: both(
      '期内上报、由首个承接层级在其签收时限内签收的事件数（超时后升级的，仍计为该层级超时；按部门统计时为部门在自己的签收时限内签收的事件数）',
      'incidents reported in the period that the first rung accepted by its own deadline (one escalated after a late acceptance stays late for that rung; by department: accepted (签收) by the department by its own deadline)',
    ),
    denominator: both(
      '期内上报的事件数（含尚未签收的）',
      'incidents reported in the period, unaccepted ones too',
    ),
    excluded: both('撤回的事件；期外上报的事件', 'recalled incidents; incidents reported outside the period'),
    source: APPRAISAL,
  },
  {
    key: 'onTimeClosureRate',
    unit: 'rate',
    name: both('按时办结率', 'On-time closure rate'),
    numerator: both(
      '期内上报、已办结且承办单位在办理时限（含批准的延期）内回单的事件数（以回单时间计，不以回访时间计）',
      'incidents reported in the period, closed, whose handler replied (回单) by the deadline, approved extensions included (judged at the reply, not the callback)',
    ),
    denominator: both(
      '期内上报且已到期的事件数：已办结的，加上仍未办结且已超期的',
      'incidents reported in the period that fell due: those closed, and those still open and overdue',
    ),
    excluded: both('撤回的事件；未办结且尚未到期的事件', 'recalled incidents; open incidents not yet due'),
    source: APPRAISAL,
  },
  {
    key: 'satisfactionRate',
    unit: 'rate',
    name: both('回访满意率', 'Callback satisfaction rate'),
    numerator: both(
      '回访评价为“满意”或“基本满意”的事件数',
      'incidents rated "satisfied" or "basically satisfied" at the callback',
    ),
    denominator: both('期内上报且已回访的事件数', 'incidents reported in the period and called back'),
    excluded: both('撤回的事件；尚未回访的事件', 'recalled incidents; incidents not called back yet'),
    source: APPRAISAL,
  },
  {
    key: 'averageHandlingHours',
    unit: 'hours',
    name: both('平均办理时长', 'Average handling time'),
    numerator: both(
      '已办结事件从上报到办结的小时数之和',
      'hours from report to closure, summed over closed incidents',
    ),
    denominator: both('期内上报且已办结的事件数', 'incidents reported in the period and closed'),
    excluded: both('撤回的事件；尚未办结的事件', 'recalled incidents; incidents not closed yet'),
    source: APPRAISAL,
  },
  {
    key: 'overdueOpen',
    unit: 'count',
    name: both('超期未办结', 'Overdue and open'),
    numerator: both(
      '当前仍未办结且已超过办理时限的事件数（不限上报时间；趋势图中按上报周期计）',
      'incidents still open and past their deadline now, whenever reported (in the trend: by the period they were reported in)',
    ),
    denominator: null,
    excluded: both(`已办结的事件；${RECALLED['zh-CN']}`, `closed incidents; ${RECALLED['en-US']}`),
    source: APPRAISAL,
  },
];

const rate = (n: number, d: number) => (d === 0 ? null : Math.round((n / d) * 1000) / 1000);

/** The KPIs from one row of `figuresSql` counts. */
export function present(r: Record<string, unknown>): Kpi {
  const n = (k: string) => Number(r[k] ?? 0);
  return {
    reported: n('reported'),
    accepted: n('accepted'),
    acceptedInTime: n('accepted_in_time'),
    timelyAcceptanceRate: rate(n('accepted_in_time'), n('reported')),
    closed: n('closed'),
    closedOnTime: n('closed_on_time'),
    fellDue: n('fell_due'),
    onTimeClosureRate: rate(n('closed_on_time'), n('fell_due')),
    callbacks: n('callbacks'),
    satisfied: n('satisfied'),
    satisfactionRate: rate(n('satisfied'), n('callbacks')),
    averageHandlingHours: n('closed') === 0 ? null : Math.round((n('closed_hours') / n('closed')) * 10) / 10,
    overdueOpen: n('overdue_open'),
  };
}

/** Longest period a KPI query covers: three years of whole days. */
const MAX_DAYS = 3 * 366;

/** Checks the period and resolves `under` to its path (an unknown place is a 400). */
export async function scopeOf(database: Database, q: { under?: string; from: string; to: string }) {
  if (q.from > q.to) throw invalid('from', 'must not be after to');
  if ((Date.parse(q.to) - Date.parse(q.from)) / 86_400_000 >= MAX_DAYS)
    throw invalid('to', 'the period may span at most {{days}} days', { days: MAX_DAYS });
  return q.under ? await underPath(database.db, q.under) : null;
}

/** Incidents the caller sees, under the chosen place, recalled ones left out. */
export const seenUnder = (ctx: Ctx, path: string | null): SQL =>
  sql`${visibleSql(ctx.actor)} ${path ? sql`AND ${underSql(sql`i.place_path`, [path])}` : sql``} AND i.status <> 'recalled'`;

/** The KPIs over what the caller sees under a place, for incidents reported in [from, to]. */
export async function kpi(database: Database, ctx: Ctx, q: { under?: string; from: string; to: string }) {
  const path = await scopeOf(database, q);
  const period = reportedIn(q.from, q.to);
  const [r] = await rows<Record<string, unknown>>(
    database.db,
    sql`SELECT ${figuresSql(period)} FROM incidents i
         WHERE ${seenUnder(ctx, path)} AND (${period} OR ${overdueOpen})`,
  );
  return present(r);
}
