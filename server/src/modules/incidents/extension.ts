import { sql } from 'drizzle-orm';
import type { Conn } from '../../db/client.ts';
import type { IncidentRow } from './incidents.sql.ts';
import { rows } from './incidents.sql.ts';
import type { Facts, Standing } from './workflow.ts';

const EXTENSION_STEPS = ['ask_extension', 'deny_extension', 'extend'];

interface Step {
  action: string;
  actor_id?: number | string | null;
  data?: Record<string, unknown>;
}

const by = (s: Step | undefined, userId: number) =>
  s?.actor_id !== undefined && s.actor_id !== null && Number(s.actor_id) === userId;

/**
 * What the timeline says about an incident for `userId`: an extension is pending while the latest
 * extension step is someone asking for one; who asked it and who wrote the reply that stands.
 */
export function fromTimeline(
  i: IncidentRow,
  steps: readonly Step[],
  userId: number,
  now = new Date(),
): { facts: Facts; duties: Pick<Standing, 'asker' | 'replier'> } {
  const lastExtension = steps.filter((s) => EXTENSION_STEPS.includes(s.action)).at(-1);
  const asked = lastExtension?.action === 'ask_extension';
  return {
    facts: { extensionAsked: asked, pastDue: new Date(i.due_at) < now, rated: i.rated_at !== null },
    duties: {
      asker: asked && by(lastExtension, userId),
      replier: by(steps.filter((s) => s.action === 'reply').at(-1), userId),
    },
  };
}

/** Hours already granted to an incident by extensions, and the most its category allows in all. */
export async function extensionRoom(
  conn: Conn,
  incidentId: number,
): Promise<{ granted: number; cap: number }> {
  const [r] = await rows<{ granted: number; cap: number }>(
    conn,
    sql`SELECT c.extension_cap_hours AS cap,
               (SELECT coalesce(sum((s.data->>'hours')::int), 0)::int FROM incident_steps s
                 WHERE s.incident_id = i.id AND s.action = 'extend') AS granted
          FROM incidents i JOIN incident_categories c ON c.code = i.category_code
         WHERE i.id = ${incidentId}`,
  );
  return { granted: Number(r?.granted ?? 0), cap: Number(r?.cap ?? 0) };
}
