// npm run bench -- incidents [--seconds 15] [--connections 64] [--rate 3.1] [--reuse] [--no-sweep]
// County-scale history (≥ 1,000,000 incidents at --rate 3.1 a household a month) on PostgreSQL, then:
// 1. one create to three scoped open lists, as residents, grid workers and community staff, through
//    Anju versus a bare Fastify + pg handler running the same SQL, in the same run;
// 2. the overdue sweep over every incident reopened (about 1 in 700 past due) versus one hand-written UPDATE.
import { spawn } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import autocannon from 'autocannon';
import pg from 'pg';
import { openPostgres, type Database } from '../server/src/db/client.ts';
import { migrate } from '../server/src/db/migrate.ts';
import { demoAccountsSeeder } from '../server/src/seed/demo-accounts.ts';
import { incidentsSeederWith } from '../server/src/seed/incidents-seeder.ts';
import { seed } from '../server/src/seed/index.ts';
import { personsSeeder } from '../server/src/seed/persons-seeder.ts';
import { placesSeeder } from '../server/src/seed/places-seeder.ts';
import { sweep } from '../server/src/modules/incidents/sweep.ts';
import { hashPassword } from '../server/src/platform/auth/password.ts';
import { createCipher } from '../server/src/platform/crypto.ts';
import { arg, BENCH_PG, freshDatabase } from './util.ts';

const NAME = 'anju_bench_incidents';
const PASSWORD = 'Bench#2026';
const CATEGORIES = ['neighbour_dispute', 'environment_sanitation', 'property_repair', 'policy_consultation'];
const seconds = (since: number) => +((performance.now() - since) / 1000).toFixed(2);

interface Member {
  role: 'resident' | 'grid_worker' | 'community_staff';
  userId: number;
  scope: string;
  dwelling: { id: number; path: string };
  cookie?: string;
  csrf?: string;
}

/** Residents, grid workers and community staff spread over the grids: one of each per grid, staff per community. */
async function members(database: Database): Promise<Member[]> {
  const homes = await database.query<{ grid: string; community: string; id: number; path: string }>(
    `SELECT DISTINCT ON (g.id) g.path AS grid, c.path AS community, d.id::int8 AS id, d.path
       FROM places g JOIN places c ON c.id = g.parent_id
       JOIN places d ON d.path LIKE g.path || '%' AND d.level = 'dwelling'
       JOIN households h ON h.dwelling_id = d.id
      WHERE g.level = 'grid' ORDER BY g.id, d.id LIMIT 24`,
  );
  const hash = await hashPassword(PASSWORD);
  const found: Member[] = [];
  const add = async (role: Member['role'], scope: string, dwelling: { id: number; path: string }) => {
    const [u] = await database.query<{ id: number }>(
      `INSERT INTO users (username, display_name, password_hash, roles) VALUES ($1, $1, $2, $3::text[])
       ON CONFLICT (username) DO UPDATE SET password_hash = EXCLUDED.password_hash RETURNING id::int8 AS id`,
      [`bench_${role}_${found.length}`, hash, [role]],
    );
    const placeId = Number(scope.split('/').filter(Boolean).at(-1));
    await database.query(
      'INSERT INTO user_scopes (user_id, place_id) VALUES ($1, $2) ON CONFLICT DO NOTHING',
      [u.id, placeId],
    );
    found.push({ role, userId: Number(u.id), scope, dwelling });
  };
  const communities = new Set<string>();
  for (const h of homes) {
    const home = { id: Number(h.id), path: h.path };
    await add('resident', h.path, home);
    await add('grid_worker', h.grid, home);
    if (!communities.has(h.community)) await add('community_staff', h.community, home);
    communities.add(h.community);
  }
  return found;
}

async function signIn(base: string, m: Member, username: string) {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`sign-in of ${username} answered ${res.status}`);
  m.cookie = res.headers.get('set-cookie')!.split(';')[0];
  m.csrf = ((await res.json()) as { csrfToken: string }).csrfToken;
}

type Request = { method: 'GET' | 'POST'; path: string; headers: Record<string, string>; body?: string };

/** The mix, as requests to Anju and to the bare handler: a create, then three scoped lists. */
function requestMix(all: Member[]) {
  const reporters = all.filter((m) => m.role !== 'community_staff');
  const listers = all.filter((m) => m.role !== 'resident');
  const anju: Request[] = [];
  const bare: Request[] = [];
  const json = { 'content-type': 'application/json' };
  for (let n = 0; n < 240; n++) {
    const m = reporters[n % reporters.length];
    const category = CATEGORIES[n % CATEGORIES.length];
    const body = { categoryCode: category, title: '楼道灯不亮', placeId: String(m.dwelling.id) };
    anju.push({
      method: 'POST',
      path: '/api/incidents',
      headers: { ...json, cookie: m.cookie!, 'x-csrf-token': m.csrf! },
      body: JSON.stringify(body),
    });
    bare.push({
      method: 'POST',
      path: '/incidents',
      headers: json,
      body: JSON.stringify({
        ...body,
        placeId: m.dwelling.id,
        source: m.role,
        userId: m.userId,
        username: `bench_${m.role}_${all.indexOf(m)}`,
        name: `bench_${m.role}_${all.indexOf(m)}`,
        scopeIds: m.scope.split('/').filter(Boolean).map(Number),
      }),
    });
    for (let k = 0; k < 3; k++) {
      const l = listers[(3 * n + k) % listers.length];
      anju.push({ method: 'GET', path: '/api/incidents?open=true', headers: { cookie: l.cookie! } });
      bare.push({
        method: 'GET',
        path: `/incidents?user=${l.userId}&scope=${encodeURIComponent(l.scope)}`,
        headers: {},
      });
    }
  }
  return { anju, bare };
}

