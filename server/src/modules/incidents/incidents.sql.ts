import { sql, type SQL } from 'drizzle-orm';
import { AUDIT_INSERT } from '../../platform/audit/audit.ts';
import { NOTIFICATIONS_INSERT, signalText } from '../../platform/notify/notify.ts';

export { rows } from '../../db/rows.ts';

export interface IncidentRow {
  id: number;
  code: string;
  category_code: string;
  title: string;
  description: string;
  source: string;
  reporter_user_id: number | null;
  place_id: number;
  place_path: string;
  place_name: string;
  place_level: string;
  /** The building of a flat, for the place's label. */
  place_parent_name: string | null;
  location_kind: string | null;
  lat: number | null;
  lng: number | null;
  household_id: number | null;
  level: number;
  handling_place_id: number;
  handling_path: string;
  handling_name: string;
  assignee_user_id: number | null;
  department_id: number | null;
  status: string;
  supervised: boolean;
  overdue: boolean;
  accept_due_at: Date;
  due_at: Date;
  reported_at: Date;
  accepted_at: Date | null;
  replied_at: Date | null;
  closed_at: Date | null;
  satisfaction: string | null;
  rated_at: Date | null;
  version: number;
}

export interface StepRow {
  id: number;
  action: string;
  from_status: string | null;
  to_status: string;
  actor_id: number | null;
  actor_name: string | null;
  note: string | null;
  data: Record<string, unknown>;
  at: Date | string;
}

const INCIDENT_COLUMNS = `i.id, i.code, i.category_code, i.title, i.description, i.source, i.reporter_user_id,
         i.place_id, i.place_path, pp.name AS place_name, pp.level AS place_level,
         pa.name AS place_parent_name, i.location_kind, i.lat, i.lng, i.household_id, i.level,
         i.handling_place_id, hp.path AS handling_path, hp.name AS handling_name,
         i.assignee_user_id, i.department_id, i.status, i.supervised, i.overdue, i.accept_due_at, i.due_at,
         i.reported_at, i.accepted_at, i.replied_at, i.closed_at, i.satisfaction, i.rated_at, i.version`;

export const INCIDENT_SELECT = sql.raw(`
  SELECT ${INCIDENT_COLUMNS}
    FROM incidents i
    JOIN places pp ON pp.id = i.place_id
    LEFT JOIN places pa ON pa.id = pp.parent_id
    JOIN places hp ON hp.id = i.handling_place_id`);

const ENDED = sql`i.status IN ('closed', 'recalled')`;

/** What each workbench tab holds (on alias i): overdue is open work past its deadline. */
export const TAB_SQL = {
  toAccept: sql`i.status = 'reported'`,
  inHand: sql`i.status IN ('accepted', 'dispatched', 'in_progress', 'replied', 'verified')`,
  overdue: sql`(i.overdue AND NOT ${ENDED})`,
  done: ENDED,
} as const;

/** How many of the incidents matching `where` (on alias i) each tab holds, in one scan. */
export const tabCounts = (where: SQL) => sql`
  SELECT ${sql.join(
    Object.entries(TAB_SQL).map(
      ([tab, holds]) => sql`count(*) FILTER (WHERE ${holds})::int AS ${sql.identifier(tab)}`,
    ),
    sql`, `,
  )}
    FROM incidents i WHERE ${where}`;

/**
 * A page of the incidents matching `where` (on alias i), open work first (a closed incident once late
 * never above it), newest first within each, with the count of all matches in the same scan: only the
 * sort keys of the matches are sorted, and only the page's rows are read in full and joined to their places.
 */
export const incidentPage = (where: SQL, limit: number, offset: number) => sql`
  SELECT ${sql.raw(INCIDENT_COLUMNS)}, page.total::int AS total
    FROM (SELECT i.id, ${ENDED} AS ended, i.reported_at, count(*) OVER () AS total
            FROM incidents i WHERE ${where}
           ORDER BY ended, i.reported_at DESC, i.id DESC LIMIT ${limit} OFFSET ${offset}) page
    JOIN incidents i ON i.id = page.id
    JOIN places pp ON pp.id = i.place_id
    LEFT JOIN places pa ON pa.id = pp.parent_id
    JOIN places hp ON hp.id = i.handling_place_id
   ORDER BY page.ended, page.reported_at DESC, page.id DESC`;

