import { sql, type SQL } from 'drizzle-orm';

/** The governance norms of the credibility formula and of matching. */
export const CREDIBILITY_NORMS = {
  onTime: 'service_cred_on_time_weight',
  rating: 'service_cred_rating_weight',
  complaintPoints: 'service_cred_complaint_points',
  priorPercent: 'service_cred_prior_percent',
} as const;
export const MATCH_NORMS = {
  credibility: 'service_match_cred_weight',
  capacity: 'service_match_capacity_weight',
  casesPerStaff: 'service_cases_per_staff',
} as const;

const norm = (code: string) => sql.raw(`max(value) FILTER (WHERE code = '${code}')`);

export interface CredibilityRow {
  org_id: number;
  projects: number;
  milestones_due: number;
  milestones_on_time: number;
  rating_count: number;
  rating_avg: string | number | null;
  complaints: number;
  part_on_time: string | number;
  part_rating: string | number;
  part_complaints: string | number;
  score: string | number;
}

/**
 * The credibility of the organizations `o` matching `where`, from their projects, as a subquery:
 *   onTime·(milestones reached by their day / milestones due) + rating·(average stars − 1)/4
 *   − complaintPoints·(complaints / projects), within 0 to 100,
 * a part without any record counting as priorPercent. A milestone is due once its day passed or it
 * was reached. The weights are governance norms.
 */
export function credibilitySql(where: SQL = sql`true`): SQL {
  return sql`(
  SELECT org_id, projects, milestones_due, milestones_on_time, rating_count, rating_avg, complaints,
         part_on_time, part_rating, part_complaints,
         round(greatest(0, least(100, part_on_time + part_rating - part_complaints)), 1) AS score
    FROM (
  SELECT o.id AS org_id,
         COALESCE(pj.projects, 0)::int AS projects,
         COALESCE(ms.due, 0)::int AS milestones_due,
         COALESCE(ms.on_time, 0)::int AS milestones_on_time,
         COALESCE(rt.ratings, 0)::int AS rating_count,
         round(rt.average, 2) AS rating_avg,
         COALESCE(cp.complaints, 0)::int AS complaints,
         round(w.on_time * COALESCE(ms.on_time::numeric / NULLIF(ms.due, 0), w.prior / 100.0), 1) AS part_on_time,
         round(w.rating * COALESCE((rt.average - 1) / 4.0, w.prior / 100.0), 1) AS part_rating,
         round(w.complaint * COALESCE(cp.complaints::numeric / NULLIF(pj.projects, 0), 0), 1) AS part_complaints
    FROM social_organizations o
   CROSS JOIN (SELECT ${norm(CREDIBILITY_NORMS.onTime)} AS on_time, ${norm(CREDIBILITY_NORMS.rating)} AS rating,
                      ${norm(CREDIBILITY_NORMS.complaintPoints)} AS complaint, ${norm(CREDIBILITY_NORMS.priorPercent)} AS prior
                 FROM governance_norms) w
    LEFT JOIN (SELECT org_id, count(*) AS projects FROM service_projects GROUP BY org_id) pj ON pj.org_id = o.id
    LEFT JOIN (SELECT p.org_id,
                      count(*) FILTER (WHERE m.done_on IS NOT NULL OR m.due_on < current_date) AS due,
                      count(*) FILTER (WHERE m.done_on <= m.due_on) AS on_time
                 FROM service_project_milestones m JOIN service_projects p ON p.id = m.project_id
                GROUP BY p.org_id) ms ON ms.org_id = o.id
    LEFT JOIN (SELECT p.org_id, count(*) AS ratings, avg(r.rating) AS average
                 FROM service_project_ratings r JOIN service_projects p ON p.id = r.project_id
                GROUP BY p.org_id) rt ON rt.org_id = o.id
    LEFT JOIN (SELECT p.org_id, count(*) AS complaints
                 FROM service_project_complaints c JOIN service_projects p ON p.id = c.project_id
                GROUP BY p.org_id) cp ON cp.org_id = o.id
   WHERE ${where}) parts)`;
}
