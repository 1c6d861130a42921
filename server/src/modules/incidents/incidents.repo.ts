import { sql } from 'drizzle-orm';
import type { Conn, Database } from '../../db/client.ts';
import {
  ancestorAt,
  INCIDENT_SELECT,
  REPORT_LOOKUP,
  REPORT_WRITE,
  rows,
  type IncidentRow,
  type StepRow,
} from './incidents.sql.ts';

export interface CategoryRow {
  code: string;
  accept_hours: number;
  deadline_hours: number;
  start_level: number;
  auto_escalate: boolean;
}

export async function category(conn: Conn, code: string): Promise<CategoryRow | undefined> {
  const [row] = await rows<CategoryRow>(
    conn,
    sql`SELECT code, accept_hours, deadline_hours, start_level, auto_escalate FROM incident_categories WHERE code = ${code} AND active`,
  );
  return row;
}

export interface Ancestor {
  id: number;
  level: string;
  path: string;
  name: string;
}

/** The ancestors of a place (itself included) by level, nearest first. */
export async function ancestors(conn: Conn, path: string) {
  const ids = path.split('/').filter(Boolean).map(Number);
  return rows<Ancestor>(
    conn,
    sql`SELECT id, level, path, name FROM places WHERE id IN (${sql.join(
      ids.map((i) => sql`${i}`),
      sql`, `,
    )}) ORDER BY depth DESC`,
  );
}

export interface NewIncident {
  categoryCode: string;
  title: string;
  description: string;
  source: string;
  reporterUserId: number | null;
  reporterName: string | null;
  reporterPhoneCipher: string | null;
  reporterPhoneMasked: string | null;
  placeId: number;
  placePath: string;
  householdId: number | null;
  lat: number | null;
  lng: number | null;
  locationKind: string | null;
  level: number;
  handlingPlaceId: number;
  acceptHours: number;
  deadlineHours: number;
}

export interface ReportLookup {
  category: Omit<CategoryRow, 'auto_escalate'> | null;
  /** The place and its ancestors, nearest first; null when there is no such place. */
  chain: Ancestor[] | null;
  communities: string[] | null;
}

export async function reportLookup(
  database: Database,
  categoryCode: string,
  placeId: number,
  scopeIds: number[],
): Promise<ReportLookup> {
  const [row] = await database.query<ReportLookup>(
    REPORT_LOOKUP,
    [categoryCode, placeId, scopeIds],
    'anju_incident_report_lookup',
  );
  return row;
}

export type WrittenReport = Omit<
  IncidentRow,
  'place_name' | 'place_level' | 'place_parent_name' | 'handling_path' | 'handling_name'
> & {
  step: StepRow;
};

/** Writes a report (incident, first step, notifications of the handlers, audit row) in one statement. */
export async function writeReport(
  database: Database,
  n: NewIncident & { actorName: string; handlerRole: string; ip: string; requestId: string },
  now: Date,
): Promise<WrittenReport> {
  const [row] = await database.query<WrittenReport>(
    REPORT_WRITE,
    [
      now,
      n.categoryCode,
      n.title,
      n.description,
      n.source,
      n.reporterUserId,
      n.reporterName,
      n.reporterPhoneCipher,
      n.reporterPhoneMasked,
      n.placeId,
      n.placePath,
      n.householdId,
      n.lat,
      n.lng,
      n.level,
      n.handlingPlaceId,
      n.acceptHours,
      n.deadlineHours,
      n.actorName,
      n.handlerRole,
      n.ip,
      n.requestId,
      n.locationKind,
    ],
    'anju_incident_report_write',
  );
  const id = (v: unknown) => (v === null ? null : Number(v));
  return {
    ...row,
    id: Number(row.id),
    reporter_user_id: id(row.reporter_user_id),
    place_id: Number(row.place_id),
    household_id: id(row.household_id),
    handling_place_id: Number(row.handling_place_id),
  };
}

export async function findById(conn: Conn, id: number, lock = false): Promise<IncidentRow | undefined> {
  const [row] = await rows<IncidentRow>(
    conn,
    sql`${INCIDENT_SELECT} WHERE i.id = ${id}${lock ? sql` FOR UPDATE OF i` : sql``}`,
  );
  return row;
}

export async function departmentsOf(conn: Conn, userId: number): Promise<number[]> {
  const found = await rows<{ department_id: number }>(
    conn,
    sql`SELECT department_id FROM user_departments WHERE user_id = ${userId}`,
  );
  return found.map((d) => Number(d.department_id));
}

export async function addStep(
  conn: Conn,
  s: {
    incidentId: number;
    action: string;
    from: string | null;
    to: string;
    actorId: number | null;
    actorName: string;
    note?: string | null;
    data?: Record<string, unknown>;
  },
) {
  await conn.execute(sql`
    INSERT INTO incident_steps (incident_id, action, from_status, to_status, actor_id, actor_name, note, data)
    VALUES (${s.incidentId}, ${s.action}, ${s.from}, ${s.to}, ${s.actorId}, ${s.actorName}, ${s.note ?? null}, ${JSON.stringify(s.data ?? {})}::jsonb)`);
}

export async function steps(conn: Conn, incidentId: number) {
  return rows<StepRow>(
    conn,
    // the actor by the name people know them by; the login name stays for steps of removed accounts and the system
    sql`SELECT s.id, s.action, s.from_status, s.to_status, s.actor_id, COALESCE(u.display_name, s.actor_name) AS actor_name,
               s.note, s.data, s.at
          FROM incident_steps s LEFT JOIN users u ON u.id = s.actor_id
         WHERE s.incident_id = ${incidentId} ORDER BY s.id`,
  );
}

/** Applies an action's column changes to an incident and moves its version on. */
export async function applyAction(conn: Conn, id: number, set: Record<string, unknown>) {
  const assignments = Object.entries(set).map(([k, v]) => sql`${sql.raw(k)} = ${v}`);
  await conn.execute(
    sql`UPDATE incidents SET ${sql.join([...assignments, sql`version = version + 1`], sql`, `)} WHERE id = ${id}`,
  );
}

export { ancestorAt };
