import { and, asc, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Conn } from '../../db/client.ts';
import { notifications } from '../../db/schema/index.ts';

export type NotificationRow = typeof notifications.$inferSelect;

export async function list(conn: Conn, userId: number, unreadOnly: boolean, limit: number, offset: number) {
  const mine = eq(notifications.userId, userId);
  const where = unreadOnly ? and(mine, isNull(notifications.readAt)) : mine;
  const [items, [counts]] = await Promise.all([
    conn
      .select()
      .from(notifications)
      .where(where)
      .orderBy(desc(notifications.id))
      .limit(limit)
      .offset(offset),
    conn
      .select({
        total: sql<number>`count(*) FILTER (WHERE ${unreadOnly ? sql`${notifications.readAt} IS NULL` : sql`true`})::int`,
        unread: sql<number>`count(*) FILTER (WHERE ${notifications.readAt} IS NULL)::int`,
      })
      .from(notifications)
      .where(mine),
  ]);
  return { items, ...counts };
}

export async function findMine(conn: Conn, userId: number, id: number) {
  const [row] = await conn
    .select()
    .from(notifications)
    .where(and(eq(notifications.id, id), eq(notifications.userId, userId)));
  return row;
}

export async function markRead(conn: Conn, userId: number, id?: number) {
  const mine = and(eq(notifications.userId, userId), isNull(notifications.readAt));
  await conn
    .update(notifications)
    .set({ readAt: sql`now()` })
    .where(id === undefined ? mine : and(mine, eq(notifications.id, id)));
}

export async function unreadAfter(conn: Conn, userId: number, lastId: number) {
  return conn
    .select()
    .from(notifications)
    .where(and(eq(notifications.userId, userId), gt(notifications.id, lastId), isNull(notifications.readAt)))
    .orderBy(asc(notifications.id))
    .limit(100);
}
