import { sql, type SQL } from 'drizzle-orm';
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

/**
 * The head of an INSERT of notifications, for a statement that sends them in the same pass (a CTE
 * followed by a SELECT of user_id, kind, params, link); the CTE returns `user_id, id` for `signalSql`.
 */
export const NOTIFICATIONS_INSERT = 'INSERT INTO notifications (user_id, kind, params, link)';

/** Notifications selected by `select` (user_id, kind, params, link), returning `user_id, id`. */
export const notificationsInsertSql = (select: SQL): SQL =>
  sql`${sql.raw(NOTIFICATIONS_INSERT)} ${select} RETURNING user_id, id`;

/** A scalar expression signalling every process of the notifications a CTE named `cte` wrote (null when none). */
export const signalText = (cte: string) =>
  `(SELECT pg_notify('${NOTIFY_CHANNEL}', json_agg(json_build_array(user_id, id))::text) FROM ${cte} HAVING count(*) > 0)`;