/** The ancestor of a place path at a place level (grid, community, township, county), in one indexed lookup. */
export const ancestorAt = (path: SQL, level: SQL) => sql`(
  SELECT a.id FROM places a
   WHERE a.id = ANY(string_to_array(trim(both '/' from ${path}), '/')::bigint[]) AND a.level = ${level}
   LIMIT 1)`;

/**
 * Everything a report checks, in one round trip: the category, the place with its ancestors
 * (nearest first), and the communities among the places named in the reporter's scope paths.
 * $1 category code, $2 place id, $3 ids on the reporter's scope paths.
 */
export const REPORT_LOOKUP = `SELECT
  (SELECT json_build_object('code', code, 'accept_hours', accept_hours, 'deadline_hours', deadline_hours,
                            'start_level', start_level)
     FROM incident_categories WHERE code = $1 AND active) AS category,
  (SELECT json_agg(json_build_object('id', a.id, 'level', a.level, 'path', a.path, 'name', a.name)
                   ORDER BY a.depth DESC)
     FROM places p JOIN places a ON a.id = ANY(string_to_array(trim(both '/' from p.path), '/')::bigint[])
    WHERE p.id = $2::bigint) AS chain,
  (SELECT json_agg(c.path) FROM places c WHERE c.level = 'community' AND c.id = ANY($3::bigint[])) AS communities`;

/**
 * A report written in one statement, so atomic without a transaction: the incident numbered
 * SJ<date>-<id> with its deadlines counted from $1, its first step, a notification for each handler
 * of the handling place ($20 their role) signalled with pg_notify, and the audit row.
 */
export const REPORT_WRITE = `WITH next AS (SELECT nextval(pg_get_serial_sequence('incidents', 'id')) AS id),
  incident AS (
    INSERT INTO incidents (id, code, category_code, title, description, source, reporter_user_id, reporter_name,
      reporter_phone_cipher, reporter_phone_masked, place_id, place_path, household_id, lat, lng, level,
      handling_place_id, status, accept_due_at, due_at, reported_at, location_kind)
    SELECT id, 'SJ' || to_char($1::timestamptz AT TIME ZONE 'Asia/Shanghai', 'YYYYMMDD') || '-' || id,
      $2, $3, $4, $5, $6, $7, $8, $9, $10, $11,
      -- a household named is kept only when it lives in the community where it happened
      (SELECT h.id FROM households h JOIN places c ON c.level = 'community'
                                      AND starts_with($11, c.path) AND starts_with(h.residence_path, c.path)
        WHERE h.id = $12),
      $13, $14, $15, $16, 'reported',
      -- limits in hours ($17, $18) or in working days by the calendar of the place
      (SELECT CASE WHEN c.limit_unit = 'working_days' THEN working_day_end($1::timestamptz, c.accept_days, $11::text)
                   ELSE $1::timestamptz + make_interval(hours => $17) END FROM incident_categories c WHERE c.code = $2::varchar),
      (SELECT CASE WHEN c.limit_unit = 'working_days' THEN working_day_end($1::timestamptz, c.deadline_days, $11::text)
                   ELSE $1::timestamptz + make_interval(hours => $18) END FROM incident_categories c WHERE c.code = $2::varchar),
      $1::timestamptz,
      $23
      FROM next
    RETURNING id, code, category_code, title, description, source, reporter_user_id, place_id, place_path,
      location_kind, lat, lng, household_id, level, handling_place_id, assignee_user_id, department_id, status, supervised, overdue,
      accept_due_at, due_at, reported_at, accepted_at, replied_at, closed_at, satisfaction, rated_at, version),
  step AS (
    INSERT INTO incident_steps (incident_id, action, from_status, to_status, actor_id, actor_name, data)
    SELECT id, 'report', NULL, 'reported', $6, $19, jsonb_build_object('source', $5::text) FROM incident
    RETURNING id, action, from_status, to_status, actor_name, note, data, at),
  notified AS (
    ${NOTIFICATIONS_INSERT}
    SELECT u.id, 'incident_reported', jsonb_build_object('title', $3::text), '/incidents/' || incident.id
      FROM incident, users u JOIN user_scopes s ON s.user_id = u.id
     WHERE s.place_id = $16 AND $20::text = ANY(u.roles) AND NOT u.disabled
    RETURNING id, user_id),
  audited AS (
    ${AUDIT_INSERT}
    SELECT $6, $19, 'incident.report', 'incident', id::text, $21, $22, 'ok', jsonb_build_object('category', $2::text)
      FROM incident)
SELECT incident.*, row_to_json(step) AS step, ${signalText('notified')} AS signalled
  FROM incident, step`;
