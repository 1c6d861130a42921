import { sql } from 'drizzle-orm';
import type { Conn } from '../../db/client.ts';
import { rows } from '../../db/rows.ts';
import { notificationsInsertSql, signalText } from '../../platform/notify/notify.ts';
import { listSql } from './cases.sql.ts';
import { IDENTIFICATION_STEPS, STEPS } from './workflow.ts';

/** The roles that own a step, by the level owning it. */
const OWNER_ROLES = sql`CASE c.owner WHEN 'community' THEN ARRAY['community_staff', 'grid_worker']
                                     WHEN 'township' THEN ARRAY['township_officer']
                                     ELSE ARRAY['county_admin'] END::text[]`;

const OWNERS = sql.join(
  IDENTIFICATION_STEPS.map((s) => sql`WHEN ${s} THEN ${STEPS[s]!.owner}`),
  sql` `,
);

/**
 * The 15-day clock, in one statement: cases still being identified past their decision date are
 * marked alerted, and the officials owning their current step (by role, with a scope covering the
 * household's residence) are notified once.
 */
export async function alertOverdue(conn: Conn, now: Date) {
  const [r] = await rows<{ cases: number; notified: number }>(
    conn,
    sql`WITH due AS (
          UPDATE monitoring_cases SET alerted_at = ${now.toISOString()}::timestamptz
           WHERE step IN (${listSql(IDENTIFICATION_STEPS)}) AND alerted_at IS NULL
             AND decision_due_at < ${now.toISOString()}::timestamptz
          RETURNING id, household_id, residence_path, CASE step ${OWNERS} END AS owner),
        sent AS (
          ${notificationsInsertSql(sql`SELECT DISTINCT ON (c.id, u.id) u.id, 'case_overdue',
                 jsonb_build_object('householdNo', h.household_no, 'headName', h.head_name),
                 '/monitoring/cases/' || c.id
            FROM due c
            JOIN households h ON h.id = c.household_id
            JOIN places p ON p.id = ANY(string_to_array(trim(both '/' from c.residence_path), '/')::bigint[])
            JOIN user_scopes s ON s.place_id = p.id
            JOIN users u ON u.id = s.user_id AND NOT u.disabled AND u.roles::text[] && ${OWNER_ROLES}`)})
        SELECT (SELECT count(*)::int FROM due) AS cases, (SELECT count(*)::int FROM sent) AS notified,
               ${sql.raw(signalText('sent'))} AS signalled`,
  );
  return { cases: r.cases, notified: r.notified };
}
