import { sql, type SQL } from 'drizzle-orm';
import { recompute } from '../modules/employment/zero.repo.ts';
import { labourForceSql } from '../modules/employment/employment.sql.ts';
import { norms } from '../platform/norms.ts';
import { inCommunitiesCondition } from './in-communities.ts';
import { defineSeeder } from './registry.ts';

/** Relocated labour employed: 5.04 M able to work, 4.76 M employed in 2022 (DOMAIN.md). */
export const EMPLOYED_SHARE = 0.945;
/** Households with labour and nobody employed: a few, being cleared. */
export const ZERO_SHARE = 0.004;

/**
 * The kinds of work of the relocated labour, by share, with the employers and monthly wages (yuan)
 * typical of each: most work away from home, then local enterprises, workshops and posts.
 */
export const KINDS = [
  {
    kind: 'export_out_of_province',
    share: 0.3,
    wage: [4200, 6800],
    employers: ['广东东莞电子厂', '浙江义乌小商品城', '福建晋江鞋厂', '江苏昆山精密制造'],
  },
  {
    kind: 'export_in_province',
    share: 0.24,
    wage: [3200, 5200],
    employers: ['省城建筑工地', '市物流园区', '县城酒店', '工业园区食品厂'],
  },
  {
    kind: 'local_enterprise',
    share: 0.15,
    wage: [2400, 3800],
    employers: ['安置区服装厂', '县农产品加工厂', '社区物业公司', '县城超市'],
  },
  {
    kind: 'workshop',
    share: 0.08,
    wage: [1800, 2800],
    employers: ['社区帮扶车间（来料加工）', '社区帮扶车间（电子组装）', '社区帮扶车间（手工编织）'],
  },
  {
    kind: 'public_welfare_post',
    share: 0.07,
    wage: [800, 1500],
    employers: ['社区保洁公益岗', '社区治安巡逻公益岗', '护林员公益岗', '养老助餐公益岗'],
  },
  {
    kind: 'self_employed',
    share: 0.06,
    wage: [2000, 5500],
    employers: ['自营小吃店', '自营便利店', '自营种养殖', '自营货运'],
  },
  {
    kind: 'flexible',
    share: 0.1,
    wage: [1500, 3200],
    employers: ['外卖配送', '家政零工', '装修零工', '网约车'],
  },
] as const;

const SKILLS = ['电工', '焊工', '缝纫', '家政', '厨师', '驾驶', '建筑', '电商', '种植', '养殖'];
const COURSES = ['家政服务', '电工', '焊工', '中式烹调', '电商直播', '育婴员', '养老护理'];

/** A number in [0, 1) from a person (`key`), the seed and a salt: the same seed gives the same data. */
const uniform = (key: string, salt: string, seed: number) =>
  `(('x' || substr(md5(${key} || '${salt}' || '${seed}'), 1, 8))::bit(32)::bigint / 4294967296.0)`;

const pick = (u: string, values: readonly string[]) =>
  `(ARRAY[${values.map((v) => `'${v}'`).join(',')}])[1 + floor(${u} * ${values.length})::int]`;

/** The kind of the job, from cumulative shares. */
const kindCase = (u: string) => {
  let acc = 0;
  const arms = KINDS.map((k) => {
    acc += k.share;
    return `WHEN ${u} < ${acc.toFixed(4)} THEN '${k.kind}'`;
  });
  return `CASE ${arms.join(' ')} ELSE 'flexible' END`;
};

/**
 * Employment of the relocated labour: about 94.5 % of the labour force holds a current job, with a
 * realistic split of kinds and wages; in every household with labour the first member works, except
 * in a few zero-employment households flagged some days ago; some people left an earlier job; every
 * member of the labour force has a labour register entry.
 */
