import { randomInt } from 'node:crypto';
import PgBoss from 'pg-boss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgres, type Database } from '../src/db/client.ts';
import { migrate } from '../src/db/migrate.ts';
import { makeTree, makeUser, TEST_PASSWORD, TEST_SECRET, type Tree } from './harness.ts';
import { startServer, type ServerProcess } from './processes.ts';
import { startTcpProxy, type TcpProxy } from './tcp-proxy.ts';

const base = process.env.DATABASE_URL;

/** Polls `check` until it holds; fails naming `what` when it never does. */
async function waitFor(what: string, check: () => boolean | Promise<boolean>, ms = 30_000) {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const health = (server: ServerProcess) =>
  fetch(`${server.url}/api/health`, { signal: AbortSignal.timeout(10_000) }).then(
    (res) => res.status,
    () => 0,
  );

interface Session {
  cookie: string;
  csrf: string;
}

async function login(server: ServerProcess, username: string, password = TEST_PASSWORD) {
  return fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
}

async function session(server: ServerProcess, username: string): Promise<Session> {
  const res = await login(server, username);
  expect(res.status).toBe(200);
  return { cookie: res.headers.get('set-cookie')!.split(';')[0], csrf: (await res.json()).csrfToken };
}

/** A write and how it was answered: 0 is no answer (a hang or a dropped connection). */
interface Outcome {
  server: string;
  name: string;
  status: number;
  code?: string;
  retryAfter?: string | null;
  at: number;
}

/** Anju keeps running through a database outage and loses nothing it acknowledged. */
describe.runIf(base)('the database going away', () => {
  const name = `anju_outage_${randomInt(1e9)}`;
  const target = base ? new URL(base) : undefined;
  const url = target ? Object.assign(new URL(base!), { pathname: `/${name}` }).toString() : '';
  const appNames = [`${name}_a`, `${name}_b`];
  let admin: Database;
  let database: Database;
  let proxy: TcpProxy;
  let a: ServerProcess;
  let b: ServerProcess;
  let tree: Tree;
  const exits: string[] = [];

  beforeAll(async () => {
    admin = await openPostgres(base!, 1);
    await admin.query(`CREATE DATABASE ${name}`);
    database = await openPostgres(url, 2);
    await migrate(database);
    tree = await makeTree(database);
    proxy = await startTcpProxy({ host: target!.hostname, port: Number(target!.port || 5432) });
    const through = (appName: string) => {
      const u = new URL(url);
      u.host = `127.0.0.1:${proxy.port}`;
      u.searchParams.set('application_name', appName);
      return u.toString();
    };
    // the heartbeat would end an open stream on a failed session check; this test watches the LISTEN
    const env = { ANJU_SECRET_KEY: TEST_SECRET, ANJU_NOTIFICATION_HEARTBEAT_MS: '600000' };
    [a, b] = await Promise.all(appNames.map((n) => startServer({ ...env, DATABASE_URL: through(n) })));
    for (const [label, server] of [
      ['a', a],
      ['b', b],
    ] as const)
      server.child.on('exit', (code, signal) => exits.push(`${label}: ${code ?? signal}`));
  }, 180_000);

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await proxy?.close();
    await database?.close();
    await admin?.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin?.close();
  });

  it('answers 503 while it is away, comes back by itself and keeps every acknowledged write', async () => {
    const staff = await makeUser(database, ['community_staff'], [tree.community]);
    const security = await makeUser(database, ['security_admin']);
    const victim = await makeUser(database, ['audit_admin']);
    const sessions = new Map([
      [a, await session(a, staff.username)],
      [b, await session(b, staff.username)],
    ]);

    // a page open on b before the outage
    const watcher = await session(b, security.username);
    const controller = new AbortController();
    const stream = await fetch(`${b.url}/api/notifications/stream`, {
      headers: { cookie: watcher.cookie },
      signal: controller.signal,
    });
    const reader = stream.body!.getReader();
    let streamed = '';
    void (async () => {
      for (;;) {
        const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
        if (done) break;
        streamed += new TextDecoder().decode(value);
      }
    })();

    // a steady load of writes on both processes
    const outcomes: Outcome[] = [];
    let writing = true;
    const writer = async (server: ServerProcess, label: string) => {
      const { cookie, csrf } = sessions.get(server)!;
      for (let i = 0; writing; i++) {
        const placeName = `${label}-${i}`;
        const outcome: Outcome = { server: label, name: placeName, status: 0, at: Date.now() };
        try {
          const res = await fetch(`${server.url}/api/places`, {
            method: 'POST',
            headers: { cookie, 'x-csrf-token': csrf, 'content-type': 'application/json' },
            body: JSON.stringify({ parentId: String(tree.grid), level: 'building', name: placeName }),
            signal: AbortSignal.timeout(15_000),
          });
          outcome.status = res.status;
          outcome.retryAfter = res.headers.get('retry-after');
          if (res.status >= 300) outcome.code = (await res.json()).error?.code;
          else await res.arrayBuffer();
        } catch {
          // no answer: counted as status 0
        }
        outcomes.push(outcome);
        await new Promise((r) => setTimeout(r, 10));
      }
    };
    const writers = Promise.all([writer(a, 'a'), writer(b, 'b')]);
    const acked = (after = 0) => outcomes.filter((o) => o.status === 201 && o.at >= after).length;
    const bothReady = async () => (await health(a)) === 200 && (await health(b)) === 200;

    await waitFor('writes before the outage', () => acked() >= 10);

    // (a) every backend of both processes terminated under load
    const killedAt = Date.now();
    const killed = await database.query<{ pid: number }>(
      `SELECT pid FROM pg_stat_activity WHERE datname = $1 AND application_name = ANY($2)
          AND pg_terminate_backend(pid)`,
      [name, appNames],
    );
    expect(killed.length).toBeGreaterThanOrEqual(2);
    await waitFor('both processes ready after the terminations', bothReady);
    await waitFor('writes after the terminations', () => acked(killedAt) >= 10);

    // (b) the database restarts, as the processes see it: connections dropped, new ones refused
    proxy.cut();
    const cutAt = Date.now();
    await waitFor('both processes to report the database away', async () => {
      const [ha, hb] = await Promise.all([health(a), health(b)]);
      return ha === 503 && hb === 503;
    });
    await waitFor('503s on both processes', () =>
      ['a', 'b'].every((s) => outcomes.some((o) => o.server === s && o.at > cutAt && o.status === 503)),
    );
    await waitFor('an outage of a few seconds', () => Date.now() - cutAt >= 3000);
    proxy.restore();
    const restoredAt = Date.now();
    await waitFor('both processes ready after the restart', bothReady);
    const backAfter = Date.now() - restoredAt;
    await waitFor('writes after the restart', () => acked(restoredAt) >= 10);
    writing = false;
    await writers;

    expect(exits).toEqual([]);
    expect(backAfter).toBeLessThan(5000);
    const unexpected = outcomes.filter((o) => o.status !== 201 && o.status !== 503);
    expect(unexpected).toEqual([]);
    const unavailable = outcomes.filter((o) => o.status === 503);
    expect(unavailable.length).toBeGreaterThan(0);
    for (const o of unavailable) expect([o.code, o.retryAfter]).toEqual(['database_unavailable', '5']);

    // every acknowledged write is there
    const stored = new Set(
      (
        await database.query<{ name: string }>(`SELECT name FROM places WHERE parent_id = $1`, [tree.grid])
      ).map((r) => r.name),
    );
    const lost = outcomes.filter((o) => o.status === 201 && !stored.has(o.name)).map((o) => o.name);
    expect(lost).toEqual([]);

    // the LISTEN came back: a notification made on a after the outage reaches the stream open on b
    for (let i = 0; i < 5; i++) await login(a, victim.username, 'wrong-password');
    await waitFor('the notification on the stream opened before the outage', () =>
      streamed.includes(`"username":"${victim.username}"`),
    );
    controller.abort();
    expect(streamed).toContain('event: notification');

    // the job workers poll again: a job sent now is done
    const boss = new PgBoss({ connectionString: url, supervise: false, schedule: false, migrate: false });
    await boss.start();
    try {
      const id = await boss.send('sessions-purge', {});
      await waitFor('a job sent after the outage to be done', async () => {
        const [job] = await database.query<{ state: string }>(`SELECT state FROM pgboss.job WHERE id = $1`, [
          id,
        ]);
        return job?.state === 'completed';
      });
    } finally {
      await boss.stop({ graceful: false, wait: true });
    }
    expect(exits).toEqual([]);
  }, 120_000);
});
