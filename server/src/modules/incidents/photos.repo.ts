import { sql } from 'drizzle-orm';
import type { Conn } from '../../db/client.ts';
import { rows } from './incidents.sql.ts';

/** The caller's latest step on an incident, which a photo they send now belongs to. */
export async function latestStepOf(conn: Conn, incidentId: number, userId: number) {
  const [step] = await rows<{ id: number; action: string; photos: number }>(
    conn,
    sql`SELECT s.id, s.action, (SELECT count(*)::int FROM incident_photos p WHERE p.step_id = s.id) AS photos
          FROM incident_steps s WHERE s.incident_id = ${incidentId} AND s.actor_id = ${userId}
         ORDER BY s.id DESC LIMIT 1`,
  );
  return step;
}

export async function insertPhoto(
  conn: Conn,
  p: { incidentId: number; stepId: number; contentType: string; content: Buffer },
) {
  const [row] = await rows<{ id: number }>(
    conn,
    sql`INSERT INTO incident_photos (incident_id, step_id, content_type, bytes, content)
        VALUES (${p.incidentId}, ${p.stepId}, ${p.contentType}, ${p.content.length}, ${p.content}) RETURNING id`,
  );
  return Number(row.id);
}

export async function findPhoto(conn: Conn, id: number) {
  const [row] = await rows<{ incident_id: number; content_type: string; content: Buffer | Uint8Array }>(
    conn,
    sql`SELECT incident_id, content_type, content FROM incident_photos WHERE id = ${id}`,
  );
  return row;
}

/** Photo ids of an incident by the step they were taken at. */
export async function photoIdsByStep(conn: Conn, incidentId: number): Promise<Map<number, string[]>> {
  const found = await rows<{ id: number; step_id: number }>(
    conn,
    sql`SELECT id, step_id FROM incident_photos WHERE incident_id = ${incidentId} ORDER BY id`,
  );
  const byStep = new Map<number, string[]>();
  for (const p of found) {
    const list = byStep.get(Number(p.step_id)) ?? [];
    list.push(String(p.id));
    byStep.set(Number(p.step_id), list);
  }
  return byStep;
}
