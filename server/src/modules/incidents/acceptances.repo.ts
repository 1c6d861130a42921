import { sql } from 'drizzle-orm';
import type { Conn } from '../../db/client.ts';
import { limitEnd, NOW } from './act.sql.ts';

/** The rung an incident leaves on escalation keeps its own acceptance clock, met or missed. */
export async function keepRungClock(conn: Conn, incidentId: number) {
  await conn.execute(sql`
    INSERT INTO incident_acceptances (incident_id, level, place_id, due_at, accepted_at)
    SELECT id, level, handling_place_id, accept_due_at, accepted_at FROM incidents WHERE id = ${incidentId}`);
}

/** A department the incident is dispatched to gets an acceptance clock of its own, of the category's limit. */
export async function startDepartmentClock(conn: Conn, incidentId: number, departmentId: number) {
  await conn.execute(sql`
    INSERT INTO incident_acceptances (incident_id, level, department_id, due_at)
    SELECT i.id, i.level, ${departmentId}, ${limitEnd(NOW, 'accept', sql`i.place_path`)}
      FROM incidents i JOIN incident_categories c ON c.code = i.category_code WHERE i.id = ${incidentId}`);
}

/** The department accepts (签收) what was dispatched to it: its open clock stops now. */
export async function departmentAccepts(conn: Conn, incidentId: number, departmentId: number) {
  await conn.execute(sql`
    UPDATE incident_acceptances SET accepted_at = now()
     WHERE incident_id = ${incidentId} AND department_id = ${departmentId} AND accepted_at IS NULL`);
}
