import { sql } from 'drizzle-orm';
import { pgArray } from '../db/array.ts';
import { defineSeeder } from './registry.ts';

/** A number in [0, 1) from a SQL key and a salt. */
const uniform = (key: string, salt: string, seed: number) =>
  sql.raw(`(('x' || substr(md5(${key} || '${salt}${seed}'), 1, 8))::bit(32)::bigint / 4294967296.0)`);

/** Facilities of each site: kind, name, capacity per 1,000 residents (the kindergarten's set apart), state. */
const FACILITIES = [
  ['kindergarten', '幼儿园', null, 'in_use'],
  ['clinic', '社区卫生服务站', 1.2, 'in_use'],
  ['elder_care', '日间照料中心', 8, 'in_use'],
  ['child_care', '托育点', 5, 'in_use'],
  ['service_centre', '党群服务中心', 0, 'in_use'],
  ['market', '农贸市场', 0, 'in_use'],
  ['bus_stop', '公交站', 0, 'in_use'],
] as const;

const PROJECTS = [
  ['帮扶车间（服装加工）', 'workshop', 'central_budget', 800_000, 'job', 0.12, null],
  ['食用菌种植基地', 'agricultural_base', 'east_west_cooperation', 1_500_000, 'dividend', 0.3, 5000],
  ['茶旅融合观光园', 'tourism', 'local_budget', 2_000_000, 'land_rent', 0.08, null],
] as const;

const TASKS = [
  ['employment', '有劳动力的搬迁家庭至少1人就业', '开展就业帮扶专场招聘会', '县人力资源和社会保障局', 3, 100],
  ['industry', '配套产业带动增收', '食用菌基地二期扩建', '县农业农村局', 6, 60],
  ['public_services', '幼儿园学位满足需求', '新增幼儿园学位', '县教育体育局', 8, 30],
  ['governance', '完善社区治理体系', '成立楼栋长队伍并开展培训', '社区居委会', 4, 100],
  ['social_integration', '促进搬迁群众融入城镇', '举办邻里节和普通话培训', '社区居委会', 10, 20],
] as const;

/**
 * A site's follow-up support in every community: its facilities (one community's kindergarten short of
 * places — the demo community's — the others enough), a primary and a middle school of each township serving its
 * sites, three industry projects with households linked and their payments of last year and this one,
 * and this year's plan with a task per area, some done on time and one late.
 */
