// `npm run bench -- services [--scale tiny|province] [--reuse] [--allocations 200]`:
// (a) ranked providers for every open need of a province (≥ 50,000 needs at `province`) through
// Anju's one matching statement, scoped as a provincial official's, against hand-written SQL ranking
// the same providers in the same run, the ratio of their times (the rows must agree); (b) concurrent
// allocations of one unit against a resource with stock 50 through the resources service: exactly 50
// succeed, the rest are 409 conflicts, and the stock never goes below nothing.
import { sql } from 'drizzle-orm';
import type { Database } from '../server/src/db/client.ts';
import type { Actor, Ctx } from '../server/src/platform/auth/actor.ts';
import { AppError } from '../server/src/platform/errors.ts';
import { rankProviders } from '../server/src/modules/services/matching.repo.ts';
import { allocate } from '../server/src/modules/services/resources.service.ts';
import { needScope } from '../server/src/modules/services/services.policy.ts';
import { fillServicesData, SHAPES, type ShapeName } from './services-data.ts';
import { arg, benchDatabase } from './util.ts';

const NAME = 'anju_bench_services';
const PER_NEED = 10;

const norm = (code: string) => `(SELECT value FROM governance_norms WHERE code = '${code}')`;

/** The same ranking written by hand: each part computed once per organization, then a LATERAL top-10 per need. */
const HAND_WRITTEN = (provincePath: string) => `
  WITH ms AS (SELECT p.org_id, count(*) FILTER (WHERE m.done_on IS NOT NULL OR m.due_on < current_date) AS due,
                     count(*) FILTER (WHERE m.done_on <= m.due_on) AS on_time
                FROM service_project_milestones m JOIN service_projects p ON p.id = m.project_id GROUP BY p.org_id),
       rt AS (SELECT p.org_id, avg(r.rating) AS average
                FROM service_project_ratings r JOIN service_projects p ON p.id = r.project_id GROUP BY p.org_id),
       cp AS (SELECT p.org_id, count(c.id) AS complaints, count(DISTINCT p.id) AS projects
                FROM service_projects p LEFT JOIN service_project_complaints c ON c.project_id = p.id GROUP BY p.org_id),
       carried AS (SELECT org_id, count(*) AS n FROM service_needs
                    WHERE status IN ('referred', 'accepted', 'in_service') AND org_id IS NOT NULL GROUP BY org_id),
       cred AS (
         SELECT o.id, o.service_areas,
                round(greatest(0, least(100,
                  round(${norm('service_cred_on_time_weight')} * COALESCE(ms.on_time::numeric / NULLIF(ms.due, 0), ${norm('service_cred_prior_percent')} / 100.0), 1)
                + round(${norm('service_cred_rating_weight')} * COALESCE((rt.average - 1) / 4.0, ${norm('service_cred_prior_percent')} / 100.0), 1)
                - round(${norm('service_cred_complaint_points')} * COALESCE(cp.complaints::numeric / NULLIF(cp.projects, 0), 0), 1))), 1) AS score,
                o.staff_count * ${norm('service_cases_per_staff')} AS capacity,
                o.staff_count * ${norm('service_cases_per_staff')} - COALESCE(l.n, 0) AS capacity_left
           FROM social_organizations o
           LEFT JOIN ms ON ms.org_id = o.id LEFT JOIN rt ON rt.org_id = o.id
           LEFT JOIN cp ON cp.org_id = o.id LEFT JOIN carried l ON l.org_id = o.id),
       scored AS (
         SELECT id, service_areas, capacity_left,
                round(${norm('service_match_cred_weight')} * score / 100.0, 1)
                + round(${norm('service_match_capacity_weight')} * capacity_left::numeric / capacity, 1) AS score
           FROM cred WHERE capacity_left > 0)
  SELECT n.id AS need_id, x.id AS org_id, x.rank
    FROM service_needs n
   CROSS JOIN LATERAL (
     SELECT s.id, row_number() OVER (ORDER BY s.score DESC, s.capacity_left DESC, s.id)::int AS rank
       FROM scored s
      WHERE n.category = ANY(s.service_areas)
        AND EXISTS (SELECT 1 FROM social_org_places sp WHERE sp.org_id = s.id AND n.place_path LIKE sp.place_path || '%')
      ORDER BY s.score DESC, s.capacity_left DESC, s.id LIMIT ${PER_NEED}) x
   WHERE n.status = 'open' AND n.place_path LIKE '${provincePath}%'`;

