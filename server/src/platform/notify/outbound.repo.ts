import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Conn } from '../../db/client.ts';
import {
  notificationDeliveries as deliveries,
  notificationPreferences as preferences,
  notifications,
  users,
} from '../../db/schema/index.ts';

/** Deliveries waiting for a job, oldest first. */
export function pending(conn: Conn, limit: number) {
  return conn
    .select({ id: deliveries.id, attempts: deliveries.attempts })
    .from(deliveries)
    .where(eq(deliveries.state, 'pending'))
    .orderBy(deliveries.id)
    .limit(limit);
}

export async function markQueued(conn: Conn, ids: number[]) {
  await conn
    .update(deliveries)
    .set({ state: 'queued' })
    .where(and(inArray(deliveries.id, ids), eq(deliveries.state, 'pending')));
}

/** Every pending delivery fails at once with `error` (no gateway is configured to take them). */
export async function failPending(conn: Conn, error: string): Promise<number> {
  const rows = await conn
    .update(deliveries)
    .set({ state: 'failed', lastError: error })
    .where(eq(deliveries.state, 'pending'))
    .returning({ id: deliveries.id });
  return rows.length;
}

/** A delivery with its notification, recipient and the recipient's preferences as they are now. */
export async function toSend(conn: Conn, id: number) {
  const [row] = await conn
    .select({
      id: deliveries.id,
      state: deliveries.state,
      notificationId: notifications.id,
      kind: notifications.kind,
      params: notifications.params,
      link: notifications.link,
      createdAt: notifications.createdAt,
      userId: users.id,
      username: users.username,
      displayName: users.displayName,
      webhook: sql<boolean>`coalesce(${preferences.webhook}, false)`,
      phoneCipher: preferences.phoneCipher,
      locale: sql<string>`coalesce(${preferences.locale}, 'zh-CN')`,
    })
    .from(deliveries)
    .innerJoin(notifications, eq(notifications.id, deliveries.notificationId))
    .innerJoin(users, eq(users.id, notifications.userId))
    .leftJoin(preferences, eq(preferences.userId, users.id))
    .where(eq(deliveries.id, id));
  return row;
}

/** Records one try; `state` is where the delivery stands after it. */
export async function recordAttempt(
  conn: Conn,
  id: number,
  state: 'sent' | 'queued' | 'failed' | 'dropped',
  error: string | null,
) {
  await conn
    .update(deliveries)
    .set({
      state,
      attempts: sql`${deliveries.attempts} + 1`,
      lastError: error,
      sentAt: state === 'sent' ? sql`now()` : null,
    })
    .where(eq(deliveries.id, id));
}
