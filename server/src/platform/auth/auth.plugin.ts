import type { FastifyInstance, FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import { can, type Permission } from '@anju/contracts';
import { AppError } from '../errors.ts';
import type { Actor, Ctx } from './actor.ts';
import { deleteSession, findSession, hashToken, SESSION_COOKIE, touchSession } from './session.repo.ts';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    sessionExpired: boolean;
  }
  interface FastifyInstance {
    /** preHandler: signed in, CSRF-checked for writes, and holding `permission` (or one of a list) if given. */
    authorize(permission?: Permission | readonly Permission[]): preHandlerAsyncHookHandler;
  }
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** All a user with a reset or initial password may do until they choose their own. */
const PASSWORD_CHANGE_ROUTES = new Set(['/api/auth/me', '/api/auth/password', '/api/auth/logout']);
/** last_seen_at is written at most this often, so reads stay reads. */
const TOUCH_EVERY_SECONDS = 30;

/** Builds the service context of an authorized request. */
export function ctxOf(req: FastifyRequest): Ctx {
  if (!req.actor) throw new AppError('unauthenticated', 'sign in first');
  // the address may come from X-Forwarded-For; keep it within the audit and session columns
  return { actor: req.actor, ip: req.ip.slice(0, 64), requestId: req.id };
}

export async function authPlugin(app: FastifyInstance) {
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionExpired', false);

  app.addHook('onRequest', async (req: FastifyRequest, reply: FastifyReply) => {
    const token = req.cookies[SESSION_COOKIE];
    if (!token) return;
    const tokenHash = hashToken(token);
    const row = await findSession(app.database, tokenHash);
    if (!row) {
      req.sessionExpired = true;
      return;
    }
    if (row.expired || row.idle_seconds >= app.config.sessionIdleSeconds || row.disabled) {
      await deleteSession(app.database, tokenHash);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      req.sessionExpired = true;
      return;
    }
    if (row.idle_seconds >= TOUCH_EVERY_SECONDS) await touchSession(app.database, tokenHash);
    req.actor = {
      userId: row.user_id,
      username: row.username,
      displayName: row.display_name,
      roles: row.roles,
      scopes: row.scopes,
      csrfToken: row.csrf_token,
      sessionHash: tokenHash,
      mustChangePassword: row.must_change_password,
    };
  });

  app.decorate('authorize', (permission?: Permission | readonly Permission[]) => {
    const anyOf: readonly Permission[] = permission === undefined ? [] : [permission].flat();
    return async (req: FastifyRequest) => {
      const actor = req.actor;
      if (!actor) {
        throw req.sessionExpired
          ? new AppError('session_expired', 'session expired, sign in again')
          : new AppError('unauthenticated', 'sign in first');
      }
      if (UNSAFE.has(req.method) && req.headers['x-csrf-token'] !== actor.csrfToken) {
        throw new AppError('csrf_failed', 'missing or wrong X-CSRF-Token header');
      }
      if (actor.mustChangePassword && !PASSWORD_CHANGE_ROUTES.has(req.routeOptions.url ?? '')) {
        throw new AppError('password_change_required', 'change your password first');
      }
      if (anyOf.length && !anyOf.some((p) => can(actor.roles, p))) {
        throw new AppError('forbidden', `requires ${anyOf.join(' or ')}`);
      }
    };
  });
}
