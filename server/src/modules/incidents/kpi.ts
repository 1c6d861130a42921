import { sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import type { Ctx } from '../../platform/auth/actor.ts';
import { underPath } from '../places/places.service.ts';
import { visibleSql } from './incidents.policy.ts';
import { rows } from './incidents.sql.ts';

/**
 * Government KPIs over incidents reported in [from, to] (whole days, Asia/Shanghai), recalled ones left out:
 * - timely acceptance rate (及时签收率) = accepted by accept_due_at ÷ reported;
 * - on-time closure rate (按时办结率) = closed by due_at ÷ closed;
 * - callback satisfaction rate (回访满意率) = satisfied or basically satisfied ÷ called back;
 * - average handling hours = mean of closed_at − reported_at over closed incidents;
 * - overdue open = still open and past due now (whatever the period).
 */
export async function kpi(database: Database, ctx: Ctx, q: { under?: string; from: string; to: string }) {
  const under = q.under ? sql`AND i.place_path LIKE ${(await underPath(database.db, q.under)) + '%'}` : sql``;
  const visible = visibleSql(ctx.actor);
  const [r] = await rows<Record<string, number | null>>(
    database.db,
    sql`SELECT count(*)::int AS reported,
               count(i.accepted_at)::int AS accepted,
               count(*) FILTER (WHERE i.accepted_at <= i.accept_due_at)::int AS accepted_in_time,
               count(i.closed_at)::int AS closed,
               count(*) FILTER (WHERE i.closed_at <= i.due_at)::int AS closed_on_time,
               count(i.satisfaction)::int AS callbacks,
               count(*) FILTER (WHERE i.satisfaction IN ('satisfied', 'basically_satisfied'))::int AS satisfied,
               round((avg(EXTRACT(EPOCH FROM (i.closed_at - i.reported_at))) / 3600)::numeric, 1)::float8 AS average_hours
          FROM incidents i
         WHERE ${visible} ${under} AND i.status <> 'recalled'
           AND i.reported_at >= (${q.from}::date)::timestamp AT TIME ZONE 'Asia/Shanghai'
           AND i.reported_at < ((${q.to}::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai')`,
  );
  const [o] = await rows<{ overdue_open: number }>(
    database.db,
    sql`SELECT count(*)::int AS overdue_open FROM incidents i
         WHERE ${visible} ${under} AND i.overdue AND i.status NOT IN ('closed', 'recalled')`,
  );
  const rate = (n: number, d: number) => (d === 0 ? null : Math.round((n / d) * 1000) / 1000);
  const n = (k: string) => Number(r[k] ?? 0);
  return {
    reported: n('reported'),
    accepted: n('accepted'),
    acceptedInTime: n('accepted_in_time'),
    timelyAcceptanceRate: rate(n('accepted_in_time'), n('reported')),
    closed: n('closed'),
    closedOnTime: n('closed_on_time'),
    onTimeClosureRate: rate(n('closed_on_time'), n('closed')),
    callbacks: n('callbacks'),
    satisfied: n('satisfied'),
    satisfactionRate: rate(n('satisfied'), n('callbacks')),
    averageHandlingHours: r.average_hours === null ? null : Number(r.average_hours),
    overdueOpen: Number(o.overdue_open),
  };
}
