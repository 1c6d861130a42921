import type { Role, User, UserCreate, UserGrant } from '@anju/contracts';
import type { Conn, Database } from '../../db/client.ts';
import type { Ctx } from '../../platform/auth/actor.ts';
import { hashPassword } from '../../platform/auth/password.ts';
import { deleteUserSessions } from '../../platform/auth/session.repo.ts';
import { audit } from '../../platform/audit/audit.ts';
import { conflict, invalid, notFound } from '../../platform/errors.ts';
import { notifyUsers } from '../../platform/notify/notify.ts';
import { assertAcceptablePassword } from '../../platform/auth/password-rule.ts';
import {
  assertMayManageAccount,
  assertNotOwnReset,
  assertRolesSeparated,
  assertScopesFit,
} from './users.policy.ts';
import * as repo from './users.repo.ts';
import { findPlacesByIds } from '../places/places.service.ts';

const stale = () =>
  conflict('the account was changed by someone else; reload and try again', [
    { field: 'version', reason: 'stale' },
  ]);
const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

async function present(database: Database, rows: repo.UserRow[]): Promise<User[]> {
  const scopes = await repo.scopesOf(
    database.db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    id: String(r.id),
    username: r.username,
    displayName: r.displayName,
    roles: r.roles as Role[],
    scopes: scopes
      .filter((s) => s.userId === r.id)
      .map((s) => ({ id: String(s.id), name: s.name, level: s.level })),
    disabled: r.disabled,
    lockedUntil: r.lockedUntil && r.lockedUntil > new Date() ? iso(r.lockedUntil) : null,
    lastLoginAt: iso(r.lastLoginAt),
    createdAt: iso(r.createdAt)!,
    version: r.version,
  }));
}

export async function list(
  database: Database,
  q: { q?: string; role?: Role; page: number; pageSize: number },
) {
  const { items, total } = await repo.list(database.db, {
    q: q.q,
    role: q.role,
    limit: q.pageSize,
    offset: (q.page - 1) * q.pageSize,
  });
  return { items: await present(database, items), total, page: q.page, pageSize: q.pageSize };
}

export async function get(database: Database, id: number): Promise<User> {
  const row = await repo.findById(database.db, id);
  if (!row) throw notFound('user');
  return (await present(database, [row]))[0];
}

/** Creates an account without roles; the security administrator grants roles and scopes. */
export async function create(database: Database, ctx: Ctx, input: UserCreate): Promise<User> {
  assertAcceptablePassword('password', input.password, input.username);
  const passwordHash = await hashPassword(input.password);
  const id = await database.db.transaction(async (tx) => {
    const row = await repo
      .insert(tx, {
        username: input.username,
        displayName: input.displayName,
        passwordHash,
        mustChangePassword: true,
      })
      .catch((e: { code?: string; cause?: { code?: string } }) => {
        if (e.code === '23505' || e.cause?.code === '23505')
          throw conflict('username already taken', [{ field: 'username', reason: 'already taken' }]);
        throw e;
      });
    await audit(tx, ctx, {
      action: 'user.create',
      targetType: 'user',
      targetId: row.id,
      detail: { username: input.username },
    });
    await notifyUsers(tx, await repo.idsWithRole(tx, 'security_admin'), {
      kind: 'account_needs_roles',
      params: { username: input.username, displayName: input.displayName },
      link: `/admin/users?q=${encodeURIComponent(input.username)}`,
    });
    return row.id;
  });
  return get(database, id);
}

export async function update(
  database: Database,
  ctx: Ctx,
  id: number,
  input: { displayName?: string; disabled?: boolean; version: number },
) {
  if (id === ctx.actor.userId && input.disabled)
    throw invalid('disabled', 'you cannot disable your own account');
  await database.db.transaction(async (tx) => {
    const target = await repo.findById(tx, id);
    if (!target) throw notFound('user');
    assertMayManageAccount(ctx.actor, { id, roles: target.roles as Role[] });
    const row = await repo.updateVersioned(tx, id, input.version, {
      displayName: input.displayName,
      disabled: input.disabled,
    });
    if (!row) throw stale();
    await audit(tx, ctx, {
      action: 'user.update',
      targetType: 'user',
      targetId: id,
      detail: { displayName: input.displayName, disabled: input.disabled },
    });
  });
  if (input.disabled) await deleteUserSessions(database, id);
  return get(database, id);
}

