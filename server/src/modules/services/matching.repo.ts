import { sql, type SQL } from 'drizzle-orm';
import type { Conn } from '../../db/client.ts';
import { rows } from '../../db/rows.ts';
import { ancestorSql } from '../../platform/access/scope.ts';
import { credibilitySql, MATCH_NORMS, type CredibilityRow } from './credibility.sql.ts';

export interface MatchRow {
  need_id: number;
  rank: number;
  org_id: number;
  org_name: string;
  org_kind: string;
  credibility: string | number;
  capacity: number;
  capacity_left: number;
  part_credibility: string | number;
  part_capacity: string | number;
  score: string | number;
}

const norm = (code: string) => sql.raw(`max(value) FILTER (WHERE code = '${code}')`);

/**
 * Ranks providers for every open need `n` in `scope` (or only `needId`), in one statement: an organization whose
 * service areas hold the need's category, serving the need's place or a place above it, with
 * capacity left (staff × cases per staff, less the needs it carries now). Its score is
 * credibility·credibility/100 + capacity·(capacity left / capacity), the weights governance norms;
 * the best `perNeed` of each need, best first.
 */
export function rankProviders(conn: Conn, scope: SQL, perNeed: number, needId?: number) {
  return rows<MatchRow>(
    conn,
    sql`WITH w AS (
          SELECT ${norm(MATCH_NORMS.credibility)} AS cred, ${norm(MATCH_NORMS.capacity)} AS cap,
                 ${norm(MATCH_NORMS.casesPerStaff)} AS cases
            FROM governance_norms),
        open_needs AS (
          SELECT n.id, n.category, n.place_path FROM service_needs n WHERE n.status = 'open' AND ${scope}${needId === undefined ? sql`` : sql` AND n.id = ${needId}`}),
        carried AS (
          SELECT org_id, count(*) AS carried FROM service_needs
           WHERE status IN ('referred', 'accepted', 'in_service') AND org_id IS NOT NULL GROUP BY org_id),
        providers AS (
          SELECT o.id, o.name, o.kind, unnest(o.service_areas) AS category, c.score AS credibility,
                 (o.staff_count * w.cases)::int AS capacity,
                 (o.staff_count * w.cases - COALESCE(l.carried, 0))::int AS capacity_left,
                 round(w.cred * c.score / 100.0, 1) AS part_credibility,
                 round(w.cap * (o.staff_count * w.cases - COALESCE(l.carried, 0))::numeric
                       / NULLIF(o.staff_count * w.cases, 0), 1) AS part_capacity
            FROM social_organizations o
           CROSS JOIN w
            JOIN ${credibilitySql()} c ON c.org_id = o.id
            LEFT JOIN carried l ON l.org_id = o.id
           WHERE o.staff_count * w.cases - COALESCE(l.carried, 0) > 0),
        candidates AS (
          SELECT DISTINCT ON (n.id, p.id) n.id AS need_id, p.id AS org_id, p.name AS org_name, p.kind AS org_kind,
                 p.credibility, p.capacity, p.capacity_left, p.part_credibility, p.part_capacity,
                 p.part_credibility + p.part_capacity AS score
            FROM open_needs n
            JOIN providers p ON p.category = n.category
            JOIN social_org_places sp ON sp.org_id = p.id AND ${ancestorSql(sql.raw('sp.place_path'), sql.raw('n.place_path'))}
           ORDER BY n.id, p.id),
        ranked AS (
          SELECT *, row_number() OVER (PARTITION BY need_id ORDER BY score DESC, capacity_left DESC, org_id)::int AS rank
            FROM candidates)
        SELECT need_id, rank, org_id, org_name, org_kind, credibility, capacity, capacity_left,
               part_credibility, part_capacity, score
          FROM ranked WHERE rank <= ${perNeed} ORDER BY need_id, rank`,
  );
}

/** The credibility of one organization with its parts. */
export async function credibilityOf(conn: Conn, orgId: number) {
  const [row] = await rows<CredibilityRow>(
    conn,
    sql`SELECT * FROM ${credibilitySql(sql`o.id = ${orgId}`)} c`,
  );
  return row;
}
