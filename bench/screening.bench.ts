// `npm run bench -- screening [--scale county|province|nation] [--reuse] [--updates 400] [--concurrency 4] [--only rescreen]`: poverty-return
// screening of every household in scope on PostgreSQL (Anju's screening run: rules read as data, flags
// computed and leads written in one statement), against a baseline measured in the same run — one
// hand-written SQL computing the same flags with the rules as constants. Anju runs twice: into an empty
// leads table (every flagged household a new lead), then again as a monthly run finds them again. Then the re-screening of
// one household after an income update, through the API (PUT /api/households/:id/incomes); `--only rescreen`
// measures that alone, on data screened before.
import { sql } from 'drizzle-orm';
import { SCREENING_RULES, type ScreeningRules } from '@anju/contracts';
import { buildApp } from '../server/src/app.ts';
import { loadConfig } from '../server/src/config.ts';
import type { Database } from '../server/src/db/client.ts';
import { rulesFor, saveRules } from '../server/src/modules/monitoring/rules.service.ts';
import { runScreening } from '../server/src/modules/monitoring/screening.service.ts';
import { hashPassword } from '../server/src/platform/auth/password.ts';
import type { Ctx } from '../server/src/platform/auth/actor.ts';
import { measure } from './registry-load.ts';
import { fillScreeningData, SHAPES, YEAR, type ShapeName } from './screening-data.ts';
import { arg, benchDatabase } from './util.ts';

const NAME = 'anju_bench_screening';
const PASSWORD = 'Bench#2026';

/** Every rule on: the defaults of migration 0014 with \`no_labour\` enabled. */
const RULES: ScreeningRules = {
  income_below_line: { enabled: true },
  income_near_line: { enabled: true, factor: 1.1 },
  income_drop: { enabled: true, percent: 30 },
  rigid_expense: { enabled: true, percent: 50 },
  new_illness_disability: { enabled: true, days: 180 },
  no_labour: { enabled: true },
  disaster_incident: { enabled: true, days: 90, categories: ['safety_hazard', 'property_repair'] },
};

/** RULES written out by hand: the flags, counted. */
const HAND_WRITTEN = `
  WITH h AS (SELECT id, residence_path FROM households WHERE status = 'active')
  SELECT count(*)::int AS screened,
         count(*) FILTER (WHERE below OR near OR dropped OR rigid OR ill OR no_labour OR hit)::int AS flagged,
         json_build_object('income_below_line', count(*) FILTER (WHERE below), 'income_near_line', count(*) FILTER (WHERE near),
           'income_drop', count(*) FILTER (WHERE dropped), 'rigid_expense', count(*) FILTER (WHERE rigid),
           'new_illness_disability', count(*) FILTER (WHERE ill), 'no_labour', count(*) FILTER (WHERE no_labour),
           'disaster_incident', count(*) FILTER (WHERE hit)) AS by_rule
    FROM (
      SELECT h.id,
             inc.per_capita_net < coalesce(lk.amount, lc.amount, lp.amount) AS below,
             inc.per_capita_net >= coalesce(lk.amount, lc.amount, lp.amount)
               AND inc.per_capita_net < coalesce(lk.amount, lc.amount, lp.amount) * 1.1 AS near,
             prev.per_capita_net > 0 AND inc.per_capita_net < prev.per_capita_net * 0.7 AS dropped,
             inc.medical_expense + inc.schooling_expense > 0
               AND inc.medical_expense + inc.schooling_expense > greatest(inc.net_income, 0) * 0.5 AS rigid,
             ill.household_id IS NOT NULL AS ill,
             able.household_id IS NULL AS no_labour,
             hit.household_id IS NOT NULL AS hit
        FROM h
        LEFT JOIN household_incomes inc ON inc.household_id = h.id AND inc.year = ${YEAR} AND inc.period = 'year'
        LEFT JOIN household_incomes prev ON prev.household_id = h.id AND prev.year = ${YEAR - 1} AND prev.period = 'year'
        LEFT JOIN monitoring_lines lk ON lk.year = ${YEAR} AND lk.place_id = split_part(h.residence_path, '/', 4)::bigint
        LEFT JOIN monitoring_lines lc ON lc.year = ${YEAR} AND lc.place_id = split_part(h.residence_path, '/', 3)::bigint
        LEFT JOIN monitoring_lines lp ON lp.year = ${YEAR} AND lp.place_id = split_part(h.residence_path, '/', 2)::bigint
        LEFT JOIN (SELECT DISTINCT household_id FROM registry_history r
                    WHERE person_id IS NOT NULL AND at >= now() - interval '180 days'
                      AND (changes->'health'->>1 IN ('serious_illness', 'disabled')
                           OR (changes ? 'disabilityGrade' AND changes->'disabilityGrade'->>0 IS NULL
                               AND changes->'disabilityGrade'->>1 IS NOT NULL))) ill ON ill.household_id = h.id
        LEFT JOIN (SELECT DISTINCT household_id FROM persons
                    WHERE status = 'living' AND labour_capacity IN ('full', 'partial')) able ON able.household_id = h.id
        LEFT JOIN (SELECT DISTINCT household_id FROM incidents
                    WHERE category_code IN ('safety_hazard', 'property_repair')
                      AND reported_at >= now() - interval '90 days') hit ON hit.household_id = h.id
    ) f`;

