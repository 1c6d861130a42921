import { creditCheckCharacter, SENSITIVE_CATEGORIES, SERVICE_CATEGORIES } from '@anju/contracts';
import { sql } from 'drizzle-orm';
import { defineSeeder } from './registry.ts';
import type { Rng } from './rng.ts';

const CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/**
 * The organizations around a site: a social-work centre (民办非企业单位, credit code 52…) and a
 * neighbourhood association on file (社会团体, 51…), each with its service areas.
 */
const ORGS = [
  {
    prefix: '52',
    kind: 'private_non_enterprise',
    suffix: '阳光社会工作服务中心',
    areas: ['elder_care', 'left_behind_children', 'adaptation', 'tutoring', 'health'],
    staff: [8, 20],
  },
  {
    prefix: '51',
    kind: 'community_org',
    suffix: '邻里互助协会',
    areas: ['elder_care', 'disability_rehabilitation', 'legal_aid', 'employment', 'other'],
    staff: [3, 8],
  },
] as const;

/** What residents ask for, by category. */
const SUMMARIES: Record<string, string[]> = {
  elder_care: ['独居老人白天无人照看', '老人需要助餐送餐', '高龄老人需要定期探访'],
  left_behind_children: ['留守儿童放学后无人看护', '孩子需要亲情陪伴和心理关爱'],
  disability_rehabilitation: ['残疾人需要上门康复训练', '需要申请辅助器具'],
  adaptation: ['搬迁后不适应城镇生活，想认识邻居', '老人想念老家，情绪低落'],
  legal_aid: ['拖欠工资需要法律援助', '土地承包纠纷需要咨询'],
  tutoring: ['孩子作业辅导困难', '初三学生需要课业辅导'],
  health: ['慢性病需要随访和用药指导', '孕产妇需要健康指导'],
  employment: ['想学一门手艺找工作', '需要就近灵活就业岗位'],
  other: ['需要帮助办理证件', '家中水电维修需要帮助'],
};

/** Statuses in realistic proportions: most are open or being served, a fifth already rated. */
const STATUSES = [
  'open',
  'open',
  'open',
  'referred',
  'referred',
  'accepted',
  'in_service',
  'in_service',
  'done',
  'rated',
];
const STEPS = ['refer', 'accept', 'start', 'finish', 'rate'];
const STEP_OF: Record<string, number> = {
  open: 0,
  referred: 1,
  accepted: 2,
  in_service: 3,
  done: 4,
  rated: 5,
};

function creditCode(prefix: string, region: string, rng: Rng) {
  let organization = '';
  while (organization.length < 9) organization += CHARS[rng.int(0, CHARS.length - 1)];
  const first17 = `${prefix}${region}${organization}`;
  return first17 + creditCheckCharacter(first17);
}

const arr = (values: readonly (string | number)[]) => `{${values.join(',')}}`;

/**
 * Social organizations serving every site, the needs of about one household in twelve in every state
 * of the workflow with their timelines (some past their deadline), resources offered on every site;
 * the `social_org_staff` demo account works for the demo community's social-work centre.
 */
