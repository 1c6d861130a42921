// npm run bench -- registry [--scale province] [--requests 1000] [--concurrency 8] [--seed 1] [--reuse]
// Seeds a scale into a fresh PostgreSQL database, then measures the registry's scoped person search and
// household detail through Anju's HTTP API as users of three scopes (community, township, county),
// against a baseline in the same run: the same SQL straight through pg; and the database CPU per search,
// which other work on the machine does not inflate. --reuse keeps a database seeded by an earlier run.
import { spawn } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import type { PersonQuery } from '@anju/contracts';
import type { Database } from '../server/src/db/client.ts';
import { seed, SCALE_NAMES, type ScaleName } from '../server/src/seed/index.ts';
import { DEMO_TOWNSHIP } from '../server/src/seed/scales.ts';
import { hashPassword } from '../server/src/platform/auth/password.ts';
import { createCipher } from '../server/src/platform/crypto.ts';
import {
  detailSql,
  explainSearch,
  httpJob,
  measure,
  searchCpu,
  searchSql,
  type Latency,
} from './registry-load.ts';
import { arg, benchDatabase } from './util.ts';

const NAME = 'anju_bench_registry';
const SECRET = process.env.ANJU_SECRET_KEY ?? 'be'.repeat(32);
const PASSWORD = 'Bench#2026';
const SURNAMES = ['李', '王', '张', '杨', '陈', '刘', '马', '罗', '赵', '吴'];
const TAGS = ['left_behind_child', 'dibao', 'disabled', 'elderly_alone', 'left_behind_elderly'];

const seeded = (scale: ScaleName, seedNumber: number, reuse: boolean) =>
  benchDatabase(NAME, {
    reuse,
    pool: 16,
    filled: 'persons',
    async fill(database) {
      await seed(database, { scale, seed: seedNumber, cipher: createCipher(Buffer.from(SECRET, 'hex')) });
      await database.query('VACUUM ANALYZE households');
      await database.query('VACUUM ANALYZE persons');
    },
  });

interface Scope {
  role: 'community_staff' | 'township_officer' | 'county_admin';
  placeId: number;
  path: string;
}

/** The demo community, its township 靖安镇 and its county 昭阳区: the busiest scopes of the seed. */
async function scopes(database: Database): Promise<Scope[]> {
  const [community] = await database.query<{ id: number; path: string }>(
    `SELECT c.id::int8 AS id, c.path FROM places c JOIN places t ON t.id = c.parent_id
     WHERE c.level = 'community' AND t.code = $1 ORDER BY c.id LIMIT 1`,
    [DEMO_TOWNSHIP],
  );
  const at = async (code: string) =>
    (
      await database.query<{ id: number; path: string }>(
        `SELECT id::int8 AS id, path FROM places WHERE code = $1`,
        [code],
      )
    )[0];
  const township = await at(DEMO_TOWNSHIP);
  const county = await at(DEMO_TOWNSHIP.slice(0, 6).padEnd(12, '0'));
  return [
    { role: 'community_staff', placeId: Number(community.id), path: community.path },
    { role: 'township_officer', placeId: Number(township.id), path: township.path },
    { role: 'county_admin', placeId: Number(county.id), path: county.path },
  ];
}

async function addUser(database: Database, s: Scope) {
  const [user] = await database.query<{ id: number }>(
    `INSERT INTO users (username, display_name, password_hash, roles) VALUES ($1, $1, $2, $3::text[])
     ON CONFLICT (username) DO UPDATE SET password_hash = EXCLUDED.password_hash RETURNING id::int8 AS id`,
    [`bench_${s.role}`, await hashPassword(PASSWORD), [s.role]],
  );
  await database.query(`DELETE FROM user_scopes WHERE user_id = $1`, [user.id]);
  await database.query(`INSERT INTO user_scopes (user_id, place_id) VALUES ($1, $2)`, [user.id, s.placeId]);
}

