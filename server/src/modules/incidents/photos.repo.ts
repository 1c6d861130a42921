import { sql } from 'drizzle-orm';
import type { Conn } from '../../db/client.ts';
import { rows } from './incidents.sql.ts';

/** The caller's latest step on an incident, which a photo or voice message they send now belongs to. */
export async function latestStepOf(conn: Conn, incidentId: number, userId: number) {
  const [step] = await rows<{ id: number; action: string; photos: number; voices: number }>(
    conn,
    sql`SELECT s.id, s.action,
               (SELECT count(*)::int FROM incident_photos p WHERE p.step_id = s.id AND p.content_type LIKE 'image/%') AS photos,
               (SELECT count(*)::int FROM incident_photos p WHERE p.step_id = s.id AND p.content_type LIKE 'audio/%') AS voices
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

/** Photo and voice message ids of an incident by the step they were sent with. */
export async function attachmentsByStep(
  conn: Conn,
  incidentId: number,
): Promise<Map<number, { photoIds: string[]; voiceIds: string[] }>> {
  const found = await rows<{ id: number; step_id: number; content_type: string }>(
    conn,
    sql`SELECT id, step_id, content_type FROM incident_photos WHERE incident_id = ${incidentId} ORDER BY id`,
  );
  const byStep = new Map<number, { photoIds: string[]; voiceIds: string[] }>();
  for (const p of found) {
    const step = byStep.get(Number(p.step_id)) ?? { photoIds: [], voiceIds: [] };
    (p.content_type.startsWith('audio/') ? step.voiceIds : step.photoIds).push(String(p.id));
    byStep.set(Number(p.step_id), step);
  }
  return byStep;
}
