import { sql } from 'drizzle-orm';
import type { Conn } from '../../db/client.ts';
import { rows } from './incidents.sql.ts';

const EXTENSION_STEPS = ['ask_extension', 'deny_extension', 'extend'];

/** An extension is pending while the latest extension step is the assignee asking for one. */
export const extensionAsked = (steps: readonly { action: string }[]) =>
  steps.filter((s) => EXTENSION_STEPS.includes(s.action)).at(-1)?.action === 'ask_extension';

/** Whether the assignee of an incident has asked for more time and nobody has answered yet. */
export async function pendingExtension(conn: Conn, incidentId: number): Promise<boolean> {
  const steps = await rows<{ action: string }>(
    conn,
    sql`SELECT action FROM incident_steps
         WHERE incident_id = ${incidentId} AND action IN ('ask_extension', 'deny_extension', 'extend')
         ORDER BY id DESC LIMIT 1`,
  );
  return extensionAsked(steps);
}