export const sitesSeeder = defineSeeder({
  name: 'sites',
  dependsOn: ['persons'],
  async run(ctx) {
    const ids = ctx.places.communities.map((c) => c.id);
    if (ids.length === 0) return;
    const short = ctx.places.demoCommunity?.id ?? ids[0];
    const db = ctx.database.db;
    const today = new Date().toISOString().slice(0, 10);
    const year = Number(today.slice(0, 4));
    const sites = sql`SELECT pl.id, pl.path, pl.name, pl.parent_id,
                             (SELECT count(*) FROM persons p WHERE p.status = 'living' AND p.residence_path LIKE pl.path || '%') AS people
                        FROM places pl WHERE pl.id = ANY(${pgArray(ids)}::bigint[])`;
    const kinds = sql.join(
      FACILITIES.map(([k, n, per, s]) => sql`(${k}, ${n}, ${per}::numeric, ${s})`),
      sql`, `,
    );
    await db.execute(sql`
      WITH made AS (
        INSERT INTO site_facilities (name, kind, place_id, place_path, capacity, state)
        SELECT s.name || f.name, f.kind, s.id, s.path,
               CASE WHEN f.kind = 'kindergarten'
                    THEN ceil(s.people * CASE WHEN s.id = ${short} THEN 0.02 ELSE 0.06 END)
                    ELSE ceil(s.people * f.per / 1000) END, f.state
          FROM (${sites}) s CROSS JOIN (VALUES ${kinds}) AS f(kind, name, per, state)
        RETURNING id, place_id, place_path)
      INSERT INTO site_facility_sites (facility_id, site_id, site_path) SELECT id, place_id, place_path FROM made`);
    await db.execute(sql`
      WITH t AS (SELECT s.parent_id, sum(s.people) AS people FROM (${sites}) s GROUP BY s.parent_id),
      made AS (
        INSERT INTO site_facilities (name, kind, place_id, place_path, capacity, state)
        SELECT tp.name || x.name, x.kind, tp.id, tp.path, ceil(t.people * x.per), 'in_use'
          FROM t JOIN places tp ON tp.id = t.parent_id
         CROSS JOIN (VALUES ('中心小学', 'primary_school', 0.1), ('中学', 'middle_school', 0.05)) AS x(name, kind, per)
        RETURNING id, place_id)
      INSERT INTO site_facility_sites (facility_id, site_id, site_path)
      SELECT m.id, s.id, s.path FROM made m JOIN (${sites}) s ON s.parent_id = m.place_id`);

    const projects = sql.join(
      PROJECTS.map(
        ([n, k, f, inv, b, share, asset]) =>
          sql`(${n}, ${k}, ${f}, ${inv}::numeric, ${b}, ${share}::numeric, ${asset}::numeric)`,
      ),
      sql`, `,
    );
    const u = (salt: string) => uniform('h.id::text || j.id::text', salt, ctx.seed);
    await db.execute(sql`
      WITH made AS (
        INSERT INTO industry_projects (name, kind, place_id, place_path, investment, fund_source, status, started_on)
        SELECT s.name || j.name, j.kind, s.id, s.path, j.inv, j.fund,
               CASE WHEN j.kind = 'tourism' AND s.id = ${short} THEN 'suspended' ELSE 'running' END,
               make_date(${year - 3}, 4, 1)
          FROM (${sites}) s CROSS JOIN (VALUES ${projects}) AS j(name, kind, fund, inv, benefit, share, asset)
        RETURNING id, kind, place_path)
      INSERT INTO industry_beneficiaries (project_id, household_id, benefit, asset_amount)
      SELECT j.id, h.id, r.benefit, r.asset
        FROM made j JOIN (VALUES ${projects}) AS r(name, kind, fund, inv, benefit, share, asset) ON r.kind = j.kind
        JOIN households h ON h.residence_path LIKE j.place_path || '%' AND h.status = 'active'
       WHERE ${u('link')} < r.share`);
    await db.execute(sql`
      INSERT INTO industry_payments (project_id, household_id, kind, amount, paid_on, note)
      SELECT b.project_id, b.household_id, b.benefit,
             CASE b.benefit WHEN 'dividend' THEN round(b.asset_amount * 0.06) WHEN 'land_rent' THEN 800 ELSE 2600 END,
             d.day, d.note
        FROM industry_beneficiaries b JOIN industry_projects j ON j.id = b.project_id
        CROSS JOIN (VALUES (make_date(${year - 1}, 12, 20), '年度分红'), (least(make_date(${year}, 6, 30), ${today}::date), '半年分红')) AS d(day, note)
       WHERE j.place_id = ANY(${pgArray(ids)}::bigint[])`);

    const tasks = sql.join(
      TASKS.map(([a, g, t, o, m, p]) => sql`(${a}, ${g}, ${t}, ${o}, ${m}::int, ${p}::int)`),
      sql`, `,
    );
    await db.execute(sql`
      INSERT INTO support_tasks (site_id, site_path, year, area, goal, title, owner, due_on, progress, evidence, done_on, alerted_at)
      SELECT s.id, s.path, ${year}, t.area, t.goal, t.title, t.owner, make_date(${year}, t.month, 28), t.progress,
             CASE WHEN t.progress = 100 THEN '已完成，见工作台账' ELSE '' END,
             CASE WHEN t.progress = 100 THEN make_date(${year}, t.month, 20) END,
             CASE WHEN t.progress < 100 AND make_date(${year}, t.month, 28) < ${today}::date THEN now() END
        FROM (${sites}) s CROSS JOIN (VALUES ${tasks}) AS t(area, goal, title, owner, month, progress)`);
    ctx.log(`sites: facilities, industry projects and support plans of ${ids.length} sites`);
  },
});
