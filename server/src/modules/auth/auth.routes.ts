import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ChangePasswordRequest, LoginRequest, Me, Ok } from '@anju/contracts';
import { ctxOf } from '../../platform/auth/auth.plugin.ts';
import { SESSION_COOKIE } from '../../platform/auth/session.repo.ts';
import * as service from './auth.service.ts';

export async function authRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const cookie = () => ({
    path: '/',
    httpOnly: true,
    sameSite: 'strict' as const,
    secure: app.config.cookieSecure,
  });

  app.post(
    '/api/auth/login',
    {
      schema: { tags: ['auth'], body: LoginRequest, response: { 200: Me } },
      config: { rateLimit: { max: app.config.rateLimitLogin, timeWindow: '1 minute' } },
    },
    async (req, reply) => {
      // req.ip may come from X-Forwarded-For; keep it within the audit and session columns
      const meta = { ip: req.ip.slice(0, 64), userAgent: req.headers['user-agent'], requestId: req.id };
      const session = await service.login(app.database, app.config, req.body, meta);
      reply.setCookie(SESSION_COOKIE, session.token, cookie());
      return service.describe(app.database, app.config, session.me);
    },
  );

  app.post(
    '/api/auth/logout',
    { schema: { tags: ['auth'], response: { 200: Ok } }, preHandler: app.authorize() },
    async (req, reply) => {
      await service.logout(app.database, ctxOf(req));
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  );

  app.get(
    '/api/auth/me',
    { schema: { tags: ['auth'], response: { 200: Me } }, preHandler: app.authorize() },
    (req) => service.me(app.database, app.config, ctxOf(req)),
  );

  app.post(
    '/api/auth/password',
    {
      schema: { tags: ['auth'], body: ChangePasswordRequest, response: { 200: Ok } },
      preHandler: app.authorize(),
    },
    async (req, reply) => {
      await service.changePassword(app.database, ctxOf(req), req.body.currentPassword, req.body.newPassword);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  );
}