/**
 * Closes what earlier measurements reported, so each one lists the seeded history plus only its own
 * creates (they all land in the first grids, and would otherwise make every later list longer).
 */
async function closeEarlierReports(database: Database, all: Member[]) {
  await database.query(
    `UPDATE incidents SET status = 'closed', closed_at = now()
      WHERE reporter_user_id = ANY($1) AND status NOT IN ('closed', 'recalled')`,
    [all.map((m) => m.userId)],
  );
  await database.query('VACUUM ANALYZE incidents');
}

async function load(base: string, mix: Request[], connections: number, duration: number) {
  let next = 0;
  const r = await autocannon({
    url: base,
    connections,
    duration,
    requests: [{ setupRequest: (req) => ({ ...req, ...mix[next++ % mix.length] }) }],
  });
  return {
    rps: Math.round(r.requests.average),
    p50ms: r.latency.p50,
    p99ms: r.latency.p99,
    errors: r.errors + r.non2xx,
  };
}

export default async function incidents(args: string[]) {
  const duration = Number(arg(args, 'seconds', '15'));
  const connections = Number(arg(args, 'connections', '64'));
  const rate = Number(arg(args, 'rate', '3.1'));
  const url = args.includes('--reuse')
    ? Object.assign(new URL(BENCH_PG), { pathname: `/${NAME}` }).toString()
    : await freshDatabase(NAME);
  const database = await openPostgres(url, 6);
  await migrate(database);
  let seedSeconds: number | undefined;
  if (!args.includes('--reuse')) {
    const started = performance.now();
    await seed(database, {
      scale: 'county',
      seed: 1,
      cipher: createCipher(Buffer.from('be'.repeat(32), 'hex')),
      seeders: [
        placesSeeder,
        personsSeeder,
        demoAccountsSeeder,
        incidentsSeederWith({ perHouseholdMonth: rate }),
      ],
    });
    seedSeconds = seconds(started);
    await database.query('VACUUM ANALYZE');
  }
  const [{ incidents: total }] = await database.query<{ incidents: number }>(
    'SELECT count(*)::int AS incidents FROM incidents',
  );
  const all = await members(database);

  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(import.meta.dirname, 'incidents-target.ts')],
    {
      env: { ...process.env, DATABASE_URL: url },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  let http;
  try {
    const ports = JSON.parse(
      await new Promise<string>((r) => readline.createInterface(child.stdout!).once('line', r)),
    );
    const anjuBase = `http://127.0.0.1:${ports.anju}`;
    const bareBase = `http://127.0.0.1:${ports.bare}`;
    for (const m of all) await signIn(anjuBase, m, `bench_${m.role}_${all.indexOf(m)}`);
    const mix = requestMix(all);
    const measure = async (base: string, requests: Request[]) => {
      await closeEarlierReports(database, all);
      await load(base, requests, connections, 5);
      return load(base, requests, connections, duration);
    };
    const bare = await measure(bareBase, mix.bare);
    const anju = await measure(anjuBase, mix.anju);
    http = { anju, bare, ratio: +(anju.rps / bare.rps).toFixed(2) };
  } finally {
    child.kill('SIGTERM');
  }

  // the sweep runs on a copy, so --reuse finds the history as it was seeded
  await database.close();
  const common = { database: 'postgres', scale: 'county', incidents: total, seedSeconds, connections };
  if (args.includes('--no-sweep')) return { ...common, seconds: duration, ...http };
  const copy = await copyDatabase(url, `${NAME}_sweep`);
  const swept = await sweepFigures(copy);
  await dropDatabase(`${NAME}_sweep`);
  return { ...common, seconds: duration, ...http, ...swept };
}

/** Every incident open again, due over the coming week, about 1 in 700 already past due; the sweep against one UPDATE. */
async function sweepFigures(url: string) {
  const database = await openPostgres(url, 4);
  const now = new Date();
  await database.query(
    `UPDATE incidents SET status = 'in_progress', closed_at = NULL, satisfaction = NULL, overdue = false,
       supervised = false, due_at = $1::timestamptz + make_interval(mins => (id % 1000)::int - 10)
                                    + make_interval(days => (id % 7)::int)`,
    [now],
  );
  await database.query('VACUUM ANALYZE incidents');
  const [{ open }] = await database.query<{ open: number }>(
    `SELECT count(*)::int AS open FROM incidents WHERE status NOT IN ('closed', 'recalled')`,
  );
  const client = await database.pool!.connect();
  let started = performance.now();
  await client.query('BEGIN');
  const baseline = await client.query(
    `UPDATE incidents SET overdue = true, supervised = true, version = version + 1
      WHERE status NOT IN ('closed', 'recalled') AND NOT overdue AND due_at < $1`,
    [now],
  );
  const baselineSeconds = seconds(started);
  await client.query('ROLLBACK');
  client.release();
  await database.query('VACUUM ANALYZE incidents');
  started = performance.now();
  const swept = await sweep(database, now);
  const sweepSeconds = seconds(started);
  await database.close();
  return {
    sweep: { open, seconds: sweepSeconds, ...swept },
    sweepBaseline: { seconds: baselineSeconds, marked: baseline.rowCount },
  };
}

async function admin<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: BENCH_PG });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

async function copyDatabase(from: string, name: string): Promise<string> {
  await dropDatabase(name);
  await admin((c) => c.query(`CREATE DATABASE ${name} TEMPLATE ${new URL(from).pathname.slice(1)}`));
  return Object.assign(new URL(BENCH_PG), { pathname: `/${name}` }).toString();
}

const dropDatabase = (name: string) => admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
