import { sql, type SQL } from 'drizzle-orm';

/**
 * `planned`: every active household of the grids `g` matching `grids` (a condition on places `g`),
 * with the plan it follows. A community follows its own plans, or the default plans (no community)
 * when it has none. A plan matches when each criterion it sets holds: the household's poverty
 * status, and one living member carrying its tag and of its labour capacity. Of several matching
 * plans the one with the shortest interval wins; households no plan matches are not planned.
 */
export const plannedSql = (grids: SQL) => sql`
  planned AS (
    SELECT h.id, h.household_no, h.head_name, h.dwelling_id, h.residence_path, g.id AS grid_id, g.name AS grid_name,
           plan.name AS plan_name, plan.interval_days AS every
      FROM places g
      JOIN households h ON h.residence_path LIKE g.path || '%' AND h.status = 'active'
      CROSS JOIN LATERAL (
        SELECT vp.name, vp.interval_days FROM visit_plans vp
         WHERE (vp.community_id = g.parent_id
                OR (vp.community_id IS NULL
                    AND NOT EXISTS (SELECT 1 FROM visit_plans own WHERE own.community_id = g.parent_id)))
           AND (vp.poverty_status IS NULL OR vp.poverty_status = h.poverty_status)
           AND ((vp.tag IS NULL AND vp.labour_capacity IS NULL) OR EXISTS (
                 SELECT 1 FROM persons p
                  WHERE p.household_id = h.id AND p.status = 'living'
                    AND (vp.tag IS NULL OR vp.tag = ANY(p.tags))
                    AND (vp.labour_capacity IS NULL OR p.labour_capacity = vp.labour_capacity)))
         ORDER BY vp.interval_days, vp.id
         LIMIT 1) plan
     WHERE g.level = 'grid' AND ${grids})`;
