import type { Database } from '../server/src/db/client.ts';
import { SERVICE_CATEGORIES } from '@anju/contracts';

/** Cities × counties × communities × households of one province; `province` holds 64,000 open needs. */
export const SHAPES = {
  tiny: { cities: 1, counties: 2, communities: 3, households: 20 },
  province: { cities: 8, counties: 10, communities: 40, households: 20 },
} as const;
export type ShapeName = keyof typeof SHAPES;

const LEVELS = ['province', 'city', 'county', 'community'] as const;
const categories = `ARRAY[${SERVICE_CATEGORIES.map((c) => `'${c}'`).join(',')}]`;

/**
 * Fills an empty, migrated database for matching, in set-based SQL: a province down to communities,
 * households with one open need each (a category of the dictionary), six organizations per county
 * serving the county and one community organization per community, each with four service areas;
 * a project per county organization with milestones (some late), ratings and a few complaints, and
 * a tenth of the needs already referred, so capacity and credibility differ.
 */
export async function fillServicesData(database: Database, shape: (typeof SHAPES)[ShapeName]) {
  const q = (text: string, params: unknown[] = []) => database.query(text, params);
  const counts = [1, shape.cities, shape.counties, shape.communities];
  for (const [i, level] of LEVELS.entries()) {
    const parent = i === 0 ? null : LEVELS[i - 1];
    await q(
      `INSERT INTO places (parent_id, level, code, name, path, depth, child_count)
       SELECT p.id, $1::varchar, 'V' || coalesce(p.id::text, '') || '-' || g, $1::text || g, 'x', $3::int, 0
         FROM (SELECT id FROM places WHERE level = $2 UNION ALL SELECT NULL WHERE $2 IS NULL) p
        CROSS JOIN generate_series(1, $4::int) g`,
      [level, parent, i, counts[i]],
    );
    await q(`UPDATE places c SET path = coalesce(p.path, '/') || c.id || '/'
               FROM places c2 LEFT JOIN places p ON p.id = c2.parent_id WHERE c.path = 'x' AND c2.id = c.id`);
  }
  await q(
    `INSERT INTO households (household_no, residence_place_id, residence_path, origin_path, relocation_year,
                             resettlement_type, poverty_status, head_name, member_count)
     SELECT 'V' || c.id || '-' || g, c.id, c.path, c.path, 2018, 'urban_centralized', 'out_of_poverty', '户主', 3
       FROM places c CROSS JOIN generate_series(1, $1::int) g WHERE c.level = 'community'`,
    [shape.households],
  );
  await q(`INSERT INTO social_organizations (credit_code, name, kind, place_id, place_path, service_areas, staff_count,
                                             social_worker_count)
           SELECT left('V' || lpad(p.id::text, 10, '0') || g || '00000000', 18), '机构' || p.id || '-' || g,
                  CASE WHEN p.level = 'county' THEN 'private_non_enterprise' ELSE 'community_org' END, p.id, p.path,
                  ARRAY[(${categories})[1 + (p.id + g) % 9], (${categories})[1 + (p.id + g + 2) % 9],
                        (${categories})[1 + (p.id + g + 4) % 9], (${categories})[1 + (p.id + g + 6) % 9]],
                  2 + (p.id + g) % 10, 1
             FROM places p CROSS JOIN generate_series(1, 6) g
            WHERE p.level = 'county' OR (p.level = 'community' AND g = 1)`);
  await q(
    `INSERT INTO social_org_places (org_id, place_id, place_path) SELECT id, place_id, place_path FROM social_organizations`,
  );
  await q(`INSERT INTO service_needs (category, urgency, summary, household_id, place_path, sensitive, source, consent_at,
                                      consent_shares, status, due_at)
           SELECT (${categories})[1 + h.id % 9], 'normal', '需求', h.id, h.residence_path, false, 'staff', now(),
                  '{name}', 'open', now() + interval '3 days'
             FROM households h`);
  await q(`UPDATE service_needs n SET status = 'referred',
                  org_id = (SELECT o.id FROM social_organizations o JOIN social_org_places sp ON sp.org_id = o.id
                             WHERE n.category = ANY(o.service_areas) AND n.place_path LIKE sp.place_path || '%'
                             ORDER BY o.id LIMIT 1)
            WHERE n.id % 10 = 0`);
  await q(`UPDATE service_needs SET status = 'open' WHERE status = 'referred' AND org_id IS NULL`);
  await q(`INSERT INTO service_projects (name, kind, category, owner_department, place_id, place_path, org_id, budget,
                                         starts_on, ends_on)
           SELECT '项目' || o.id, 'purchased', o.service_areas[1], '县民政局', o.place_id, o.place_path, o.id, 100000,
                  current_date - 200, current_date + 165
             FROM social_organizations o WHERE o.kind = 'private_non_enterprise'`);
  await q(`INSERT INTO service_project_milestones (project_id, title, due_on, done_on)
           SELECT p.id, '里程碑' || i, current_date - 60 * i,
                  current_date - 60 * i + CASE WHEN (p.id + i) % 3 = 0 THEN 5 ELSE -2 END
             FROM service_projects p CROSS JOIN generate_series(1, 3) i`);
  await q(`INSERT INTO service_project_served (project_id, household_id)
           SELECT DISTINCT ON (p.id, h.id) p.id, h.id FROM service_projects p
             JOIN households h ON h.residence_path LIKE p.place_path || '%' WHERE (h.id + p.id) % 50 = 0`);
  await q(`INSERT INTO service_project_ratings (project_id, household_id, rating)
           SELECT project_id, household_id, 1 + (household_id + project_id) % 5 FROM service_project_served`);
  await q(
    `INSERT INTO service_project_complaints (project_id, summary) SELECT id, '投诉' FROM service_projects WHERE id % 4 = 0`,
  );
  await q(`INSERT INTO service_resources (kind, name, donor_kind, donor_name, quantity, remaining, unit, available_from,
                                          place_id, place_path)
           SELECT 'goods', '基准物资', 'enterprise', '企业', 50, 50, '份', current_date - 1, p.id, p.path
             FROM places p WHERE p.level = 'province'`);
  for (const t of [
    'service_needs',
    'social_organizations',
    'social_org_places',
    'service_projects',
    'households',
  ])
    await q(`VACUUM ANALYZE ${t}`);
}
