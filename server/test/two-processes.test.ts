import { randomInt } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgres, type Database } from '../src/db/client.ts';
import { migrate } from '../src/db/migrate.ts';
import { makeUser, TEST_PASSWORD, TEST_SECRET } from './harness.ts';
import { startServer, type ServerProcess } from './processes.ts';

const base = process.env.DATABASE_URL;

/** Two `anju serve` processes on one PostgreSQL behave as one server. */
describe.runIf(base)('two processes on one PostgreSQL', () => {
  const name = `anju_two_${randomInt(1e9)}`;
  const url = base ? Object.assign(new URL(base), { pathname: `/${name}` }).toString() : '';
  let admin: Database;
  let database: Database;
  let a: ServerProcess;
  let b: ServerProcess;

  beforeAll(async () => {
    admin = await openPostgres(base!, 1);
    await admin.query(`CREATE DATABASE ${name}`);
    database = await openPostgres(url, 2);
    await migrate(database);
    const env = {
      DATABASE_URL: url,
      ANJU_SECRET_KEY: TEST_SECRET,
      ANJU_SESSION_PURGE_CRON: '* * * * *',
      ANJU_CRON_MONITOR_SECONDS: '2',
    };
    [a, b] = await Promise.all([startServer(env), startServer(env)]);
  }, 180_000);

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await database?.close();
    await admin?.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin?.close();
  });

  const login = async (server: ServerProcess, username: string, password = TEST_PASSWORD) =>
    fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
    });

  it('shares sessions: signed in on one, recognised on the other, signed out everywhere', async () => {
    const u = await makeUser(database, ['audit_admin']);
    const res = await login(a, u.username);
    expect(res.status).toBe(200);
    const cookie = res.headers.get('set-cookie')!.split(';')[0];
    const { csrfToken } = await res.json();
    const me = await fetch(`${b.url}/api/auth/me`, { headers: { cookie } });
    expect((await me.json()).username).toBe(u.username);
    const out = await fetch(`${b.url}/api/auth/logout`, {
      method: 'POST',
      headers: { cookie, 'x-csrf-token': csrfToken },
    });
    expect(out.status).toBe(200);
    expect((await fetch(`${a.url}/api/auth/me`, { headers: { cookie } })).status).toBe(401);
  });

  it('delivers a notification made on one process to a page open on the other', async () => {
    const security = await makeUser(database, ['security_admin']);
    const victim = await makeUser(database, ['audit_admin']);
    const cookie = (await login(b, security.username)).headers.get('set-cookie')!.split(';')[0];
    const controller = new AbortController();
    const stream = await fetch(`${b.url}/api/notifications/stream`, {
      headers: { cookie },
      signal: controller.signal,
    });
    expect(stream.headers.get('content-type')).toContain('text/event-stream');
    const reader = stream.body!.getReader();
    const received = (async () => {
      let text = '';
      while (!text.includes('event: notification')) {
        const { value, done } = await reader.read();
        if (done) break;
        text += new TextDecoder().decode(value);
      }
      return text;
    })();
    for (let i = 0; i < 5; i++) await login(a, victim.username, 'wrong-password');
    const text = await Promise.race([
      received,
      new Promise<string>((r) => setTimeout(() => r('timeout'), 15_000)),
    ]);
    controller.abort();
    const data = JSON.parse(text.split('data: ')[1].split('\n')[0]);
    expect(data.kind).toBe('account_locked');
    expect(data.params.username).toBe(victim.username);
  });

  it('runs a scheduled job once per tick, not once per process', async () => {
    // pg-boss keeps the clock: each tick one "send-it" job, unique per minute slot, which then makes the
    // purge's job, late under load, so the purge jobs' own minutes may share one. One snapshot of both.
    const runs = async () =>
      (
        await database.query<{ sent: number; ticks: number; handed: number; jobs: number; done: number }>(
          `SELECT count(*)::int AS sent, count(DISTINCT singleton_on)::int AS ticks,
                  count(*) FILTER (WHERE state = 'completed')::int AS handed,
                  (SELECT count(*)::int FROM pgboss.job WHERE name = 'sessions-purge') AS jobs,
                  (SELECT count(*)::int FROM pgboss.job WHERE name = 'sessions-purge' AND state = 'completed') AS done
             FROM pgboss.job WHERE name = '__pgboss__send-it' AND singleton_key = 'sessions-purge'`,
        )
      )[0];
    const deadline = Date.now() + 150_000;
    while ((await runs()).done < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 2000));
    const r = await runs();
    expect(r.done).toBeGreaterThanOrEqual(2);
    // once per tick although both processes keep the clock, and one purge for each tick
    expect(r.sent).toBe(r.ticks);
    expect(r.jobs).toBeGreaterThanOrEqual(r.handed);
    expect(r.jobs).toBeLessThanOrEqual(r.sent);
    // each purge that ran wrote its audit row, and no purge wrote two
    const [{ audited }] = await database.query<{ audited: number }>(
      `SELECT count(*)::int AS audited FROM audit_log WHERE action = 'system.sessions_purge'`,
    );
    expect(audited).toBeGreaterThanOrEqual(r.done);
    expect(audited).toBeLessThanOrEqual((await runs()).jobs);
  }, 180_000);
});
