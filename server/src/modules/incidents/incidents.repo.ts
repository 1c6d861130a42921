import { sql, type SQL } from 'drizzle-orm';
import type { Conn } from '../../db/client.ts';
import { ancestorAt, INCIDENT_SELECT, rows, type IncidentRow } from './incidents.sql.ts';

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

export async function categories(conn: Conn) {
  return rows<CategoryRow & { name_zh: string; name_en: string }>(
    conn,
    sql`SELECT code, name_zh, name_en, accept_hours, deadline_hours, start_level, auto_escalate
          FROM incident_categories WHERE active ORDER BY sort, code`,
  );
}

/** The ancestors of a place (itself included) by level, nearest first. */
export async function ancestors(conn: Conn, path: string) {
  const ids = path.split('/').filter(Boolean).map(Number);
  return rows<{ id: number; level: string; path: string; name: string }>(
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
  level: number;
  handlingPlaceId: number;
  acceptHours: number;
  deadlineHours: number;
}

/** Inserts an incident numbered SJ<date>-<id>, its deadlines counted from now. */
export async function insert(conn: Conn, n: NewIncident, now: Date): Promise<number> {
  const [row] = await rows<{ id: number }>(
    conn,
    sql`WITH next AS (SELECT nextval(pg_get_serial_sequence('incidents', 'id')) AS id)
        INSERT INTO incidents (id, code, category_code, title, description, source, reporter_user_id, reporter_name,
          reporter_phone_cipher, reporter_phone_masked, place_id, place_path, household_id, lat, lng, level,
          handling_place_id, status, accept_due_at, due_at, reported_at)
        SELECT id, 'SJ' || to_char(${now}::timestamptz AT TIME ZONE 'Asia/Shanghai', 'YYYYMMDD') || '-' || id,
          ${n.categoryCode}, ${n.title}, ${n.description}, ${n.source}, ${n.reporterUserId}, ${n.reporterName},
          ${n.reporterPhoneCipher}, ${n.reporterPhoneMasked}, ${n.placeId}, ${n.placePath}, ${n.householdId},
          ${n.lat}, ${n.lng}, ${n.level}, ${n.handlingPlaceId}, 'reported',
          ${now}::timestamptz + make_interval(hours => ${n.acceptHours}),
          ${now}::timestamptz + make_interval(hours => ${n.deadlineHours}), ${now}::timestamptz
          FROM next
        RETURNING id`,
  );
  return row.id;
}

export async function findById(conn: Conn, id: number, lock = false): Promise<IncidentRow | undefined> {
  const [row] = await rows<IncidentRow>(
    conn,
    sql`${INCIDENT_SELECT} WHERE i.id = ${id}${lock ? sql` FOR UPDATE OF i` : sql``}`,
  );
  return row;
}

export interface IncidentFilter {
  underPath?: string;
  status?: string;
  open?: boolean;
  overdue?: boolean;
  categoryCode?: string;
  assigneeUserId?: number;
  reporterUserId?: number;
  level?: number;
  supervised?: boolean;
  /** Part of the code or the title. */
  search?: string;
}

export async function list(conn: Conn, visible: SQL, f: IncidentFilter, limit: number, offset: number) {
  const c: SQL[] = [visible];
  if (f.underPath) c.push(sql`i.place_path LIKE ${f.underPath + '%'}`);
  if (f.status) c.push(sql`i.status = ${f.status}`);
  if (f.open !== undefined)
    c.push(f.open ? sql`i.status NOT IN ('closed', 'recalled')` : sql`i.status IN ('closed', 'recalled')`);
  if (f.overdue !== undefined) c.push(sql`i.overdue = ${f.overdue}`);
  if (f.categoryCode) c.push(sql`i.category_code = ${f.categoryCode}`);
  if (f.assigneeUserId) c.push(sql`i.assignee_user_id = ${f.assigneeUserId}`);
  if (f.reporterUserId) c.push(sql`i.reporter_user_id = ${f.reporterUserId}`);
  if (f.level !== undefined) c.push(sql`i.level = ${f.level}`);
  if (f.supervised !== undefined) c.push(sql`i.supervised = ${f.supervised}`);
  if (f.search) {
    const text = `%${f.search.replace(/[\\%_]/g, (m) => '\\' + m)}%`;
    c.push(sql`(i.code ILIKE ${text} OR i.title ILIKE ${text})`);
  }
  const where = sql.join(c, sql` AND `);
  const [items, [{ total }]] = await Promise.all([
    rows<IncidentRow>(
      conn,
      sql`${INCIDENT_SELECT} WHERE ${where} ORDER BY i.overdue DESC, i.reported_at DESC, i.id DESC LIMIT ${limit} OFFSET ${offset}`,
    ),
    rows<{ total: number }>(conn, sql`SELECT count(*)::int AS total FROM incidents i WHERE ${where}`),
  ]);
  return { items, total };
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
  return rows<{
    id: number;
    action: string;
    from_status: string | null;
    to_status: string;
    actor_name: string | null;
    note: string | null;
    data: Record<string, unknown>;
    at: Date;
  }>(
    conn,
    sql`SELECT id, action, from_status, to_status, actor_name, note, data, at FROM incident_steps WHERE incident_id = ${incidentId} ORDER BY id`,
  );
}

/** Users who handle incidents at a place of the ladder: those scoped exactly to it with the level's role. */
export async function handlersAt(conn: Conn, placeId: number, role: string): Promise<number[]> {
  const found = await rows<{ id: number }>(
    conn,
    sql`SELECT u.id FROM users u JOIN user_scopes s ON s.user_id = u.id
         WHERE s.place_id = ${placeId} AND ${role} = ANY(u.roles) AND NOT u.disabled`,
  );
  return found.map((u) => Number(u.id));
}

export async function departmentUsers(conn: Conn, departmentId: number): Promise<number[]> {
  const found = await rows<{ user_id: number }>(
    conn,
    sql`SELECT user_id FROM user_departments WHERE department_id = ${departmentId}`,
  );
  return found.map((u) => Number(u.user_id));
}

export { ancestorAt };
