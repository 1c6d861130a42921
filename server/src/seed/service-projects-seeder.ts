import { sql } from 'drizzle-orm';
import { defineSeeder } from './registry.ts';

/** A project's title and the department that buys it, by service category. */
const TITLES: [string, string, string][] = [
  ['elder_care', '居家养老上门服务项目', '县民政局'],
  ['left_behind_children', '留守儿童关爱项目', '县妇联'],
  ['disability_rehabilitation', '残疾人社区康复项目', '县残联'],
  ['adaptation', '搬迁群众社区融入项目', '县民政局'],
  ['legal_aid', '法律援助进社区项目', '县司法局'],
  ['tutoring', '四点半课堂项目', '县教育局'],
  ['health', '慢病随访健康服务项目', '县卫生健康局'],
  ['employment', '就业技能帮扶项目', '县人力资源和社会保障局'],
  ['other', '便民服务项目', '县民政局'],
];

/**
 * The projects list of every site: each organization carries a project under way this year, and a
 * social-work centre one more from last year that is evaluated; milestones reached on time or late,
 * progress reports spending part of the budget, the households of the needs referred to it and some
 * more of its place served,
 * most of them rating it, and a complaint on one project in five.
 */
export const serviceProjectsSeeder = defineSeeder({
  name: 'service-projects',
  dependsOn: ['services'],
  async run(ctx) {
    const { database } = ctx;
    const titles = TITLES.map(([c, t, d]) => sql`(${c}::text, ${t}::text, ${d}::text)`);
    await database.db.execute(
      sql`WITH t(category, title, department) AS (VALUES ${sql.join(titles, sql`, `)}),
               o AS (SELECT o.id, o.place_id, o.place_path, o.service_areas, o.kind, pl.name AS place_name,
                            row_number() OVER (ORDER BY o.id)::int AS k
                       FROM social_organizations o JOIN places pl ON pl.id = o.place_id),
               p AS (SELECT o.*, g, o.service_areas[1 + (o.k + g) % array_length(o.service_areas, 1)] AS category,
                            CASE WHEN g = 0 THEN current_date - 120 + o.k % 30 ELSE current_date - 500 + o.k % 30 END AS starts_on
                       FROM o CROSS JOIN generate_series(0, CASE WHEN o.kind = 'private_non_enterprise' THEN 1 ELSE 0 END) g)
          INSERT INTO service_projects (name, kind, category, owner_department, place_id, place_path, org_id, budget,
                                        starts_on, ends_on, summary, status, evaluation_grade, evaluation, evaluated_at,
                                        created_at)
          SELECT regexp_replace(p.place_name, '(社区|安置点|小区)$', '') || t.title,
                 CASE WHEN p.k % 3 = 0 THEN 'charity' ELSE 'purchased' END, p.category,
                 CASE WHEN p.k % 3 = 0 THEN '县慈善总会' ELSE t.department END,
                 p.place_id, p.place_path, p.id, 30000 + (p.k * 7919 % 9) * 10000,
                 p.starts_on, p.starts_on + 365 - g * 30, '面向安置点搬迁群众，按季度开展服务并报告进展',
                 CASE WHEN g = 1 THEN 'evaluated' ELSE 'active' END,
                 CASE WHEN g = 1 THEN (ARRAY['excellent','good','good','pass'])[1 + p.k % 4] END,
                 CASE WHEN g = 1 THEN '按合同完成服务内容，服务对象满意度较高，档案资料齐全' END,
                 CASE WHEN g = 1 THEN p.starts_on + 350 END, p.starts_on
            FROM p JOIN t ON t.category = p.category`,
    );
    // four milestones a quarter apart; those due are mostly reached a few days early, one in four a week late
    await database.db.execute(
      sql`INSERT INTO service_project_milestones (project_id, title, due_on, done_on)
          SELECT p.id, (ARRAY['完成需求评估与建档','第一季度服务','第二季度服务','第三季度服务与总结'])[i],
                 p.starts_on + 80 * i,
                 CASE WHEN p.starts_on + 80 * i + 7 > current_date THEN NULL
                      WHEN (p.id + i) % 7 = 0 AND p.status = 'active' THEN NULL
                      WHEN (p.id + i) % 4 = 0 THEN p.starts_on + 80 * i + 7
                      ELSE p.starts_on + 80 * i - 3 END
            FROM service_projects p CROSS JOIN generate_series(1, 4) i`,
    );
    await database.db.execute(
      sql`INSERT INTO service_project_reports (project_id, milestone_id, note, spent, created_at)
          SELECT m.project_id, m.id, m.title || '：已按计划开展入户走访、小组活动和个案跟进', p.budget / 5,
                 m.done_on + time '16:00'
            FROM service_project_milestones m JOIN service_projects p ON p.id = m.project_id
           WHERE m.done_on IS NOT NULL`,
    );
    await database.db.execute(
      sql`INSERT INTO service_project_served (project_id, household_id, need_id)
          SELECT DISTINCT ON (p.id, n.household_id) p.id, n.household_id, n.id
            FROM service_projects p
            JOIN service_needs n ON n.org_id = p.org_id AND n.category = p.category
           ORDER BY p.id, n.household_id, n.id`,
    );
    // and households of its place it serves without a need on the list, about one in twenty-five
    await database.db.execute(
      sql`INSERT INTO service_project_served (project_id, household_id)
          SELECT p.id, h.id FROM service_projects p
            JOIN households h ON h.residence_path LIKE p.place_path || '%' AND h.status = 'active'
           WHERE (h.id + p.id) % 25 = 0
          ON CONFLICT DO NOTHING`,
    );
    await database.db.execute(
      sql`INSERT INTO service_project_ratings (project_id, household_id, rating, comment, at)
          SELECT s.project_id, s.household_id,
                 CASE WHEN s.household_id % 11 = 0 THEN 2 ELSE 3 + s.household_id % 3 END,
                 CASE WHEN s.household_id % 11 = 0 THEN '上门次数偏少' ELSE '工作人员很耐心' END,
                 now() - make_interval(days => (s.household_id % 30)::int)
            FROM service_project_served s WHERE s.household_id % 3 <> 0`,
    );
    await database.db.execute(
      sql`INSERT INTO service_project_complaints (project_id, summary, at)
          SELECT id, '约定的上门服务未按时开展', starts_on + 100 FROM service_projects WHERE id % 5 = 0`,
    );
    const [counts] = await database.query<{ projects: number; ratings: number }>(
      `SELECT (SELECT count(*)::int FROM service_projects) AS projects,
              (SELECT count(*)::int FROM service_project_ratings) AS ratings`,
    );
    ctx.log(`service projects: ${counts.projects} projects, ${counts.ratings} ratings`);
  },
});