export const servicesSeeder = defineSeeder({
  name: 'services',
  dependsOn: ['places', 'persons', 'demo-accounts'],
  async run(ctx) {
    const { database, places, rng } = ctx;
    if (places.communities.length === 0) return;
    const orgs = places.communities.flatMap((community) => {
      const site = rng.fork(community.code);
      const place = community.name.replace(/(社区|安置点|小区)$/, '');
      return ORGS.map((o) => {
        const staff = site.int(o.staff[0], o.staff[1]);
        return sql`(${creditCode(o.prefix, community.townshipCode.slice(0, 6), site)}, ${place + o.suffix}, ${o.kind},
                    ${community.id}::bigint, ${arr(o.areas)}::text[], ${staff}::int, ${site.int(1, Math.ceil(staff / 2))}::int)`;
      });
    });
    await database.db.execute(
      sql`WITH o(credit_code, name, kind, place_id, areas, staff, workers) AS (VALUES ${sql.join(orgs, sql`, `)}),
               made AS (
                 INSERT INTO social_organizations (credit_code, name, kind, place_id, place_path, service_areas,
                                                   staff_count, social_worker_count, contact_name)
                 SELECT o.credit_code, o.name, o.kind, o.place_id, p.path, o.areas, o.staff, o.workers, '负责人'
                   FROM o JOIN places p ON p.id = o.place_id
              RETURNING id, place_id, place_path)
          INSERT INTO social_org_places (org_id, place_id, place_path) SELECT id, place_id, place_path FROM made`,
    );
    const demo = places.demoCommunity;
    if (demo)
      await database.db.execute(
        sql`INSERT INTO social_org_staff (user_id, org_id)
            SELECT u.id, o.id FROM users u,
                   (SELECT id FROM social_organizations WHERE place_id = ${demo.id} AND kind = 'private_non_enterprise'
                     ORDER BY id LIMIT 1) o
             WHERE u.username = 'social_org_staff'
            ON CONFLICT (user_id) DO NOTHING`,
      );
    const summaries = SERVICE_CATEGORIES.flatMap((c, k) =>
      SUMMARIES[c].map((s, i) => sql`(${k}::int, ${i}::int, ${s}::text)`),
    );
    // a need for about one household in twelve; its category, state, age and urgency follow from its id
    await database.db.execute(
      sql`WITH c(k, code) AS (SELECT k - 1, code FROM unnest(${arr(SERVICE_CATEGORIES)}::text[]) WITH ORDINALITY AS c(code, k)),
               s(k, i, summary) AS (VALUES ${sql.join(summaries, sql`, `)}),
               st(k, status) AS (SELECT k - 1, status FROM unnest(${arr(STATUSES)}::text[]) WITH ORDINALITY AS st(status, k)),
               h AS (SELECT h.id, h.residence_path, h.id / 12 AS n FROM households h WHERE h.status = 'active' AND h.id % 12 = 0),
               picked AS (
                 SELECT h.id AS household_id, h.residence_path, h.n, c.code AS category, st.status,
                        now() - make_interval(days => (CASE WHEN st.status IN ('open', 'referred') THEN h.n % 6 ELSE h.n % 20 END)::int,
                                             hours => (h.n % 7)::int) AS raised,
                        (SELECT o.id FROM social_org_places sp JOIN social_organizations o ON o.id = sp.org_id
                          WHERE h.residence_path LIKE sp.place_path || '%' AND c.code = ANY(o.service_areas)
                          ORDER BY o.id LIMIT 1) AS org_id
                   FROM h JOIN c ON c.k = h.n % 9 JOIN st ON st.k = (h.n / 9) % 10)
          INSERT INTO service_needs (category, urgency, summary, detail, household_id, place_path, sensitive, source,
                                     consent_at, consent_shares, status, org_id, due_at, rating, rating_comment,
                                     created_at, updated_at)
          SELECT p.category, (ARRAY['normal','normal','high','low','urgent'])[p.n % 5 + 1],
                 (SELECT s.summary FROM s WHERE s.k = (SELECT k FROM c WHERE c.code = p.category)
                   ORDER BY (s.i + p.n) % 3, s.i LIMIT 1),
                 '', p.household_id, p.residence_path, p.category = ANY(${arr(SENSITIVE_CATEGORIES)}::text[]),
                 (ARRAY['resident','grid_worker','staff'])[p.n % 3 + 1],
                 CASE WHEN p.status = 'open' AND p.n % 8 = 0 THEN NULL ELSE p.raised END,
                 CASE WHEN p.status = 'open' AND p.n % 8 = 0 THEN '{}'::text[] ELSE '{name,address,detail}'::text[] END,
                 CASE WHEN p.org_id IS NULL THEN 'open' ELSE p.status END,
                 CASE WHEN p.org_id IS NULL OR p.status = 'open' THEN NULL ELSE p.org_id END,
                 p.raised + interval '3 days',
                 CASE WHEN p.status = 'rated' AND p.org_id IS NOT NULL THEN 3 + p.n % 3 END,
                 CASE WHEN p.status = 'rated' AND p.org_id IS NOT NULL THEN '服务很及时，谢谢' END,
                 p.raised, p.raised
            FROM picked p`,
    );
    // the timeline: raised, then each step up to where it stands, a day apart
    await database.db.execute(
      sql`INSERT INTO service_need_events (need_id, action, from_status, to_status, org_id, at)
          SELECT n.id, 'raise', NULL, 'open', NULL, n.created_at FROM service_needs n
          UNION ALL
          SELECT n.id, (${arr(STEPS)}::text[])[g],
                 (ARRAY['open','referred','accepted','in_service','done'])[g],
                 (ARRAY['referred','accepted','in_service','done','rated'])[g], n.org_id,
                 n.created_at + make_interval(days => g)
            FROM service_needs n
            CROSS JOIN LATERAL generate_series(1, (${JSON.stringify(STEP_OF)}::jsonb ->> n.status)::int) AS g`,
    );
    await database.db.execute(
      sql`UPDATE service_needs n SET due_at = e.at + interval '2 days'
            FROM service_need_events e WHERE e.need_id = n.id AND n.status = 'referred' AND e.action = 'refer'`,
    );
    // what was already late before today has had its alert
    await database.db.execute(
      sql`UPDATE service_needs SET alerted_at = due_at WHERE status IN ('open', 'referred') AND due_at < now()`,
    );
    await database.db.execute(
      sql`WITH r(kind, name, donor_kind, donor_name, quantity, unit, days) AS (VALUES
               ('goods', '爱心米面油', 'enterprise', '县粮油公司', 60, '份', 90),
               ('money', '困难学生助学金', 'organization', '县慈善总会', 20000, '元', 180),
               ('venue', '社区活动室', 'department', '社区居委会', 40, '小时', 60),
               ('time', '志愿理发服务', 'individual', '爱心理发师', 24, '小时', 120))
          INSERT INTO service_resources (kind, name, donor_kind, donor_name, quantity, remaining, unit,
                                         available_from, available_to, place_id, place_path)
          SELECT r.kind, r.name, r.donor_kind, r.donor_name, r.quantity, r.quantity - (p.id % 5) * r.quantity / 10,
                 r.unit, current_date - 10, current_date + r.days, p.id, p.path
            FROM places p CROSS JOIN r WHERE p.id = ANY(${arr(places.communities.map((c) => c.id))}::bigint[])`,
    );
    const [counts] = await database.query<{ orgs: number; needs: number; resources: number }>(
      `SELECT (SELECT count(*)::int FROM social_organizations) AS orgs, (SELECT count(*)::int FROM service_needs) AS needs,
              (SELECT count(*)::int FROM service_resources) AS resources`,
    );
    ctx.log(`services: ${counts.orgs} organizations, ${counts.needs} needs, ${counts.resources} resources`);
  },
});
