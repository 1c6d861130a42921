import { sql } from 'drizzle-orm';
import type { Conn } from '../../db/client.ts';
import { rows } from '../../db/rows.ts';
import { notificationsInsertSql, signalText } from '../../platform/notify/notify.ts';
import { policyInForceSql } from './procedure.repo.ts';

/**
 * The clock that starts at the lead, for leads nobody opened, in one statement: an open lead older
 * than the decision days of its region's procedure is marked alerted, and the community officials
 * whose scope covers the household (who open cases) are notified once, as of a late case.
 */
export async function alertUnopened(conn: Conn, now: Date) {
  const at = sql`${now.toISOString()}::timestamptz`;
  const [r] = await rows<{ leads: number; notified: number }>(
    conn,
    sql`WITH due AS (
          UPDATE monitoring_leads l SET alerted_at = ${at}
            FROM households h, procedure_policies pp
           WHERE h.id = l.household_id AND l.status = 'open' AND l.alerted_at IS NULL
             AND pp.id = ${policyInForceSql(sql`h.residence_path`)}
             AND l.created_at + make_interval(days => (pp.policy ->> 'decisionDays')::int) < ${at}
          RETURNING l.id, h.household_no, h.head_name, h.residence_path),
        sent AS (
          ${notificationsInsertSql(sql`SELECT DISTINCT ON (d.id, u.id) u.id, 'case_overdue',
                 jsonb_build_object('householdNo', d.household_no, 'headName', d.head_name),
                 '/monitoring/leads?q=' || d.household_no
            FROM due d
            JOIN places p ON p.id = ANY(string_to_array(trim(both '/' from d.residence_path), '/')::bigint[])
            JOIN user_scopes s ON s.place_id = p.id
            JOIN users u ON u.id = s.user_id AND NOT u.disabled
                        AND u.roles::text[] && ARRAY['community_staff', 'grid_worker']::text[]`)})
        SELECT (SELECT count(*)::int FROM due) AS leads, (SELECT count(*)::int FROM sent) AS notified,
               ${sql.raw(signalText('sent'))} AS signalled`,
  );
  return { leads: r.leads, notified: r.notified };
}
