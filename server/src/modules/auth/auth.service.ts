import { permissionsOf, type LoginRequest, type Me, type Role } from '@anju/contracts';
import type { Database } from '../../db/client.ts';
import type { Config } from '../../config.ts';
import type { Actor, Ctx } from '../../platform/auth/actor.ts';
import { DUMMY_HASH, hashPassword, verifyPassword } from '../../platform/auth/password.ts';
import { createSession, deleteSession, deleteUserSessions } from '../../platform/auth/session.repo.ts';
import { audit } from '../../platform/audit/audit.ts';
import { AppError } from '../../platform/errors.ts';
import { notifyUsers } from '../../platform/notify/notify.ts';
import * as repo from './auth.repo.ts';
import { UnknownUsernames } from './unknown-usernames.ts';
import { assertAcceptablePassword } from '../../platform/auth/password-rule.ts';

export const MAX_FAILURES = 5;
export const LOCK_SECONDS = 15 * 60;

interface LoginMeta {
  ip: string;
  userAgent: string | undefined;
  requestId: string;
}

const unknownUsernames = new UnknownUsernames();

/**
 * Checks the password, applies the lockout rule, opens a session. Every attempt is audited. The answers
 * are the same whether or not the username is an account's: wrong, then locked at the fifth attempt.
 */
export async function login(database: Database, config: Config, input: LoginRequest, meta: LoginMeta) {
  const { db } = database;
  const user = await repo.findUserByUsername(db, input.username);
  const sys = { actor: null, ip: meta.ip, requestId: meta.requestId };
  const fail = async (code: 'invalid_credentials' | 'account_locked', reason: string) => {
    await audit(db, sys, {
      action: 'auth.login',
      targetType: 'user',
      targetId: user?.id,
      result: 'denied',
      actor: { id: user?.id ?? null, name: input.username.slice(0, 64) },
      detail: { username: input.username, reason },
    });
    return new AppError(
      code,
      code === 'account_locked' ? 'account locked, try again later' : 'wrong username or password',
    );
  };
  // a failure that reached the limit answers "locked", as the attempts after it do
  const wrong = (attempt: number, reason: string) =>
    attempt >= MAX_FAILURES
      ? fail('account_locked', `${reason}, locked now`)
      : fail('invalid_credentials', reason);
  if (!user) {
    const attempt = unknownUsernames.take(input.username, MAX_FAILURES, LOCK_SECONDS);
    if (attempt === undefined) throw await fail('account_locked', 'locked, unknown user');
    await verifyPassword(input.password, DUMMY_HASH);
    throw await wrong(attempt, 'unknown user');
  }
  const attempt = await repo.takeAttempt(db, user.id, MAX_FAILURES, LOCK_SECONDS);
  if (!attempt) throw await fail('account_locked', 'locked');
  if (user.disabled) {
    await verifyPassword(input.password, DUMMY_HASH);
    throw await wrong(attempt.count, 'disabled');
  }
  if (!(await verifyPassword(input.password, user.passwordHash))) {
    if (attempt.count >= MAX_FAILURES) {
      await notifyUsers(db, await repo.idsWithRole(db, 'security_admin'), {
        kind: 'account_locked',
        params: { username: user.username, ip: meta.ip },
        link: `/admin/users?q=${encodeURIComponent(user.username)}`,
      });
    }
    throw await wrong(attempt.count, 'wrong password');
  }
  // the right password, but other attempts may have locked the account meanwhile: the lock holds
  if (!(await repo.recordLogin(db, user.id, attempt.count))) throw await fail('account_locked', 'locked');
  const session = await createSession(database, user.id, { ...meta, maxSeconds: config.sessionMaxSeconds });
  await audit(
    db,
    { actor: null, ip: meta.ip, requestId: meta.requestId },
    {
      action: 'auth.login',
      actor: { id: user.id, name: user.username },
      targetType: 'user',
      targetId: user.id,
      detail: { username: user.username },
    },
  );
  return {
    token: session.token,
    me: {
      userId: user.id,
      username: user.username,
      displayName: user.displayName,
      roles: user.roles as Role[],
      csrfToken: session.csrfToken,
      mustChangePassword: user.mustChangePassword,
    },
  };
}

export async function logout(database: Database, ctx: Ctx) {
  await deleteSession(database, ctx.actor.sessionHash);
  await audit(database.db, ctx, { action: 'auth.logout', targetType: 'user', targetId: ctx.actor.userId });
}

type Who = Pick<Actor, 'userId' | 'username' | 'displayName' | 'roles' | 'csrfToken' | 'mustChangePassword'>;

/** The signed-in user's identity, permissions and scope roots, as the web needs them. */
export async function describe(database: Database, config: Config, actor: Who): Promise<Me> {
  const roots = await repo.scopeRoots(database.db, actor.userId);
  return {
    id: String(actor.userId),
    username: actor.username,
    displayName: actor.displayName,
    roles: actor.roles,
    permissions: permissionsOf(actor.roles),
    scopes: roots.map((r) => ({ ...r, id: String(r.id) })),
    csrfToken: actor.csrfToken,
    idleTimeoutSeconds: config.sessionIdleSeconds,
    mustChangePassword: actor.mustChangePassword,
  };
}

export const me = (database: Database, config: Config, ctx: Ctx) => describe(database, config, ctx.actor);

/** Changes the caller's own password; other sessions of the user are closed. */
export async function changePassword(database: Database, ctx: Ctx, current: string, next: string) {
  const user = await repo.findUserById(database.db, ctx.actor.userId);
  if (!user || !(await verifyPassword(current, user.passwordHash))) {
    throw new AppError('validation_failed', 'currentPassword: does not match', [
      { field: 'currentPassword', reason: 'does not match' },
    ]);
  }
  assertAcceptablePassword('newPassword', next, user.username);
  const hash = await hashPassword(next);
  await database.db.transaction(async (tx) => {
    await repo.setPassword(tx, user.id, hash, false);
    await audit(tx, ctx, { action: 'auth.password_change', targetType: 'user', targetId: user.id });
  });
  await deleteUserSessions(database, user.id);
}