export const employmentSeeder = defineSeeder({
  name: 'employment',
  // after the demo grid worker is on their grid, so they are told of the zero-employment households
  dependsOn: ['persons', 'governance'],
  async run(ctx) {
    const ids = ctx.places.communities.map((c) => c.id);
    if (ids.length === 0) return;
    const db = ctx.database.db;
    const inCommunities = sql.raw(await inCommunitiesCondition(ctx.database, ids));
    const on = new Date().toISOString().slice(0, 10);
    const run = async <T>(query: SQL) => (await db.execute(query)).rows as T[];
    const labourPeople = sql`SELECT p.id, p.household_id, row_number() OVER (PARTITION BY p.household_id ORDER BY p.id) AS nth
            FROM persons p JOIN households h ON h.id = p.household_id
           WHERE h.status = 'active' AND ${inCommunities} AND ${labourForceSql(on)}`;
    const [counts] = await run<{ people: number; households: number }>(
      sql`SELECT count(*)::int AS people, count(DISTINCT household_id)::int AS households FROM (${labourPeople}) lf`,
    );
    if (counts.people === 0) return;
    // the first member of a household with labour works unless the household is one of the few
    // zero-employment ones; the others work with the chance that brings the whole to EMPLOYED_SHARE
    const firsts = counts.households * (1 - ZERO_SHARE);
    const others = Math.min(
      1,
      Math.max(0, (EMPLOYED_SHARE * counts.people - firsts) / (counts.people - counts.households)),
    );
    const u = (salt: string) => uniform('p.id::text', salt, ctx.seed);
    const h = (salt: string) => uniform('p.household_id::text', salt, ctx.seed);
    const kind = kindCase(u('kind'));
    const wage = `round(CASE k.kind ${KINDS.map((k) => `WHEN '${k.kind}' THEN ${k.wage[0]} + ${k.wage[1] - k.wage[0]} * ${u('wage')}`).join(' ')} END / 10) * 10`;
    const employer = `CASE k.kind ${KINDS.map((k) => `WHEN '${k.kind}' THEN ${pick(u('employer'), k.employers)}`).join(' ')} END`;
    const place = `CASE k.kind WHEN 'export_out_of_province' THEN '省外' WHEN 'export_in_province' THEN '省内' ELSE '本县' END`;
    const source = pick(u('source'), [
      'declared',
      'grid_worker',
      'grid_worker',
      'enterprise',
      'department_list',
    ]);
    const started = `(DATE '2019-01-01' + floor(${u('start')} * 2200)::int)`;
    const employed = await run<{ id: number }>(
      sql`WITH lf AS (${labourPeople}),
            k AS (SELECT p.id, p.household_id, ${sql.raw(kind)} AS kind FROM lf p
                   WHERE ${sql.raw(`CASE WHEN p.nth = 1 THEN ${h('zero')} >= ${ZERO_SHARE} ELSE ${u('works')} < ${others} END`)})
       INSERT INTO employment_records (person_id, kind, employer_name, place, monthly_wage, start_on, source, verified)
       SELECT p.id, k.kind, ${sql.raw(`${employer}, ${place}, ${wage}, least(${started}, '${on}'::date), ${source}, ${u('verified')} < 0.7`)}
         FROM k JOIN persons p ON p.id = k.id
       RETURNING person_id AS id`,
    );
    // an earlier job, left before the current one started (or a year ago for those out of work)
    const left = await run<{ id: number }>(
      sql`WITH lf AS (${labourPeople}),
            k AS (SELECT p.id, ${sql.raw(kind)} AS kind FROM lf p WHERE ${sql.raw(u('earlier'))} < 0.12)
       INSERT INTO employment_records (person_id, kind, employer_name, place, monthly_wage, start_on, end_on, source, verified)
       SELECT p.id, k.kind, ${sql.raw(`${employer}, ${place}, ${wage}, e.until - 400 - floor(${u('span')} * 700)::int, e.until, ${source}`)}, true
         FROM k JOIN persons p ON p.id = k.id
         CROSS JOIN LATERAL (SELECT coalesce((SELECT min(r.start_on) - 1 FROM employment_records r WHERE r.person_id = p.id),
                                             ${on}::date - 365) AS until) e
       RETURNING person_id AS id`,
    );
    await run(
      sql`WITH lf AS (${labourPeople})
       INSERT INTO labour_profiles (person_id, skills, training_wishes, work_preference, not_working_reason)
       SELECT p.id, ${sql.raw(`
              CASE WHEN ${u('skilled')} < 0.6 THEN ARRAY[${pick(u('skill'), SKILLS)}] ELSE '{}'::text[] END,
              CASE WHEN ${u('wishes')} < 0.35 THEN ARRAY[${pick(u('course'), COURSES)}] ELSE '{}'::text[] END,
              ${pick(u('pref'), ['nearby', 'nearby', 'in_province', 'outside'])},
              CASE WHEN NOT EXISTS (SELECT 1 FROM employment_records r WHERE r.person_id = p.id AND r.end_on IS NULL)
                   THEN ${pick(u('reason'), ['caring_for_family', 'illness', 'no_suitable_job', 'lacks_skills'])} END`)}
         FROM lf p`,
    );
    const [days] = await norms(db, 'zero_employment_clearing_days');
    const zero = await recompute(db, inCommunities, on, days);
    // flagged up to 45 days ago, so some are past their deadline
    const back = sql.raw(`floor(${uniform('z.household_id::text', 'age', ctx.seed)} * 45)::int`);
    await run(
      sql`UPDATE zero_employment_households z
             SET flagged_on = ${on}::date - ${back}, due_on = ${on}::date - ${back} + ${days}::int
            FROM households h
           WHERE h.id = z.household_id AND z.cleared_on IS NULL AND ${inCommunities}`,
    );
    const rate = new Set(employed.map((r) => Number(r.id))).size / counts.people;
    ctx.log(
      `employment: ${(rate * 100).toFixed(1)} % of ${counts.people} in the labour force employed, ${left.length} earlier jobs, ${zero.flagged} zero-employment households`,
    );
  },
});
