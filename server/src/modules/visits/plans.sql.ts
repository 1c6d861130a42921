import { sql, type SQL } from 'drizzle-orm';

/**
 * `planned`: every active household of the grids `g` matching `grids` (a condition on places `g`),
 * with the plan it follows. A community follows its own plans, or the default plans (no community)
 * when it has none. A plan matches when each criterion it sets holds: the household's poverty
 * status, and one living member carrying its tag and of its labour capacity. Of several matching
 * plans the one with the shortest interval wins; households no plan matches are not planned.
 * Set-based: households and plans are joined once, not looked up household by household; a grid's
 * households are the path range ['/…/g/', '/…/g0') that the path index reads per grid (a LIKE on a
 * joined column cannot use it and scans every household once per grid).
 */
export const plannedSql = (grids: SQL) => sql`
  plan_households AS (
    SELECT h.id, h.household_no, h.head_name, h.dwelling_id, h.residence_path, h.poverty_status,
           g.id AS grid_id, g.name AS grid_name, g.parent_id AS community_id
      FROM places g
      JOIN households h ON h.residence_path ~>=~ g.path AND h.residence_path ~<~ (left(g.path, -1) || '0')
                       AND h.status = 'active'
     WHERE g.level = 'grid' AND ${grids}),
  plan_rules AS (
    SELECT vp.id, vp.name, vp.tag, vp.poverty_status, vp.labour_capacity, vp.interval_days, c.community_id
      FROM (SELECT DISTINCT community_id FROM plan_households) c
      JOIN visit_plans vp ON vp.community_id = c.community_id
        OR (vp.community_id IS NULL
            AND NOT EXISTS (SELECT 1 FROM visit_plans own WHERE own.community_id = c.community_id))),
  plan_matches AS (
    SELECT ph.*, r.id AS plan_id, r.name AS plan_name, r.interval_days AS every
      FROM plan_households ph
      JOIN plan_rules r ON r.community_id = ph.community_id
     WHERE (r.poverty_status IS NULL OR r.poverty_status = ph.poverty_status)
       AND ((r.tag IS NULL AND r.labour_capacity IS NULL) OR EXISTS (
             SELECT 1 FROM persons m
              WHERE m.household_id = ph.id AND m.status = 'living'
                AND (r.tag IS NULL OR r.tag = ANY(m.tags))
                AND (r.labour_capacity IS NULL OR m.labour_capacity = r.labour_capacity)))),
  planned AS (SELECT DISTINCT ON (id) * FROM plan_matches ORDER BY id, every, plan_id)`;
