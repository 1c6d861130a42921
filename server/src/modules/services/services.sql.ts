import { sql } from 'drizzle-orm';
import { placeLabelSql } from '../../db/place-label.ts';

export interface OrgRow {
  id: number;
  credit_code: string;
  name: string;
  kind: string;
  place_id: number;
  place_path: string;
  place_name: string;
  service_areas: string[];
  places_served: { id: number; name: string }[];
  staff_count: number;
  social_worker_count: number;
  contact_name: string;
  version: number;
}

/** An organization (`o`) with the name of its place and the places it serves. */
export const ORG_SELECT = sql`SELECT o.id, o.credit_code, o.name, o.kind, o.place_id, o.place_path, pl.name AS place_name,
       o.service_areas, o.staff_count, o.social_worker_count, o.contact_name, o.version,
       COALESCE((SELECT json_agg(json_build_object('id', sp.place_id, 'name', spl.name) ORDER BY spl.name)
                   FROM social_org_places sp JOIN places spl ON spl.id = sp.place_id
                  WHERE sp.org_id = o.id), '[]'::json) AS places_served
  FROM social_organizations o JOIN places pl ON pl.id = o.place_id`;

export interface NeedRow {
  id: number;
  category: string;
  urgency: string;
  summary: string;
  detail: string;
  household_id: number;
  person_id: number | null;
  place_path: string;
  sensitive: boolean;
  source: string;
  consent_at: string | Date | null;
  consent_shares: string[];
  status: string;
  org_id: number | null;
  org_name: string | null;
  due_at: string | Date;
  overdue: boolean;
  rating: number | null;
  rating_comment: string | null;
  version: number;
  created_at: string | Date;
  community_name: string;
  person_name: string;
  address: string | null;
}

/** A need (`n`) with its organization, community, the person it concerns (else the household's head) and dwelling. */
export const NEED_SELECT =
  sql.raw(`SELECT n.id, n.category, n.urgency, n.summary, n.detail, n.household_id, n.person_id,
       n.place_path, n.sensitive, n.source, n.consent_at, n.consent_shares, n.status, n.org_id, o.name AS org_name,
       n.due_at, (n.status IN ('open', 'referred') AND n.due_at < now()) AS overdue, n.rating, n.rating_comment,
       n.version, n.created_at,
       COALESCE((SELECT c.name FROM places c
                  WHERE c.id = ANY(string_to_array(trim(both '/' from n.place_path), '/')::bigint[])
                    AND c.level = 'community'), '') AS community_name,
       COALESCE(p.name, h.head_name) AS person_name,
       ${placeLabelSql('dp', 'db')} AS address
  FROM service_needs n
  JOIN households h ON h.id = n.household_id
  LEFT JOIN persons p ON p.id = n.person_id
  LEFT JOIN social_organizations o ON o.id = n.org_id
  LEFT JOIN places dp ON dp.id = h.dwelling_id
  LEFT JOIN places db ON db.id = dp.parent_id`);

export interface ResourceRow {
  id: number;
  kind: string;
  name: string;
  donor_kind: string;
  donor_name: string;
  quantity: number;
  remaining: number;
  unit: string;
  available_from: string | Date;
  available_to: string | Date | null;
  place_id: number;
  place_path: string;
  place_name: string;
}

export const RESOURCE_SELECT = sql`SELECT r.id, r.kind, r.name, r.donor_kind, r.donor_name, r.quantity, r.remaining, r.unit,
       to_char(r.available_from, 'YYYY-MM-DD') AS available_from, to_char(r.available_to, 'YYYY-MM-DD') AS available_to,
       r.place_id, r.place_path, pl.name AS place_name
  FROM service_resources r JOIN places pl ON pl.id = r.place_id`;