const prepared = (scale: ShapeName, reuse: boolean) =>
  benchDatabase(NAME, {
    reuse,
    pool: 8,
    filled: 'household_incomes',
    fill: (database) => fillScreeningData(database, SHAPES[scale]),
  });

/** A county administrator over every province of the data, as screening runs for a whole scope. */
async function official(database: Database) {
  const [user] = await database.query<{ id: number }>(
    `INSERT INTO users (username, display_name, password_hash, roles) VALUES ('bench_screening', '基准', $1, '{community_staff,county_admin}')
     ON CONFLICT (username) DO UPDATE SET password_hash = EXCLUDED.password_hash RETURNING id::int8 AS id`,
    [await hashPassword(PASSWORD)],
  );
  await database.query(`DELETE FROM user_scopes WHERE user_id = $1`, [user.id]);
  await database.query(
    `INSERT INTO user_scopes (user_id, place_id) SELECT $1, id FROM places WHERE level = 'province'`,
    [user.id],
  );
  const scopes = await database.query<{ id: number; path: string }>(
    `SELECT id::int8 AS id, path FROM places WHERE level = 'province' ORDER BY id`,
  );
  const ctx: Ctx = {
    actor: {
      userId: Number(user.id),
      username: 'bench_screening',
      displayName: '基准',
      roles: ['county_admin'],
      scopes: scopes.map((s) => ({ id: Number(s.id), path: s.path })),
      csrfToken: '',
      sessionHash: '',
      mustChangePassword: false,
    },
    ip: '127.0.0.1',
    requestId: 'bench',
  };
  return ctx;
}

const timed = async <T>(work: () => Promise<T>) => {
  const started = performance.now();
  const value = await work();
  return { value, seconds: (performance.now() - started) / 1000 };
};

/** Income updates of random households through the API, each naming the version it read. */
async function rescreening(database: Database, updates: number, concurrency: number) {
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
    payload: { username: 'bench_screening', password: PASSWORD },
  });
  const headers = {
    cookie: `anju_sid=${login.cookies.find((c) => c.name === 'anju_sid')!.value}`,
    'x-csrf-token': login.json().csrfToken as string,
  };
  const targets = await database.query<{ id: number; version: number; wage: number }>(
    `SELECT household_id::int8 AS id, version, wage FROM household_incomes
      WHERE year = ${YEAR} AND period = 'year' ORDER BY md5(household_id::text) LIMIT $1`,
    [updates],
  );
  const latency = await measure(
    targets.map((t) => async () => {
      const res = await app.inject({
        method: 'PUT',
        url: `/api/households/${t.id}/incomes`,
        headers,
        payload: {
          year: YEAR,
          wage: Math.round(t.wage * 0.6),
          operating: 0,
          property: 0,
          transfer: 1000,
          productionCosts: 0,
          medicalExpense: 500,
          schoolingExpense: 0,
          version: t.version,
        },
      });
      if (res.statusCode !== 200) throw new Error(`income update answered ${res.statusCode}: ${res.body}`);
    }),
    concurrency,
  );
  await app.close();
  return latency;
}