/** Search variations for a scope: by surname, by tag, by the last four phone digits of people in it. */
async function searches(database: Database, s: Scope, n: number) {
  const tails = await database.query<{ tail: string }>(
    `SELECT right(phone_masked, 4) AS tail FROM persons
      WHERE residence_path LIKE $1 AND phone_masked IS NOT NULL ORDER BY md5(id::text) LIMIT 50`,
    [`${s.path}%`],
  );
  const out: { url: string; filter: Partial<PersonQuery> }[] = [];
  for (let i = 0; out.length < n; i++) {
    const [key, value] =
      i % 3 === 0
        ? ['q', SURNAMES[i % SURNAMES.length]]
        : i % 3 === 1
          ? ['tags', TAGS[i % TAGS.length]]
          : ['phoneTail', tails[i % tails.length].tail];
    out.push({
      url: `/api/persons?${new URLSearchParams({ [key]: value, pageSize: '20' })}`,
      filter: { [key]: key === 'tags' ? [value] : value },
    });
  }
  return out;
}

async function householdIds(database: Database, s: Scope, n: number) {
  const rows = await database.query<{ id: number }>(
    `SELECT id::int8 AS id FROM households WHERE residence_path LIKE $1 ORDER BY md5(id::text) LIMIT $2`,
    [`${s.path}%`, Math.min(n, 500)],
  );
  return Array.from({ length: n }, (_, i) => Number(rows[i % rows.length].id));
}

async function login(base: string, username: string) {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status}`);
  return res.headers.get('set-cookie')!.split(';')[0];
}

export default async function run(args: string[]) {
  const scale = arg(args, 'scale', 'province') as ScaleName;
  if (!SCALE_NAMES.includes(scale)) throw new Error(`--scale must be one of ${SCALE_NAMES.join(', ')}`);
  const requests = Number(arg(args, 'requests', '1000'));
  const concurrency = Number(arg(args, 'concurrency', '8'));
  const {
    url,
    database,
    fillSeconds: seedSeconds,
  } = await seeded(scale, Number(arg(args, 'seed', '1')), args.includes('--reuse'));
  const [{ people, households }] = await database.query<{ people: number; households: number }>(
    `SELECT (SELECT count(*)::int FROM persons) AS people, (SELECT count(*)::int FROM households) AS households`,
  );
  const users = await scopes(database);
  for (const s of users) await addUser(database, s);

  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(import.meta.dirname, 'http-target.ts')],
    {
      env: { ...process.env, DATABASE_URL: url, ANJU_SECRET_KEY: SECRET },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const ports = JSON.parse(
    await new Promise<string>((r) => readline.createInterface(child.stdout!).once('line', r)),
  ) as { anju: number };
  const base = `http://127.0.0.1:${ports.anju}`;
  const results: Record<string, unknown>[] = [];
  try {
    for (const s of users) {
      const cookie = await login(base, `bench_${s.role}`);
      const search = await searches(database, s, requests);
      const detail = await householdIds(database, s, requests);
      const figures: Record<string, Latency> = {};
      // a warm-up pass of each kind first, so both sides run with warm caches
      for (const pass of ['warm', 'measured']) {
        const anjuSearch = await measure(
          search.map((q) => httpJob(base, cookie, q.url)),
          concurrency,
        );
        const sqlSearch = await measure(
          await Promise.all(search.map((q) => searchSql(database, s.path, q.filter))),
          concurrency,
        );
        const anjuDetail = await measure(
          detail.map((id) => httpJob(base, cookie, `/api/households/${id}`)),
          concurrency,
        );
        const sqlDetail = await measure(
          await Promise.all(detail.map((id) => detailSql(database, id))),
          concurrency,
        );
        if (pass === 'measured') Object.assign(figures, { anjuSearch, sqlSearch, anjuDetail, sqlDetail });
      }
      const searchCpuMs = await searchCpu(
        database,
        s.path,
        search.slice(0, 150).map((q) => q.filter),
      );
      results.push({ role: s.role, ...figures, searchCpuMs });
      if (figures.anjuSearch.p95ms >= 50) {
        const plans = await Promise.all(
          [{ q: SURNAMES[0] }, { tags: [TAGS[0]] }, { phoneTail: '1234' }].map((q) =>
            explainSearch(database, s.path, q),
          ),
        );
        console.error(`${s.role}: search p95 ${figures.anjuSearch.p95ms} ms; plans:`);
        for (const p of plans) console.error(`${p.page}\n`);
      }
    }
  } finally {
    child.kill('SIGTERM');
    await database.close();
  }
  return {
    scale,
    database: 'postgres',
    people,
    households,
    seedSeconds,
    concurrency,
    requestsPerKind: requests,
    scopes: results,
    targets: { searchP95ms: 50, detailP95ms: 20 },
  };
}