/** Sets a new password the owner must change at next sign-in; the owner is told, and the reset audited. */
export async function resetPassword(database: Database, ctx: Ctx, id: number, password: string) {
  const user = await repo.findById(database.db, id);
  if (!user) throw notFound('user');
  assertMayManageAccount(ctx.actor, { id, roles: user.roles as Role[] });
  assertNotOwnReset(ctx.actor.userId, id);
  assertAcceptablePassword('password', password, user.username);
  const passwordHash = await hashPassword(password);
  await database.db.transaction(async (tx) => {
    // the version read above: roles granted meanwhile make this a conflict, not a reset under the old rule
    if (!(await repo.updateVersioned(tx, id, user.version, { passwordHash, mustChangePassword: true })))
      throw stale();
    await audit(tx, ctx, { action: 'user.password_reset', targetType: 'user', targetId: id });
    await notifyUsers(tx, [id], {
      kind: 'password_reset',
      params: { by: ctx.actor.displayName },
      link: '/password',
    });
  });
  await deleteUserSessions(database, id);
  return get(database, id);
}

/** Sets a user's roles and scope roots (security administrator). */
export async function grant(database: Database, ctx: Ctx, id: number, input: UserGrant): Promise<User> {
  const roles = [...new Set(input.roles)];
  const placeIds = [...new Set(input.scopePlaceIds.map(Number))];
  assertRolesSeparated(roles);
  assertScopesFit(roles, placeIds.length);
  if (id === ctx.actor.userId) throw invalid('roles', 'you cannot change your own roles');
  await database.db.transaction(async (tx) => {
    if (!(await repo.findById(tx, id))) throw notFound('user');
    const found = await findPlacesByIds(tx, placeIds);
    const missing = placeIds.filter((p) => !found.some((f) => f.id === p));
    if (missing.length)
      throw invalid('scopePlaceIds', 'unknown places: {{ids}}', { ids: missing.join(', ') });
    const row = await repo.updateVersioned(tx, id, input.version, { roles });
    if (!row) throw stale();
    await repo.replaceScopes(tx, id, placeIds);
    await audit(tx, ctx, {
      action: 'user.grant',
      targetType: 'user',
      targetId: id,
      detail: { roles, scopePlaceIds: placeIds },
    });
  });
  await deleteUserSessions(database, id);
  return get(database, id);
}

export async function unlock(database: Database, ctx: Ctx, id: number) {
  await database.db.transaction(async (tx) => {
    if (!(await repo.findById(tx, id))) throw notFound('user');
    await repo.unlock(tx, id);
    await audit(tx, ctx, { action: 'user.unlock', targetType: 'user', targetId: id });
  });
  return get(database, id);
}

/** The account of `username` with its roles, or undefined: the jobs module links enterprise staff by it. */
export async function accountByUsername(conn: Conn, username: string) {
  const row = await repo.findByUsername(conn, username);
  return row && { id: Number(row.id), roles: row.roles as Role[] };
}

/** The usernames and display names of the accounts `ids`, in username order. */
export async function namesOf(conn: Conn, ids: number[]) {
  const found = await repo.namesOf(conn, ids);
  return found
    .map((u) => ({ id: Number(u.id), username: u.username, displayName: u.displayName }))
    .sort((a, b) => (a.username < b.username ? -1 : a.username > b.username ? 1 : 0));
}

/** Of `ids`, the accounts that hold `role`, with their display names. */
export async function holdersOf(conn: Conn, ids: number[], role: Role) {
  return (await repo.withRole(conn, ids, role)).map((u) => ({ id: u.id, displayName: u.displayName }));
}

/** Accounts holding `role` whose scope lies inside `path` (a community's grid workers). */
export async function holdersWithin(conn: Conn, role: Role, path: string) {
  return repo.withRoleWithin(conn, role, path);
}

/** Replaces a user's scope roots; the grids module keeps a grid worker's scope on their grids. */
export async function setScopes(conn: Conn, userId: number, placeIds: number[]) {
  await repo.replaceScopes(conn, userId, placeIds);
}
