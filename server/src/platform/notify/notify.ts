import { sql } from 'drizzle-orm';
import type { NotificationKind } from '@anju/contracts';
import type { Conn } from '../../db/client.ts';
import { notifications } from '../../db/schema/index.ts';

export const NOTIFY_CHANNEL = 'anju_notify';

export interface NotificationInput {
  /** One of NOTIFICATION_KINDS; the web labels it `notifications.<kind>`. */
  kind: NotificationKind;
  params?: Record<string, string | number>;
  link?: string;
}

/**
 * Stores a notification for each user and signals every server process (PostgreSQL NOTIFY,
 * delivered when the caller's transaction commits), which pushes it to the user's open pages.
 */
export async function notifyUsers(conn: Conn, userIds: number[], input: NotificationInput): Promise<void> {
  if (userIds.length === 0) return;
  const rows = await conn
    .insert(notifications)
    .values(
      userIds.map((userId) => ({
        userId,
        kind: input.kind,
        params: input.params ?? {},
        link: input.link ?? null,
      })),
    )
    .returning({ id: notifications.id, userId: notifications.userId });
  const payload = JSON.stringify(rows.map((r) => [r.userId, r.id]));
  await conn.execute(sql`SELECT pg_notify(${NOTIFY_CHANNEL}, ${payload})`);
}
