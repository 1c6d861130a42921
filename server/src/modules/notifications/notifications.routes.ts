import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  IdParams,
  NotificationPage,
  NotificationPreferences,
  NotificationPreferencesUpdate,
  NotificationQuery,
  Ok,
  type Notification,
} from '@anju/contracts';
import { findSession } from '../../platform/auth/session.repo.ts';
import { ctxOf } from '../../platform/auth/auth.plugin.ts';
import * as service from './notifications.service.ts';
import * as preferences from './preferences.service.ts';

export async function notificationsRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['notifications'];
  const signedIn = app.authorize();
  const deps = {
    database: app.database,
    cipher: app.cipher,
    webhookAvailable: !!app.config.notifyWebhookUrl,
  };

  app.get(
    '/api/notifications',
    {
      schema: { tags, querystring: NotificationQuery, response: { 200: NotificationPage } },
      preHandler: signedIn,
    },
    (req) => service.list(app.database, ctxOf(req), req.query),
  );
  app.get(
    '/api/notifications/preferences',
    { schema: { tags, response: { 200: NotificationPreferences } }, preHandler: signedIn },
    (req) => preferences.getMine(deps, ctxOf(req)),
  );
  app.put(
    '/api/notifications/preferences',
    {
      schema: { tags, body: NotificationPreferencesUpdate, response: { 200: NotificationPreferences } },
      preHandler: signedIn,
    },
    (req) => preferences.setMine(deps, ctxOf(req), req.body),
  );
  app.post(
    '/api/notifications/:id/read',
    { schema: { tags, params: IdParams, response: { 200: Ok } }, preHandler: signedIn },
    async (req) => {
      await service.markRead(app.database, ctxOf(req), req.params.id);
      return { ok: true as const };
    },
  );
  app.post(
    '/api/notifications/read-all',
    { schema: { tags, response: { 200: Ok } }, preHandler: signedIn },
    async (req) => {
      await service.markRead(app.database, ctxOf(req));
      return { ok: true as const };
    },
  );

  /** Server-sent events: each new notification of the caller, from whichever process created it. */
  app.get('/api/notifications/stream', { schema: { tags }, preHandler: signedIn }, (req, reply) => {
    const ctx = ctxOf(req);
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    res.write('retry: 5000\n\n');
    const send = (n: Notification) =>
      res.write(`id: ${n.id}\nevent: notification\ndata: ${JSON.stringify(n)}\n\n`);
    // the stream lives no longer than the session that opened it (sign-out, idle end, disabling)
    const alive = async () => {
      const s = await findSession(app.database, ctx.actor.sessionHash);
      const ok = !!s && !s.expired && !s.disabled && s.idle_seconds < app.config.sessionIdleSeconds;
      if (!ok) res.end();
      return ok;
    };
    const unsubscribe = app.notificationHub.subscribe(ctx.actor.userId, (id) => {
      alive()
        .then(async (ok) => ok && send(await service.getMine(app.database, ctx, id)))
        .catch((err) => req.log.warn({ err }, 'notification not delivered'));
    });
    const lastSeen = Number(req.headers['last-event-id']);
    if (Number.isSafeInteger(lastSeen) && lastSeen > 0) {
      service
        .since(app.database, ctx, lastSeen)
        .then((missed) => missed.forEach(send))
        .catch((err) => req.log.warn({ err }, 'missed notifications not replayed'));
    }
    const heartbeat = setInterval(() => {
      alive()
        .then((ok) => ok && res.write(': keep-alive\n\n'))
        .catch(() => res.end());
    }, app.config.notificationHeartbeatMs);
    const close = () => {
      clearInterval(heartbeat);
      unsubscribe();
    };
    req.raw.on('close', close);
  });
}
