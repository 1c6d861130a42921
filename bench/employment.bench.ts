// `npm run bench -- employment [--scale county|province|nation] [--reuse] [--saves 400] [--concurrency 4]
// [--rankings 200]`:
// (a) zero-employment flags recomputed for every household of the scale (Anju's one statement, as the
// nightly recompute runs it, with the job-loss leads it raises after) against hand-written SQL computing the same flags in the same run, the
// ratio of their times; (b) saving one employment record through the API (POST /api/employment/records),
// the household's zero-employment update included, latency at the given concurrency; (c) and (d), the
// jobs module's rankings through the API and bare, in employment-ranking.ts.
import { sql } from 'drizzle-orm';
import { buildApp } from '../server/src/app.ts';
import { loadConfig } from '../server/src/config.ts';
import type { Database } from '../server/src/db/client.ts';
import { recomputeEverywhere } from '../server/src/modules/employment/zero.service.ts';
import { hashPassword } from '../server/src/platform/auth/password.ts';
import { fillEmploymentData, fillJobData, SHAPES, type ShapeName } from './employment-data.ts';
import { rankings } from './employment-ranking.ts';
import { measure } from './registry-load.ts';
import { arg, benchDatabase } from './util.ts';

const NAME = 'anju_bench_employment';
const PASSWORD = 'Bench#2026';

/** The same flags written by hand: labour and employment per household by aggregation, then one insert. */
const HAND_WRITTEN = (on: string) => `
  WITH state AS (
    SELECT h.id,
           bool_or(p.status = 'living' AND p.labour_capacity IN ('full', 'partial')
                   AND p.birth_date <= DATE '${on}' - interval '16 years'
                   AND p.birth_date > DATE '${on}' - CASE WHEN p.sex = 'female' THEN interval '55 years' ELSE interval '60 years' END)
             AS labour,
           bool_or(p.status = 'living' AND e.person_id IS NOT NULL) AS employed
      FROM households h
      JOIN persons p ON p.household_id = h.id
      LEFT JOIN (SELECT DISTINCT person_id FROM employment_records
                  WHERE end_on IS NULL OR end_on >= DATE '${on}') e ON e.person_id = p.id
     WHERE h.status = 'active'
     GROUP BY h.id)
  INSERT INTO zero_employment_households (household_id, flagged_on, due_on)
  SELECT id, DATE '${on}', DATE '${on}' + 30 FROM state WHERE labour AND NOT employed`;

const timed = async <T>(work: () => Promise<T>) => {
  const started = performance.now();
  const value = await work();
  return { value, seconds: (performance.now() - started) / 1000 };
};

/** Community staff over every province of the data, signed in through the API. */
async function signedIn(database: Database) {
  const [user] = await database.query<{ id: number }>(
    `INSERT INTO users (username, display_name, password_hash, roles) VALUES ('bench_employment', '基准', $1, '{community_staff}')
     ON CONFLICT (username) DO UPDATE SET password_hash = EXCLUDED.password_hash RETURNING id::int8 AS id`,
    [await hashPassword(PASSWORD)],
  );
  await database.query(`DELETE FROM user_scopes WHERE user_id = $1`, [user.id]);
  await database.query(
    `INSERT INTO user_scopes (user_id, place_id) SELECT $1, id FROM places WHERE level = 'province'`,
    [user.id],
  );
  const config = loadConfig({
    webDist: '/nonexistent',
    runJobs: false,
    rateLimitLogin: 10_000,
    secretKey: 'be'.repeat(32),
  });
  const app = await buildApp(config, database, { logger: false });
  await app.ready();
  const login = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username: 'bench_employment', password: PASSWORD },
  });
  const headers = {
    cookie: `anju_sid=${login.cookies.find((c) => c.name === 'anju_sid')!.value}`,
    'x-csrf-token': login.json().csrfToken as string,
  };
  return { app, headers, userId: Number(user.id) };
}

/** New jobs of random people of the labour force through the API, each with its household's zero-employment update. */
async function saving(
  database: Database,
  { app, headers }: Awaited<ReturnType<typeof signedIn>>,
  saves: number,
  concurrency: number,
) {
  const people = await database.query<{ id: number }>(
    `SELECT id::int8 AS id FROM persons WHERE status = 'living' AND labour_capacity IN ('full', 'partial')
      ORDER BY md5(id::text) LIMIT $1`,
    [saves],
  );
  const latency = await measure(
    people.map((p) => async () => {
      const res = await app.inject({
        method: 'POST',
        url: '/api/employment/records',
        headers,
        payload: {
          personId: String(p.id),
          kind: 'workshop',
          employerName: '帮扶车间',
          monthlyWage: 2600,
          startOn: '2025-03-01',
          source: 'grid_worker',
        },
      });
      if (res.statusCode !== 201) throw new Error(`saving a record answered ${res.statusCode}: ${res.body}`);
    }),
    concurrency,
  );
  return latency;
}

export default async function run(args: string[]) {
  const scale = arg(args, 'scale', 'nation') as ShapeName;
  if (!(scale in SHAPES)) throw new Error(`--scale must be one of ${Object.keys(SHAPES).join(', ')}`);
  const { database, fillSeconds } = await benchDatabase(NAME, {
    reuse: args.includes('--reuse'),
    pool: 8,
    filled: 'employment_records',
    fill: (db) => fillEmploymentData(db, SHAPES[scale]),
  });
  console.error(`data ready${fillSeconds === null ? ' (reused)' : ` in ${fillSeconds} s`}; measuring`);
  const on = new Date().toISOString().slice(0, 10);
  const clear = () => database.query('TRUNCATE zero_employment_households CASCADE');
  // the settings Anju's recompute gives itself: memory for its hashes, no JIT compilation
  const hand = async () => {
    await clear();
    return database.db.transaction(async (tx) => {
      await tx.execute(sql`SELECT set_config('work_mem', '64MB', true), set_config('jit', 'off', true)`);
      return (await tx.execute(sql.raw(HAND_WRITTEN(on)))).rowCount ?? 0;
    });
  };
  const anju = async () => {
    await clear();
    return (await recomputeEverywhere(database)).flagged;
  };
  await hand();
  const baseline = await timed(hand);
  await anju();
  const recompute = await timed(anju);
  if (recompute.value !== baseline.value)
    throw new Error(`flags differ: Anju ${recompute.value}, hand-written ${baseline.value}`);
  const [{ households }] = await database.query<{ households: number }>(
    `SELECT count(*)::int AS households FROM households WHERE status = 'active'`,
  );
  const [{ jobs }] = await database.query<{ jobs: boolean }>(`SELECT EXISTS (SELECT 1 FROM jobs) AS jobs`);
  if (!jobs) await fillJobData(database);
  const api = await signedIn(database);
  const ranked = await rankings(
    database,
    api.app,
    api.headers,
    api.userId,
    Number(arg(args, 'rankings', '200')),
  );
  const save = await saving(
    database,
    api,
    Number(arg(args, 'saves', '400')),
    Number(arg(args, 'concurrency', '4')),
  );
  await api.app.close();
  await database.close();
  return {
    scale,
    households,
    flagged: recompute.value,
    fillSeconds,
    anjuSeconds: +recompute.seconds.toFixed(2),
    handWrittenSeconds: +baseline.seconds.toFixed(2),
    ratio: +(baseline.seconds / recompute.seconds).toFixed(2),
    saveRecord: save,
    ...ranked,
  };
}
