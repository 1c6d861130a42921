// `npm run bench -- sites [--scale county|province|nation] [--reuse] [--pages 300] [--concurrency 4]`:
// (a) demand against capacity for every site and facility of the scale (Anju's one statement, as a
// county's overview runs it) against hand-written SQL computing the same per-site demand and capacity
// in the same run, the ratio of their times; (b) a site's support page (GET /api/sites/:id) through the
// API, latency at the given concurrency.
import { FACILITY_DEMAND } from '@anju/contracts';
import { buildApp } from '../server/src/app.ts';
import { loadConfig } from '../server/src/config.ts';
import type { Database } from '../server/src/db/client.ts';
import { demandOf } from '../server/src/modules/sites/sites.repo.ts';
import { hashPassword } from '../server/src/platform/auth/password.ts';
import { measure } from './registry-load.ts';
import { fillScreeningData, SHAPES, type ShapeName } from './screening-data.ts';
import { arg, benchDatabase } from './util.ts';

const NAME = 'anju_bench_sites';
const PASSWORD = 'Bench#2026';

/** Every site's kindergarten, clinic, elder care and child care, serving that site, sized about right. */
async function fillSites(database: Database, shape: (typeof SHAPES)[ShapeName]) {
  await fillScreeningData(database, shape);
  await database.query(`SELECT setseed(0.21)`);
  await database.query(`
    WITH made AS (
      INSERT INTO site_facilities (name, kind, place_id, place_path, capacity, state)
      SELECT c.name || k.kind, k.kind, c.id, c.path, floor(random() * k.cap)::int, 'in_use'
        FROM places c CROSS JOIN (VALUES ('kindergarten', 60), ('clinic', 8), ('elder_care', 40), ('child_care', 20)) AS k(kind, cap)
       WHERE c.level = 'community'
      RETURNING id, place_id, place_path)
    INSERT INTO site_facility_sites (facility_id, site_id, site_path) SELECT id, place_id, place_path FROM made`);
}

/** The same per-site demand and capacity written by hand: people grouped by the site read from their path. */
const HAND_WRITTEN = (on: string, depth: number) => {
  const rules = Object.entries(FACILITY_DEMAND)
    .filter(([kind, r]) => !r.counts || r.counts === kind)
    .map(([kind, r]) => `('${kind}', '${r.group}', '${r.norm}', ${r.per})`)
    .join(', ');
  return `
  WITH people AS (
    SELECT split_part(p.residence_path, '/', ${depth + 2})::bigint AS site_id, count(*)::int AS residents,
           count(*) FILTER (WHERE p.birth_date > DATE '${on}' - interval '6 years' AND p.birth_date <= DATE '${on}' - interval '3 years')::int AS children_3_5,
           count(*) FILTER (WHERE p.birth_date > DATE '${on}' - interval '12 years' AND p.birth_date <= DATE '${on}' - interval '6 years')::int AS children_6_11,
           count(*) FILTER (WHERE p.birth_date > DATE '${on}' - interval '15 years' AND p.birth_date <= DATE '${on}' - interval '12 years')::int AS children_12_14,
           count(*) FILTER (WHERE p.birth_date <= DATE '${on}' - interval '60 years' OR p.disability_grade IS NOT NULL)::int AS elderly_or_disabled
      FROM persons p WHERE p.status = 'living' GROUP BY 1),
  cap AS (SELECT fs.site_id, x.kind, sum(x.capacity) AS capacity
            FROM site_facilities x JOIN site_facility_sites fs ON fs.facility_id = x.id
           WHERE x.state = 'in_use' GROUP BY 1, 2)
  SELECT count(*)::int AS rows, sum(ceil(CASE r.grp WHEN 'residents' THEN pe.residents WHEN 'children_3_5' THEN pe.children_3_5
                                              WHEN 'children_6_11' THEN pe.children_6_11 WHEN 'children_12_14' THEN pe.children_12_14
                                              ELSE pe.elderly_or_disabled END::numeric * n.value / r.per))::bigint AS demand,
         sum(coalesce(c.capacity, 0))::bigint AS capacity
    FROM people pe CROSS JOIN (VALUES ${rules}) AS r(kind, grp, norm, per)
    JOIN governance_norms n ON n.code = r.norm
    LEFT JOIN cap c ON c.site_id = pe.site_id AND c.kind = r.kind`;
};

const timed = async <T>(work: () => Promise<T>) => {
  const started = performance.now();
  const value = await work();
  return { value, seconds: (performance.now() - started) / 1000 };
};

export default async function run(args: string[]) {
  const scale = arg(args, 'scale', 'nation') as ShapeName;
  if (!(scale in SHAPES)) throw new Error(`--scale must be one of ${Object.keys(SHAPES).join(', ')}`);
  const { database, fillSeconds } = await benchDatabase(NAME, {
    reuse: args.includes('--reuse'),
    pool: 8,
    filled: 'site_facilities',
    fill: (db) => fillSites(db, SHAPES[scale]),
  });
  console.error(`data ready${fillSeconds === null ? ' (reused)' : ` in ${fillSeconds} s`}; measuring`);
  const on = new Date().toISOString().slice(0, 10);
  const sites = await database.query<{ id: number; depth: number }>(
    `SELECT id::int8 AS id, depth FROM places WHERE level = 'community' ORDER BY id`,
  );
  const ids = sites.map((s) => Number(s.id));
  const hand = async () => (await database.query<{ demand: string }>(HAND_WRITTEN(on, sites[0].depth)))[0];
  const anju = async () => {
    const rows = await demandOf(database.db, ids, on);
    return rows.filter((r) => r.what === 'site').reduce((n, r) => n + r.demand, 0);
  };
  await hand();
  const baseline = await timed(hand);
  await anju();
  const statement = await timed(anju);
  if (statement.value !== Number(baseline.value.demand))
    throw new Error(`demand differs: Anju ${statement.value}, hand-written ${baseline.value.demand}`);

  const [user] = await database.query<{ id: number }>(
    `INSERT INTO users (username, display_name, password_hash, roles) VALUES ('bench_sites', '基准', $1, '{county_admin}')
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
    payload: { username: 'bench_sites', password: PASSWORD },
  });
  const cookie = `anju_sid=${login.cookies.find((c) => c.name === 'anju_sid')!.value}`;
  const pages = Number(arg(args, 'pages', '300'));
  const page = await measure(
    Array.from({ length: pages }, (_, i) => async () => {
      const res = await app.inject({
        method: 'GET',
        url: `/api/sites/${ids[(i * 7919) % ids.length]}`,
        headers: { cookie },
      });
      if (res.statusCode !== 200) throw new Error(`site page: ${res.statusCode} ${res.body}`);
    }),
    Number(arg(args, 'concurrency', '4')),
  );
  await app.close();
  await database.close();
  return {
    scale,
    sites: ids.length,
    fillSeconds,
    anjuSeconds: +statement.seconds.toFixed(2),
    handWrittenSeconds: +baseline.seconds.toFixed(2),
    ratio: +(baseline.seconds / statement.seconds).toFixed(2),
    ratioTarget: 0.7,
    sitePage: { ...page, p95TargetMs: 50 },
  };
}
