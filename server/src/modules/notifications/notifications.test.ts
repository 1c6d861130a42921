import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notifyUsers } from '../../platform/notify/notify.ts';
import { errorCode, makeUser, signIn, TEST_PASSWORD, testApp, type TestApp } from '../../../test/harness.ts';

let t: TestApp;
let base: string;
beforeAll(async () => {
  t = await testApp({ notificationHeartbeatMs: 200 });
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(t.app.server.address() as { port: number }).port}`;
});
afterAll(() => t.close());

describe('notifications', () => {
  it('lists the caller’s own notifications, counts unread and marks them read', async () => {
    const me = await signIn(t, ['audit_admin']);
    const other = await signIn(t, ['audit_admin']);
    await notifyUsers(t.database.db, [me.userId], { kind: 'account_locked', params: { username: 'a' } });
    await notifyUsers(t.database.db, [me.userId, other.userId], {
      kind: 'account_locked',
      params: { username: 'b' },
    });
    const page = (await me.get('/api/notifications')).json();
    expect(page.total).toBe(2);
    expect(page.unread).toBe(2);
    expect(page.items.map((n: { params: { username: string } }) => n.params.username)).toEqual(['b', 'a']);
    const [first] = page.items;
    const foreign = (await other.get('/api/notifications')).json().items[0];
    const steal = await me.post(`/api/notifications/${foreign.id}/read`);
    expect(steal.statusCode).toBe(404);
    expect(errorCode(steal)).toBe('not_found');
    expect((await me.post(`/api/notifications/${first.id}/read`)).statusCode).toBe(200);
    expect((await me.get('/api/notifications?unread=true')).json()).toMatchObject({ total: 1, unread: 1 });
    expect((await me.post('/api/notifications/read-all')).statusCode).toBe(200);
    expect((await me.get('/api/notifications')).json()).toMatchObject({ total: 2, unread: 0 });
    expect((await other.get('/api/notifications')).json()).toMatchObject({ total: 1, unread: 1 });
  });

  it('tells every security administrator when an account is created without roles', async () => {
    const sysadmin = await signIn(t, ['system_admin']);
    const security = await signIn(t, ['security_admin']);
    const bystander = await signIn(t, ['audit_admin']);
    const username = `newcomer${Date.now()}`;
    const created = await sysadmin.post('/api/users', {
      username,
      displayName: '王阿姨',
      password: 'Lantern-river-42',
    });
    expect(created.statusCode, created.body).toBe(201);
    const items = (await security.get('/api/notifications')).json().items;
    expect(items).toContainEqual(
      expect.objectContaining({
        kind: 'account_needs_roles',
        params: { username, displayName: '王阿姨' },
        link: `/admin/users?q=${username}`,
      }),
    );
    const others = (await bystander.get('/api/notifications')).json().items;
    expect(others.filter((n: { kind: string }) => n.kind === 'account_needs_roles')).toEqual([]);
  });

  it('refuses the stream to anonymous callers', async () => {
    const res = await fetch(`${base}/api/notifications/stream`);
    expect(res.status).toBe(401);
    expect((await res.json()).error.code).toBe('unauthenticated');
  });

  it('pushes a new notification to the user’s open stream, and only to that user', async () => {
    const security = await makeUser(t.database, ['security_admin']);
    const bystander = await makeUser(t.database, ['audit_admin']);
    const open = async (username: string) => {
      const login = await fetch(`${base}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password: TEST_PASSWORD }),
      });
      const cookie = login.headers.get('set-cookie')!.split(';')[0];
      const controller = new AbortController();
      const res = await fetch(`${base}/api/notifications/stream`, {
        headers: { cookie },
        signal: controller.signal,
      });
      const reader = res.body!.getReader();
      let text = '';
      const pump = (async () => {
        try {
          for (;;) {
            const { value, done } = await reader.read();
            if (done) return;
            text += new TextDecoder().decode(value);
          }
        } catch {
          // aborted
        }
      })();
      return { text: () => text, close: () => (controller.abort(), pump) };
    };
    const mine = await open(security.username);
    const theirs = await open(bystander.username);
    await notifyUsers(t.database.db, [security.id], { kind: 'account_locked', params: { username: 'x' } });
    const deadline = Date.now() + 10_000;
    while (!mine.text().includes('event: notification') && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 50));
    await new Promise((r) => setTimeout(r, 200));
    await Promise.all([mine.close(), theirs.close()]);
    const data = JSON.parse(mine.text().split('data: ')[1].split('\n')[0]);
    expect(data).toMatchObject({ kind: 'account_locked', params: { username: 'x' }, readAt: null });
    expect(theirs.text()).not.toContain('event: notification');
  });

  it('ends the stream when its session ends, and replays what was missed after Last-Event-ID', async () => {
    const u = await makeUser(t.database, ['security_admin']);
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: u.username, password: TEST_PASSWORD }),
    });
    const cookie = login.headers.get('set-cookie')!.split(';')[0];
    const { csrfToken } = await login.json();
    await notifyUsers(t.database.db, [u.id], { kind: 'account_locked', params: { username: 'first' } });
    await notifyUsers(t.database.db, [u.id], { kind: 'account_locked', params: { username: 'second' } });
    const [first] = await t.database.query<{ id: number }>(
      'SELECT min(id)::int AS id FROM notifications WHERE user_id = $1',
      [u.id],
    );
    const res = await fetch(`${base}/api/notifications/stream`, {
      headers: { cookie, 'last-event-id': String(first.id) },
    });
    const reader = res.body!.getReader();
    let text = '';
    const ended = (async () => {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return true;
        text += new TextDecoder().decode(value);
      }
    })();
    await new Promise((r) => setTimeout(r, 300));
    await fetch(`${base}/api/auth/logout`, {
      method: 'POST',
      headers: { cookie, 'x-csrf-token': csrfToken },
    });
    const closed = await Promise.race([ended, new Promise((r) => setTimeout(() => r(false), 5000))]);
    expect(closed).toBe(true);
    expect(text).toContain('"username":"second"');
    expect(text).not.toContain('"username":"first"');
  });
});
