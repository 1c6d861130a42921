import { sql, type SQL } from 'drizzle-orm';
import type { Conn } from '../../db/client.ts';

async function rows<T>(conn: Conn, query: SQL): Promise<T[]> {
  return (await conn.execute(query)).rows as T[];
}

export interface VisitRow {
  id: number;
  household_id: number;
  household_no: string;
  head_name: string;
  residence_path: string;
  grid_id: number;
  visitor_name: string;
  visited_on: string;
  kind: string;
  findings: string;
  follow_ups: string;
  becomes_incident: boolean;
  incident_id: number | null;
  photo_ids: number[];
  created_at: Date;
}

/** Visits are scoped by where the household lives now (`h.residence_path`). */
const VISIT_SELECT = sql`SELECT v.id, v.household_id, h.household_no, h.head_name, h.residence_path, v.grid_id,
       u.display_name AS visitor_name, to_char(v.visited_on, 'YYYY-MM-DD') AS visited_on, v.kind, v.findings,
       v.follow_ups, v.becomes_incident, v.incident_id,
       ARRAY(SELECT ph.id FROM visit_photos ph WHERE ph.visit_id = v.id ORDER BY ph.id) AS photo_ids, v.created_at
  FROM visits v
  JOIN households h ON h.id = v.household_id
  JOIN users u ON u.id = v.visitor_id`;

export async function findVisit(conn: Conn, id: number): Promise<VisitRow | undefined> {
  const [row] = await rows<VisitRow>(conn, sql`${VISIT_SELECT} WHERE v.id = ${id}`);
  return row;
}

/** What a visit list is narrowed to, besides the caller's scope. */
export interface VisitFilter {
  householdId?: number;
  gridId?: number;
  from?: string;
  to?: string;
}

/** One page of the visits within `scope` matching `f`, newest first, with the total. */
export async function list(conn: Conn, scope: SQL, f: VisitFilter, limit: number, offset: number) {
  const c = [scope];
  if (f.householdId !== undefined) c.push(sql`v.household_id = ${f.householdId}`);
  if (f.gridId !== undefined) c.push(sql`v.grid_id = ${f.gridId}`);
  if (f.from) c.push(sql`v.visited_on >= ${f.from}`);
  if (f.to) c.push(sql`v.visited_on <= ${f.to}`);
  const where = sql.join(c, sql` AND `);
  const [items, [{ total }]] = await Promise.all([
    rows<VisitRow>(
      conn,
      sql`${VISIT_SELECT} WHERE ${where} ORDER BY v.visited_on DESC, v.id DESC LIMIT ${limit} OFFSET ${offset}`,
    ),
    rows<{ total: number }>(
      conn,
      sql`SELECT count(*)::int AS total FROM visits v JOIN households h ON h.id = v.household_id WHERE ${where}`,
    ),
  ]);
  return { items, total };
}

export async function insert(
  conn: Conn,
  v: {
    householdId: number;
    gridId: number;
    householdPath: string;
    visitorId: number;
    visitedOn: string;
    kind: string;
    findings: string;
    followUps: string;
    becomesIncident: boolean;
  },
) {
  const [row] = await rows<{ id: number }>(
    conn,
    sql`INSERT INTO visits (household_id, grid_id, household_path, visitor_id, visited_on, kind, findings, follow_ups, becomes_incident)
        VALUES (${v.householdId}, ${v.gridId}, ${v.householdPath}, ${v.visitorId}, ${v.visitedOn}, ${v.kind},
                ${v.findings}, ${v.followUps}, ${v.becomesIncident})
        RETURNING id`,
  );
  return Number(row.id);
}

export async function insertPhoto(conn: Conn, visitId: number, contentType: string, content: Buffer) {
  const [row] = await rows<{ id: number }>(
    conn,
    sql`INSERT INTO visit_photos (visit_id, content_type, bytes, content)
        VALUES (${visitId}, ${contentType}, ${content.length}, ${content}) RETURNING id`,
  );
  return Number(row.id);
}

export async function findPhoto(conn: Conn, id: number) {
  const [row] = await rows<{ visit_id: number; content_type: string; content: Buffer | Uint8Array }>(
    conn,
    sql`SELECT visit_id, content_type, content FROM visit_photos WHERE id = ${id}`,
  );
  return row;
}

/** The photos of a visit with their bytes, oldest first. */
export const photosOf = (conn: Conn, visitId: number) =>
  rows<{ id: number; content: Buffer | Uint8Array }>(
    conn,
    sql`SELECT id, content FROM visit_photos WHERE visit_id = ${visitId} ORDER BY id`,
  );

/** Links a visit to the incident its finding became; false when another link got there first. */
export async function linkIncident(conn: Conn, visitId: number, incidentId: number) {
  const done = await rows<{ id: number }>(
    conn,
    sql`UPDATE visits SET incident_id = ${incidentId}, becomes_incident = true
         WHERE id = ${visitId} AND incident_id IS NULL RETURNING id`,
  );
  return done.length === 1;
}