const timed = async <T>(work: () => Promise<T>) => {
  const started = performance.now();
  const value = await work();
  return { value, seconds: (performance.now() - started) / 1000 };
};

const official = (userId: number, provincePath: string): Actor => ({
  userId,
  username: 'bench',
  displayName: 'bench',
  roles: ['county_admin'],
  scopes: [{ id: 0, path: provincePath }],
  csrfToken: '',
  sessionHash: '',
  mustChangePassword: false,
});

/** `n` allocations of one unit at once against the province's resource of stock 50, to an open need each. */
async function allocations(database: Database, actor: Actor, n: number) {
  const [resource] = await database.query<{ id: number }>(
    `UPDATE service_resources SET quantity = 50, remaining = 50 WHERE name = '基准物资' RETURNING id::int8 AS id`,
  );
  const needs = await database.query<{ id: number }>(
    `SELECT id::int8 AS id FROM service_needs WHERE status = 'open' ORDER BY id LIMIT $1`,
    [n],
  );
  const ctx: Ctx = { actor, ip: '127.0.0.1', requestId: 'bench' };
  const outcomes = await Promise.all(
    Array.from({ length: n }, (_, i) =>
      allocate(database, ctx, Number(resource.id), {
        needId: Number(needs[i % needs.length].id),
        quantity: 1,
      }).then(
        () => 'ok',
        (e: unknown) => (e instanceof AppError ? e.code : String(e)),
      ),
    ),
  );
  const [after] = await database.query<{ remaining: number }>(
    `SELECT remaining FROM service_resources WHERE id = $1`,
    [resource.id],
  );
  const succeeded = outcomes.filter((o) => o === 'ok').length;
  const conflicts = outcomes.filter((o) => o === 'conflict').length;
  if (succeeded !== 50 || conflicts !== n - 50 || after.remaining !== 0) {
    const other = outcomes.find((o) => o !== 'ok' && o !== 'conflict');
    throw new Error(
      `allocations: ${succeeded} succeeded, ${conflicts} conflicts, ${after.remaining} left (${other})`,
    );
  }
  return { allocations: n, succeeded, conflicts, remaining: after.remaining };
}

export default async function run(args: string[]) {
  const scale = arg(args, 'scale', 'province') as ShapeName;
  if (!(scale in SHAPES)) throw new Error(`--scale must be one of ${Object.keys(SHAPES).join(', ')}`);
  const { database, fillSeconds } = await benchDatabase(NAME, {
    reuse: args.includes('--reuse'),
    pool: 16,
    filled: 'service_needs',
    fill: (db) => fillServicesData(db, SHAPES[scale]),
  });
  console.error(`data ready${fillSeconds === null ? ' (reused)' : ` in ${fillSeconds} s`}; measuring`);
  const [province] = await database.query<{ path: string }>(
    `SELECT path FROM places WHERE level = 'province'`,
  );
  const [user] = await database.query<{ id: number }>(
    `INSERT INTO users (username, display_name, password_hash, roles) VALUES ('bench_services', '基准', 'x', '{county_admin}')
     ON CONFLICT (username) DO UPDATE SET roles = EXCLUDED.roles RETURNING id::int8 AS id`,
  );
  const actor = official(Number(user.id), province.path);
  const reader = { actor, orgId: null, households: [] };
  const [{ needs }] = await database.query<{ needs: number }>(
    `SELECT count(*)::int AS needs FROM service_needs WHERE status = 'open'`,
  );
  const anju = () => rankProviders(database.db, needScope(reader), PER_NEED);
  const hand = async () => (await database.db.execute(sql.raw(HAND_WRITTEN(province.path)))).rows;
  await hand();
  const baseline = await timed(hand);
  await anju();
  const matching = await timed(anju);
  const key = (rows: { need_id: unknown; org_id: unknown; rank: unknown }[]) =>
    rows
      .map((r) => `${r.need_id}:${r.org_id}:${r.rank}`)
      .sort()
      .join(',');
  if (key(matching.value) !== key(baseline.value as never))
    throw new Error(
      `rankings differ: Anju ${matching.value.length} rows, hand-written ${baseline.value.length}`,
    );
  const allocated = await allocations(database, actor, Number(arg(args, 'allocations', '200')));
  await database.close();
  return {
    scale,
    openNeeds: needs,
    ranked: matching.value.length,
    fillSeconds,
    anjuSeconds: +matching.seconds.toFixed(2),
    handWrittenSeconds: +baseline.seconds.toFixed(2),
    ratio: +(baseline.seconds / matching.seconds).toFixed(2),
    target: 0.7,
    ...allocated,
  };
}
