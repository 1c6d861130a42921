import { sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import type { JobDefinition } from '../../platform/jobs/jobs.ts';
import { notificationsInsertSql, NOTIFY_CHANNEL } from '../../platform/notify/notify.ts';
import { limitEnd } from './act.sql.ts';
import { rows } from './incidents.sql.ts';

const LEVEL_NAME = sql.raw(
  `CASE i.level + 1 WHEN 1 THEN 'community' WHEN 2 THEN 'township' WHEN 3 THEN 'county' END`,
);
const NEXT_PLACE = sql`(SELECT a.id FROM places a
   WHERE a.id = ANY(string_to_array(trim(both '/' from i.place_path), '/')::bigint[]) AND a.level = ${LEVEL_NAME} LIMIT 1)`;

/**
 * The rules, set-based:
 * 1. reported but not accepted by accept_due_at → one rung up the ladder (if the category escalates),
 *    with a clock of its own; the rung left behind keeps its clock in incident_acceptances;
 * 2. open past due_at → marked overdue and supervised, and one rung up when the category escalates.
 * Each change leaves a step and notifies the people now responsible.
 */
export async function sweep(database: Database, now = new Date()) {
  return database.db.transaction(async (tx) => {
    const escalated = await rows<{
      id: number;
      handling_place_id: number;
      level: number;
      title: string;
      code: string;
      reason: string;
      reporter_user_id: number | null;
    }>(
      tx,
      sql`WITH due AS (
            SELECT i.id, i.status AS from_status, ${NEXT_PLACE} AS next_place,
                   ${limitEnd(sql`${now}::timestamptz`, 'accept', sql`i.place_path`)} AS next_accept_due,
                   i.level AS from_level, i.handling_place_id AS from_place, i.accept_due_at AS from_due,
                   i.accepted_at AS from_accepted,
                   CASE WHEN i.due_at < ${now}::timestamptz THEN 'overdue' ELSE 'not_accepted' END AS reason
              FROM incidents i JOIN incident_categories c ON c.code = i.category_code
             WHERE i.level < 3 AND c.auto_escalate AND (
                   (i.status = 'reported' AND i.accept_due_at < ${now}::timestamptz)
                OR (i.status NOT IN ('closed', 'recalled') AND NOT i.overdue AND i.due_at < ${now}::timestamptz))
             FOR UPDATE OF i SKIP LOCKED),
          moved AS (
            UPDATE incidents i SET level = i.level + 1, handling_place_id = d.next_place, status = 'reported',
                   assignee_user_id = NULL, department_id = NULL, version = i.version + 1, accepted_at = NULL,
                   accept_due_at = d.next_accept_due,
                   overdue = i.overdue OR d.reason = 'overdue', supervised = i.supervised OR d.reason = 'overdue'
              FROM due d WHERE i.id = d.id AND d.next_place IS NOT NULL
            RETURNING i.id, i.handling_place_id, i.level, i.title, i.code, i.reporter_user_id, d.reason, d.from_status,
                      d.from_level, d.from_place, d.from_due, d.from_accepted),
          -- the rung left behind keeps its own clock, and its miss, in its figures
          archived AS (
            INSERT INTO incident_acceptances (incident_id, level, place_id, due_at, accepted_at)
            SELECT id, from_level, from_place, from_due, from_accepted FROM moved),
          logged AS (
            INSERT INTO incident_steps (incident_id, action, from_status, to_status, actor_name, note, data)
            SELECT id, 'escalate', from_status, 'reported', 'system', reason, jsonb_build_object('level', level) FROM moved)
          SELECT id, handling_place_id, level, title, code, reason, reporter_user_id FROM moved`,
    );
    const overdue = await rows<{ id: number; assignee_user_id: number | null; title: string }>(
      tx,
      sql`WITH late AS (
            UPDATE incidents i SET overdue = true, supervised = true, version = i.version + 1
             WHERE i.status NOT IN ('closed', 'recalled') AND NOT i.overdue AND i.due_at < ${now}::timestamptz
            RETURNING i.id, i.assignee_user_id, i.title, i.status),
          logged AS (
            INSERT INTO incident_steps (incident_id, action, from_status, to_status, actor_name, note)
            SELECT id, 'overdue', status, status, 'system', 'past the deadline' FROM late)
          SELECT id, assignee_user_id, title FROM late`,
    );
    const notified = await rows<{ user_id: number; id: number }>(
      tx,
      notificationsInsertSql(sql`
          SELECT u.id, 'incident_escalated', jsonb_build_object('title', e.title), '/incidents/' || e.id
            FROM jsonb_to_recordset(${JSON.stringify(escalated)}::jsonb) AS e(id bigint, handling_place_id bigint, level int, title text)
            JOIN user_scopes s ON s.place_id = e.handling_place_id
            JOIN users u ON u.id = s.user_id AND NOT u.disabled
             AND (CASE e.level WHEN 1 THEN 'community_staff' WHEN 2 THEN 'township_officer' ELSE 'county_admin' END) = ANY(u.roles)
          UNION ALL
          -- the reporter is told it went up, as when an official passes it up (an Open311 key, negative, is not)
          SELECT e.reporter_user_id, 'report_escalated', jsonb_build_object('title', e.title, 'code', e.code), '/incidents/' || e.id
            FROM jsonb_to_recordset(${JSON.stringify(escalated)}::jsonb) AS e(id bigint, title text, code text, reporter_user_id bigint)
           WHERE e.reporter_user_id > 0
          UNION ALL
          SELECT o.assignee_user_id, 'incident_overdue', jsonb_build_object('title', o.title), '/incidents/' || o.id
            FROM jsonb_to_recordset(${JSON.stringify(overdue)}::jsonb) AS o(id bigint, assignee_user_id bigint, title text)
           WHERE o.assignee_user_id IS NOT NULL`),
    );
    if (notified.length) {
      await tx.execute(
        sql`SELECT pg_notify(${NOTIFY_CHANNEL}, ${JSON.stringify(notified.map((n) => [Number(n.user_id), Number(n.id)]))})`,
      );
    }
    return {
      escalated: escalated.length,
      overdue: overdue.length + escalated.filter((e) => e.reason === 'overdue').length,
    };
  });
}

export const incidentJobs: JobDefinition[] = [
  {
    name: 'incidents-sweep',
    cron: '* * * * *',
    async run(database) {
      await sweep(database);
    },
  },
];
