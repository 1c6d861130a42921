import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  errorCode,
  login,
  makeTree,
  makeUser,
  signIn,
  TEST_PASSWORD,
  testApp,
  type Client,
  type TestApp,
  type Tree,
} from '../../../test/harness.ts';

let t: TestApp;
let tree: Tree;
let sys: Client;
let sec: Client;
const tag = `us${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
let seq = 0;
const name = () => `${tag}${seq++}`;

const versionOf = async (id: number | string) =>
  (await t.database.query<{ version: number }>('SELECT version FROM users WHERE id = $1', [id]))[0].version;
const sessionsOf = async (id: number | string) =>
  (
    await t.database.query<{ n: number }>('SELECT count(*)::int AS n FROM sessions WHERE user_id = $1', [id])
  )[0].n;

/** The audit row the request wrote. */
async function auditedBy(res: LightMyRequestResponse) {
  const rows = await t.database.query<Record<string, unknown>>(
    'SELECT actor_id, actor_name, action, target_id, ip, request_id, result, detail FROM audit_log WHERE request_id = $1',
    [res.headers['x-request-id']],
  );
  expect(rows).toHaveLength(1);
  return rows[0];
}

beforeAll(async () => {
  t = await testApp();
  tree = await makeTree(t.database);
  sys = await signIn(t, ['system_admin']);
  sec = await signIn(t, ['security_admin']);
});
afterAll(() => t.close());

describe('creating accounts', () => {
  it('creates an account without roles that must change its password, and audits it', async () => {
    const username = name();
    const res = await sys.post('/api/users', { username, displayName: '张三', password: 'Start#Pass2026' });
    expect(res.statusCode, res.body).toBe(201);
    const user = res.json();
    expect(user).toMatchObject({
      username,
      displayName: '张三',
      roles: [],
      scopes: [],
      disabled: false,
      lockedUntil: null,
      version: 1,
    });
    expect(await auditedBy(res)).toEqual({
      actor_id: sys.userId,
      actor_name: sys.username,
      action: 'user.create',
      target_id: user.id,
      ip: '127.0.0.1',
      request_id: res.headers['x-request-id'],
      result: 'ok',
      detail: { username },
    });
    const me = (await (await login(t.app, username, 'Start#Pass2026')).get('/api/auth/me')).json();
    expect(me.mustChangePassword).toBe(true);
    expect(me.permissions).toEqual([]);
  });

  it('holds to the password rule', async () => {
    for (const password of ['Sh0rt!', 'nouppercase1', 'NoDigitsOrSymbols']) {
      const res = await sys.post('/api/users', { username: name(), displayName: '弱', password });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details[0].field).toBe('password');
    }
  });

  it('refuses a username already taken with 409, and writes nothing', async () => {
    const username = name();
    expect(
      (await sys.post('/api/users', { username, displayName: '一', password: 'Start#Pass2026' })).statusCode,
    ).toBe(201);
    const again = await sys.post('/api/users', { username, displayName: '二', password: 'Start#Pass2026' });
    expect(again.statusCode).toBe(409);
    expect(errorCode(again)).toBe('conflict');
    expect(again.json().error.details).toEqual([{ field: 'username', reason: 'already taken' }]);
    const rows = await t.database.query('SELECT display_name FROM users WHERE username = $1', [username]);
    expect(rows).toEqual([{ display_name: '一' }]);
    expect(
      await t.database.query('SELECT 1 FROM audit_log WHERE request_id = $1', [
        again.headers['x-request-id'],
      ]),
    ).toEqual([]);
  });
});

describe('listing', () => {
  it('filters by text and role and pages', async () => {
    const prefix = name();
    for (let i = 0; i < 3; i++) await makeUser(t.database, ['grid_worker'], [tree.grid], `${prefix}g${i}`);
    await makeUser(t.database, ['resident'], [tree.dwelling], `${prefix}r`);
    const all = (await sys.get(`/api/users?q=${prefix}&pageSize=2`)).json();
    expect(all).toMatchObject({ total: 4, page: 1, pageSize: 2 });
    expect(all.items.map((u: { username: string }) => u.username)).toEqual([`${prefix}g0`, `${prefix}g1`]);
    const workers = (await sec.get(`/api/users?q=${prefix}&role=grid_worker`)).json();
    expect(workers.total).toBe(3);
    expect(workers.items[0].scopes).toEqual([{ id: String(tree.grid), name: '第一网格', level: 'grid' }]);
    expect(errorCode(await sys.get('/api/users/987654321098765'))).toBe('not_found');
  });
});

describe('updating', () => {
  it('uses the version: a stale update gets 409 and changes nothing', async () => {
    const u = await makeUser(t.database, ['grid_worker'], [tree.grid]);
    expect((await sys.patch(`/api/users/${u.id}`, { displayName: '新名', version: 1 })).json().version).toBe(
      2,
    );
    const stale = await sys.patch(`/api/users/${u.id}`, { displayName: '旧', version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.details).toEqual([{ field: 'version', reason: 'stale' }]);
    expect((await sys.get(`/api/users/${u.id}`)).json()).toMatchObject({ displayName: '新名', version: 2 });
    expect(errorCode(await sys.patch('/api/users/987654321098765', { displayName: 'x', version: 1 }))).toBe(
      'not_found',
    );
  });

  it('disabling ends the sessions and refuses the next sign-in; nobody disables themselves', async () => {
    const u = await makeUser(t.database, ['grid_worker'], [tree.grid]);
    const c = await login(t.app, u.username);
    const res = await sys.patch(`/api/users/${u.id}`, { disabled: true, version: 1 });
    expect(res.json().disabled).toBe(true);
    expect(await sessionsOf(u.id)).toBe(0);
    expect((await c.get('/api/auth/me')).statusCode).toBe(401);
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: u.username, password: TEST_PASSWORD },
    });
    expect(errorCode(again)).toBe('invalid_credentials');
    expect(await auditedBy(res)).toMatchObject({
      action: 'user.update',
      actor_id: sys.userId,
      result: 'ok',
      detail: { disabled: true },
    });
    const self = await sys.patch(`/api/users/${sys.userId}`, {
      disabled: true,
      version: await versionOf(sys.userId),
    });
    expect(self.statusCode).toBe(400);
    expect(self.json().error.details[0].field).toBe('disabled');
  });

  it('a password reset ends the sessions and forces a change at next sign-in', async () => {
    const u = await makeUser(t.database, ['grid_worker'], [tree.grid]);
    const c = await login(t.app, u.username);
    const res = await sys.post(`/api/users/${u.id}/password`, { password: 'Reset#Pass2026' });
    expect(res.statusCode).toBe(200);
    expect(await auditedBy(res)).toMatchObject({
      action: 'user.password_reset',
      target_id: String(u.id),
      result: 'ok',
      detail: {},
    });
    expect((await c.get('/api/auth/me')).statusCode).toBe(401);
    const again = await login(t.app, u.username, 'Reset#Pass2026');
    expect((await again.get('/api/auth/me')).json().mustChangePassword).toBe(true);
    expect(
      (
        await again.post('/api/auth/password', {
          currentPassword: 'Reset#Pass2026',
          newPassword: 'Mine#Pass2026',
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (await (await login(t.app, u.username, 'Mine#Pass2026')).get('/api/auth/me')).json().mustChangePassword,
    ).toBe(false);
    expect(
      JSON.stringify(
        await t.database.query('SELECT detail FROM audit_log WHERE request_id = $1', [
          res.headers['x-request-id'],
        ]),
      ),
    ).not.toContain('Reset#Pass2026');
  });
});

describe('granting roles and scopes', () => {
  const grant = (id: number, body: Record<string, unknown>) =>
    sec.put(`/api/users/${id}/grants`, { version: 1, ...body });

  it('sets roles and scopes, ends the sessions, and audits it', async () => {
    const u = await makeUser(t.database, [], []);
    const c = await login(t.app, u.username);
    const res = await grant(u.id, {
      roles: ['community_staff', 'party_secretary'],
      scopePlaceIds: [String(tree.community), String(tree.otherCommunity)],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ roles: ['community_staff', 'party_secretary'], version: 2 });
    expect(
      res
        .json()
        .scopes.map((s: { id: string }) => s.id)
        .sort(),
    ).toEqual([String(tree.community), String(tree.otherCommunity)].sort());
    expect((await c.get('/api/auth/me')).statusCode).toBe(401);
    expect(await auditedBy(res)).toMatchObject({
      action: 'user.grant',
      actor_id: sec.userId,
      result: 'ok',
      detail: {
        roles: ['community_staff', 'party_secretary'],
        scopePlaceIds: [tree.community, tree.otherCommunity],
      },
    });
    const me = (await (await login(t.app, u.username)).get('/api/auth/me')).json();
    expect(me.permissions).toContain('place:write');
  });

  it.each([
    [
      'an admin role with another role',
      { roles: ['system_admin', 'grid_worker'], scopePlaceIds: [] },
      'roles',
    ],
    ['two admin roles', { roles: ['audit_admin', 'security_admin'], scopePlaceIds: [] }, 'roles'],
    ['a place role without a scope', { roles: ['grid_worker'], scopePlaceIds: [] }, 'scopePlaceIds'],
    ['an administrator with a scope', { roles: ['audit_admin'], scopePlaceIds: ['1'] }, 'scopePlaceIds'],
    ['places without a role', { roles: [], scopePlaceIds: ['1'] }, 'roles'],
    ['an unknown place', { roles: ['grid_worker'], scopePlaceIds: ['987654321098765'] }, 'scopePlaceIds'],
  ])('refuses %s and changes nothing', async (_what, body, field) => {
    const u = await makeUser(t.database, ['resident'], [tree.dwelling]);
    const res = await grant(u.id, body);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].field).toBe(field);
    const [row] = await t.database.query('SELECT roles, version FROM users WHERE id = $1', [u.id]);
    expect(row).toEqual({ roles: ['resident'], version: 1 });
    expect(await t.database.query('SELECT place_id FROM user_scopes WHERE user_id = $1', [u.id])).toEqual([
      { place_id: tree.dwelling },
    ]);
  });

  it('an administrator role stands alone and unscoped', async () => {
    const u = await makeUser(t.database, ['grid_worker'], [tree.grid]);
    const res = await grant(u.id, { roles: ['audit_admin'], scopePlaceIds: [] });
    expect(res.json()).toMatchObject({ roles: ['audit_admin'], scopes: [] });
  });

  it('refuses a stale version, and one’s own roles', async () => {
    const u = await makeUser(t.database, ['resident'], [tree.dwelling]);
    await t.database.query('UPDATE users SET version = 3 WHERE id = $1', [u.id]);
    const stale = await grant(u.id, { roles: ['grid_worker'], scopePlaceIds: [String(tree.grid)] });
    expect(stale.statusCode).toBe(409);
    expect(await t.database.query('SELECT place_id FROM user_scopes WHERE user_id = $1', [u.id])).toEqual([
      { place_id: tree.dwelling },
    ]);
    const own = await grant(sec.userId, {
      roles: ['security_admin'],
      scopePlaceIds: [],
      version: await versionOf(sec.userId),
    });
    expect(own.statusCode).toBe(400);
    expect(own.json().error.details[0].field).toBe('roles');
    expect(errorCode(await grant(987654321098765, { roles: [], scopePlaceIds: [] }))).toBe('not_found');
  });
});

describe('unlocking', () => {
  it('lets a locked account sign in again, and audits it', async () => {
    const u = await makeUser(t.database, ['grid_worker'], [tree.grid]);
    for (let i = 0; i < 5; i++)
      await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: u.username, password: `wrong${i}` },
      });
    expect((await sec.get(`/api/users/${u.id}`)).json().lockedUntil).not.toBeNull();
    const res = await sec.post(`/api/users/${u.id}/unlock`);
    expect(res.json().lockedUntil).toBeNull();
    expect(await auditedBy(res)).toMatchObject({
      action: 'user.unlock',
      actor_id: sec.userId,
      target_id: String(u.id),
      result: 'ok',
    });
    expect((await login(t.app, u.username)).userId).toBe(u.id);
  });
});
