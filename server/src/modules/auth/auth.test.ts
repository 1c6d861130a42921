import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  errorCode,
  login,
  makeTree,
  makeUser,
  signIn,
  TEST_PASSWORD,
  testApp,
  type TestApp,
  type Tree,
} from '../../../test/harness.ts';

let t: TestApp;
let tree: Tree;
beforeAll(async () => {
  t = await testApp();
  tree = await makeTree(t.database);
});
afterAll(() => t.close());

describe('login', () => {
  it('signs in, reports the caller and signs out', async () => {
    const c = await signIn(t, ['community_staff'], [tree.community]);
    const me = (await c.get('/api/auth/me')).json();
    expect(me.roles).toEqual(['community_staff']);
    expect(me.scopes.map((s: { id: string }) => s.id)).toEqual([String(tree.community)]);
    expect(me.permissions).toContain('place:read');
    expect((await c.post('/api/auth/logout')).statusCode).toBe(200);
    expect(errorCode(await c.get('/api/auth/me'))).toBe('session_expired');
  });

  it('sets an HttpOnly SameSite=Strict cookie', async () => {
    const u = await makeUser(t.database, ['grid_worker'], [tree.grid]);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: u.username, password: TEST_PASSWORD },
    });
    const cookie = res.cookies.find((c) => c.name === 'anju_sid')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Strict');
  });

  it('refuses a wrong password with the same answer as an unknown user', async () => {
    const u = await makeUser(t.database, ['grid_worker'], [tree.grid]);
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: u.username, password: 'nope' },
    });
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'nobody-here', password: 'nope' },
    });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(errorCode(wrong)).toBe('invalid_credentials');
    expect(wrong.json().error.message).toBe(unknown.json().error.message);
  });

  it('locks the account for 15 minutes after 5 failures, even for the right password', async () => {
    const u = await makeUser(t.database, ['grid_worker'], [tree.grid]);
    const codes: string[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: u.username, password: `bad${i}` },
      });
      codes.push(errorCode(res));
    }
    expect(codes).toEqual([
      'invalid_credentials',
      'invalid_credentials',
      'invalid_credentials',
      'invalid_credentials',
      'account_locked',
    ]);
    const right = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: u.username, password: TEST_PASSWORD },
    });
    expect(right.statusCode).toBe(423);
    const [row] = await t.database.query<{ minutes: number }>(
      `SELECT round(EXTRACT(EPOCH FROM (locked_until - now())) / 60)::int AS minutes FROM users WHERE id = $1`,
      [u.id],
    );
    expect(row.minutes).toBe(15);
    await t.database.query(`UPDATE users SET locked_until = now() - interval '1 second' WHERE id = $1`, [
      u.id,
    ]);
    expect((await login(t.app, u.username)).userId).toBe(u.id);
  });

  it('ends a session idle for 30 minutes', async () => {
    const c = await signIn(t, ['grid_worker'], [tree.grid]);
    await t.database.query(
      `UPDATE sessions SET last_seen_at = now() - interval '29 minutes' WHERE user_id = $1`,
      [c.userId],
    );
    expect((await c.get('/api/auth/me')).statusCode).toBe(200);
    await t.database.query(
      `UPDATE sessions SET last_seen_at = now() - interval '30 minutes 1 second' WHERE user_id = $1`,
      [c.userId],
    );
    const res = await c.get('/api/auth/me');
    expect(res.statusCode).toBe(401);
    expect(errorCode(res)).toBe('session_expired');
    const [{ n }] = await t.database.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM sessions WHERE user_id = $1',
      [c.userId],
    );
    expect(n).toBe(0);
  });

  it('refuses writes without the CSRF token of the session', async () => {
    const c = await signIn(t, ['community_staff'], [tree.community]);
    const body = { parentId: String(tree.grid), level: 'building', name: '2栋' };
    const none = await c.request({
      method: 'POST',
      url: '/api/places',
      payload: body,
      headers: { 'x-csrf-token': '' },
    });
    expect(none.statusCode).toBe(403);
    expect(errorCode(none)).toBe('csrf_failed');
    const other = await signIn(t, ['community_staff'], [tree.community]);
    const foreign = await c.request({
      method: 'POST',
      url: '/api/places',
      payload: body,
      headers: { 'x-csrf-token': other.csrf },
    });
    expect(errorCode(foreign)).toBe('csrf_failed');
    expect((await c.post('/api/places', body)).statusCode).toBe(201);
  });
});

describe('password change', () => {
  it('enforces the password rule and closes the session', async () => {
    const c = await signIn(t, ['grid_worker'], [tree.grid]);
    for (const weak of ['short1A', 'alllowercase', 'lowerand1234']) {
      const res = await c.post('/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: weak });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details[0].field).toBe('newPassword');
    }
    const wrong = await c.post('/api/auth/password', {
      currentPassword: 'not-it',
      newPassword: 'Better#Pass1',
    });
    expect(wrong.json().error.details[0].field).toBe('currentPassword');
    expect(
      (await c.post('/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'Better#Pass1' }))
        .statusCode,
    ).toBe(200);
    expect((await c.get('/api/auth/me')).statusCode).toBe(401);
    expect((await login(t.app, c.username, 'Better#Pass1')).userId).toBe(c.userId);
  });
});

describe('an initial or reset password', () => {
  it('allows nothing but reading oneself, changing it and signing out', async () => {
    const u = await makeUser(t.database, ['community_staff'], [tree.community]);
    await t.database.query('UPDATE users SET must_change_password = true WHERE id = $1', [u.id]);
    const c = await login(t.app, u.username);
    expect((await c.get('/api/auth/me')).json().mustChangePassword).toBe(true);
    const refused = await c.get('/api/places/roots');
    expect(refused.statusCode).toBe(403);
    expect(errorCode(refused)).toBe('password_change_required');
    expect(
      (await c.post('/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'Own#Choice26' }))
        .statusCode,
    ).toBe(200);
    const again = await login(t.app, u.username, 'Own#Choice26');
    expect((await again.get('/api/places/roots')).statusCode).toBe(200);
  });
});
