import { sql, type SQL } from 'drizzle-orm';
import { FACILITY_DEMAND, type CapacityUnit, type DemandGroup } from '@anju/contracts';
import { underColumnSql } from '../../platform/access/scope.ts';

/** Each kind with a demand rule: the demand it counts toward, the group, unit, norm and per. */
const RULES = sql.raw(
  `(VALUES ${Object.entries(FACILITY_DEMAND)
    .map(
      ([kind, r]) => `('${kind}', '${r.counts ?? kind}', '${r.group}', '${r.unit}', '${r.norm}', ${r.per})`,
    )
    .join(', ')}) AS r(kind, dkind, grp, unit, norm, per)`,
);

/** Whether a person (`p`) of a demand group on day `on` counts: age from the birth date, disability from its grade. */
const bornBetween = (on: string, older: number, younger: number) =>
  sql`p.birth_date > (${on}::date - make_interval(years => ${older})) AND p.birth_date <= (${on}::date - make_interval(years => ${younger}))`;

export interface DemandRow {
  /** A site's demand of one kind, or a facility's. */
  what: 'site' | 'facility';
  id: number;
  kind: string;
  grp: DemandGroup;
  unit: CapacityUnit;
  people: number;
  demand: number;
  capacity: string | number;
  residents: number;
}

/**
 * Demand against capacity, one statement: for each site `sites` returns (a query of `id, path`), the
 * living people of each demand group, the demand (people × norm ÷ per, rounded up) and the capacity its
 * facilities in use give it; and for each facility serving one of them, its demand. A facility's demand
 * is its sites' demand, each site's divided among the facilities of that kind serving it; its capacity
 * goes to its sites in that proportion (evenly where there is no demand).
 */
export const demandSql = (sites: SQL, on: string): SQL => sql`
  WITH s AS (${sites}),
  served AS (
    SELECT fs.facility_id, fs.site_id, fs.site_path, r.dkind, x.capacity
      FROM site_facility_sites fs
      JOIN site_facilities x ON x.id = fs.facility_id AND x.state = 'in_use'
      JOIN ${RULES} ON r.kind = x.kind
     WHERE fs.facility_id IN (SELECT fs2.facility_id FROM site_facility_sites fs2 JOIN s ON s.id = fs2.site_id)),
  everywhere AS (SELECT id, path FROM s UNION SELECT site_id, site_path FROM served),
  people AS (
    SELECT e.id, count(p.id)::int AS residents,
           count(p.id) FILTER (WHERE ${bornBetween(on, 6, 3)})::int AS children_3_5,
           count(p.id) FILTER (WHERE ${bornBetween(on, 12, 6)})::int AS children_6_11,
           count(p.id) FILTER (WHERE ${bornBetween(on, 15, 12)})::int AS children_12_14,
           count(p.id) FILTER (WHERE p.birth_date <= (${on}::date - make_interval(years => 60))
                                  OR p.disability_grade IS NOT NULL)::int AS elderly_or_disabled
      FROM everywhere e
      LEFT JOIN persons p ON p.status = 'living' AND ${underColumnSql(sql.raw('p.residence_path'), sql.raw('e.path'))}
     GROUP BY e.id),
  kinds AS (
    SELECT DISTINCT ON (r.dkind) r.dkind, r.grp, r.unit, n.value, r.per
      FROM ${RULES} JOIN governance_norms n ON n.code = r.norm
     WHERE r.kind = r.dkind),
  need AS (
    SELECT pe.id AS site_id, pe.residents, k.dkind, k.grp, k.unit,
           CASE k.grp WHEN 'residents' THEN pe.residents WHEN 'children_3_5' THEN pe.children_3_5
                      WHEN 'children_6_11' THEN pe.children_6_11 WHEN 'children_12_14' THEN pe.children_12_14
                      ELSE pe.elderly_or_disabled END AS people,
           k.value, k.per
      FROM people pe CROSS JOIN kinds k),
  demand AS (SELECT need.*, ceil(people::numeric * value / per)::int AS demand FROM need),
  parts AS (
    SELECT sv.facility_id, sv.site_id, sv.dkind, sv.capacity,
           d.demand::numeric / count(*) OVER (PARTITION BY sv.site_id, sv.dkind) AS part,
           count(*) OVER (PARTITION BY sv.facility_id) AS sites
      FROM served sv JOIN demand d ON d.site_id = sv.site_id AND d.dkind = sv.dkind),
  fac AS (SELECT parts.*, sum(part) OVER (PARTITION BY facility_id) AS fac_demand FROM parts)
  SELECT 'site' AS what, d.site_id AS id, d.dkind AS kind, d.grp, d.unit, d.people, d.demand, d.residents,
         coalesce(sum(CASE WHEN f.fac_demand > 0 THEN f.capacity * f.part / f.fac_demand
                           ELSE f.capacity::numeric / f.sites END), 0) AS capacity
    FROM demand d JOIN s ON s.id = d.site_id
    LEFT JOIN fac f ON f.site_id = d.site_id AND f.dkind = d.dkind
   GROUP BY d.site_id, d.dkind, d.grp, d.unit, d.people, d.demand, d.residents
  UNION ALL
  SELECT 'facility', f.facility_id, min(f.dkind), min(d.grp), min(d.unit), sum(d.people)::int,
         ceil(max(f.fac_demand))::int, 0, max(f.capacity)
    FROM fac f JOIN demand d ON d.site_id = f.site_id AND d.dkind = f.dkind
   GROUP BY f.facility_id`;

