import type { Notification } from '@anju/contracts';
import type { Database } from '../../db/client.ts';
import type { Ctx } from '../../platform/auth/actor.ts';
import { notFound } from '../../platform/errors.ts';
import * as repo from './notifications.repo.ts';

export function present(r: repo.NotificationRow): Notification {
  return {
    id: String(r.id),
    kind: r.kind,
    params: r.params as Notification['params'],
    link: r.link,
    createdAt: new Date(r.createdAt).toISOString(),
    readAt: r.readAt ? new Date(r.readAt).toISOString() : null,
  };
}

export async function list(
  database: Database,
  ctx: Ctx,
  q: { unread?: 'true' | 'false'; page: number; pageSize: number },
) {
  const r = await repo.list(
    database.db,
    ctx.actor.userId,
    q.unread === 'true',
    q.pageSize,
    (q.page - 1) * q.pageSize,
  );
  return {
    items: r.items.map(present),
    total: r.total,
    unread: r.unread,
    page: q.page,
    pageSize: q.pageSize,
  };
}

/** One of the caller's own notifications; anyone else's is reported missing. */
export async function getMine(database: Database, ctx: Ctx, id: number): Promise<Notification> {
  const row = await repo.findMine(database.db, ctx.actor.userId, id);
  if (!row) throw notFound('notification');
  return present(row);
}

export async function markRead(database: Database, ctx: Ctx, id?: number) {
  if (id !== undefined) await getMine(database, ctx, id);
  await repo.markRead(database.db, ctx.actor.userId, id);
}

/** Unread notifications after `lastId`, for a stream that reconnects with Last-Event-ID. */
export async function since(database: Database, ctx: Ctx, lastId: number): Promise<Notification[]> {
  return (await repo.unreadAfter(database.db, ctx.actor.userId, lastId)).map(present);
}
