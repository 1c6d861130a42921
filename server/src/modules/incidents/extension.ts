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

/**
 * What extensions already granted to an incident add up to, and the most its category allows in all:
 * in working days when the category keeps its limits in working days, else in hours.
 */
export async function extensionRoom(
  conn: Conn,
  incidentId: number,
): Promise<{ granted: number; cap: number; inDays: boolean }> {
  const [r] = await rows<{ granted: number; cap: number; in_days: boolean }>(
    conn,
    sql`SELECT c.limit_unit = 'working_days' AS in_days,
               CASE WHEN c.limit_unit = 'working_days' THEN c.extension_cap_days ELSE c.extension_cap_hours END AS cap,
               (SELECT coalesce(sum((s.data->>CASE WHEN c.limit_unit = 'working_days' THEN 'days' ELSE 'hours' END)::int), 0)::int
                  FROM incident_steps s WHERE s.incident_id = i.id AND s.action = 'extend') AS granted
          FROM incidents i JOIN incident_categories c ON c.code = i.category_code
         WHERE i.id = ${incidentId}`,
  );
  return { granted: Number(r?.granted ?? 0), cap: Number(r?.cap ?? 0), inDays: r?.in_days === true };
}