export interface FacilityRow {
  id: number;
  name: string;
  kind: string;
  place_id: number;
  place_path: string;
  place_name: string;
  capacity: number;
  state: string;
  sites: { id: number; name: string }[];
  version: number;
}

/** Facilities (`x`) with their place's name and the sites they serve. */
export const FACILITY_SELECT = sql`
  SELECT x.id, x.name, x.kind, x.place_id, x.place_path, pl.name AS place_name, x.capacity, x.state, x.version,
         coalesce((SELECT json_agg(json_build_object('id', sp.id, 'name', sp.name) ORDER BY sp.name)
                     FROM site_facility_sites fs JOIN places sp ON sp.id = fs.site_id
                    WHERE fs.facility_id = x.id), '[]'::json) AS sites
    FROM site_facilities x JOIN places pl ON pl.id = x.place_id`;

export interface ProjectRow {
  id: number;
  name: string;
  kind: string;
  place_id: number;
  place_path: string;
  place_name: string;
  investment: string | number;
  fund_source: string;
  status: string;
  started_on: string;
  households: number;
  paid: string | number;
  version: number;
}

/** Projects (`j`) with their place's name, the households linked and all paid to them. */
export const PROJECT_SELECT = sql`
  SELECT j.id, j.name, j.kind, j.place_id, j.place_path, pl.name AS place_name, j.investment, j.fund_source,
         j.status, to_char(j.started_on, 'YYYY-MM-DD') AS started_on, j.version,
         (SELECT count(*)::int FROM industry_beneficiaries b WHERE b.project_id = j.id) AS households,
         (SELECT coalesce(sum(amount), 0) FROM industry_payments y WHERE y.project_id = j.id) AS paid
    FROM industry_projects j JOIN places pl ON pl.id = j.place_id`;

export interface PaymentRow {
  id: number;
  project_id: number;
  household_id: number;
  head_name: string;
  kind: string;
  amount: string | number;
  paid_on: string;
  note: string;
}

/** Payments (`y`) with the name of their household's head (`h`). */
export const PAYMENT_SELECT = sql`
  SELECT y.id, y.project_id, y.household_id, h.head_name, y.kind, y.amount,
         to_char(y.paid_on, 'YYYY-MM-DD') AS paid_on, y.note
    FROM industry_payments y JOIN households h ON h.id = y.household_id`;

export interface TaskRow {
  id: number;
  site_id: number;
  site_path: string;
  site_name: string;
  year: number;
  area: string;
  goal: string;
  title: string;
  owner: string;
  due_on: string;
  progress: number;
  evidence: string;
  done_on: string | null;
  late: boolean;
  version: number;
}

/** Tasks (`t`) of a support plan with their site's name and whether they are late on `on`. */
export const TASK_SELECT = (on: string) => sql`
  SELECT t.id, t.site_id, t.site_path, sp.name AS site_name, t.year, t.area, t.goal, t.title, t.owner,
         to_char(t.due_on, 'YYYY-MM-DD') AS due_on, t.progress, t.evidence,
         to_char(t.done_on, 'YYYY-MM-DD') AS done_on,
         coalesce(t.done_on > t.due_on, t.due_on < ${on}::date) AS late, t.version
    FROM support_tasks t JOIN places sp ON sp.id = t.site_id`;