export default async function run(args: string[]) {
  const scale = arg(args, 'scale', 'nation') as ShapeName;
  if (!(scale in SHAPES)) throw new Error(`--scale must be one of ${Object.keys(SHAPES).join(', ')}`);
  const { database, fillSeconds } = await prepared(scale, args.includes('--reuse'));
  const ctx = await official(database);
  const inForce = await rulesFor(database, ctx);
  if (JSON.stringify(inForce.rules) !== JSON.stringify(RULES))
    await saveRules(database, ctx, {
      rules: RULES,
      note: 'benchmark: every rule on',
      version: inForce.version,
    });
  console.error(`data ready${fillSeconds === null ? ' (reused)' : ` in ${fillSeconds} s`}; measuring`);
  const updates = Number(arg(args, 'updates', '400'));
  const concurrency = Number(arg(args, 'concurrency', '4'));
  if (arg(args, 'only', '') === 'rescreen') {
    const rescreen = await rescreening(database, updates, concurrency);
    await database.close();
    return { scale, rescreen };
  }

  // the settings Anju's screening run gives itself: memory for its hashes, no JIT compilation
  const hand = () =>
    database.db.transaction(async (tx) => {
      await tx.execute(sql`SELECT set_config('work_mem', '64MB', true), set_config('jit', 'off', true)`);
      const [r] = (await tx.execute(sql.raw(HAND_WRITTEN))).rows as {
        screened: number;
        flagged: number;
        by_rule: Record<string, number>;
      }[];
      return r;
    });
  const anju = async () => {
    await database.query('TRUNCATE monitoring_leads CASCADE');
    return runScreening(database, ctx, { year: YEAR });
  };
  await hand();
  const baseline = await timed(hand);
  await anju();
  const screening = await timed(anju);
  const same = SCREENING_RULES.every((r) => screening.value.byRule[r] === baseline.value.by_rule[r]);
  if (
    !same ||
    screening.value.screened !== baseline.value.screened ||
    screening.value.flagged !== baseline.value.flagged
  )
    throw new Error(
      `flags differ: Anju ${screening.value.screened}/${screening.value.flagged}, ` +
        `hand-written ${baseline.value.screened}/${baseline.value.flagged}`,
    );
  // The monthly run as it mostly is: the same households found again, their open leads already there.
  const steady = await timed(() => runScreening(database, ctx, { year: YEAR }));
  const update = await rescreening(database, updates, concurrency);
  await database.close();
  const perSecond = (n: number, s: number) => Math.round(n / s);
  return {
    scale,
    households: screening.value.screened,
    flagged: screening.value.flagged,
    newLeads: screening.value.newLeads,
    byRule: screening.value.byRule,
    fillSeconds,
    anjuSeconds: +screening.seconds.toFixed(2),
    anjuHouseholdsPerSecond: perSecond(screening.value.screened, screening.seconds),
    handWrittenSeconds: +baseline.seconds.toFixed(2),
    handWrittenHouseholdsPerSecond: perSecond(baseline.value.screened, baseline.seconds),
    ratio: +(baseline.seconds / screening.seconds).toFixed(2),
    steadySeconds: +steady.seconds.toFixed(2),
    steadyHouseholdsPerSecond: perSecond(steady.value.screened, steady.seconds),
    steadyNewLeads: steady.value.newLeads,
    steadyRatio: +(baseline.seconds / steady.seconds).toFixed(2),
    rescreen: update,
  };
}
