import { sql, type SQL } from 'drizzle-orm';
import type { Conn } from '../../db/client.ts';
import { pgArray } from '../../db/array.ts';
import { rows } from '../../db/rows.ts';
import { underColumnSql, underSql } from '../../platform/access/scope.ts';
import { demandSql, FACILITY_SELECT, type DemandRow, type FacilityRow } from './sites.sql.ts';

export interface PlaceRow {
  id: number;
  name: string;
  path: string;
  level: string;
  parent_id: number | null;
}

export const placesByIds = (conn: Conn, ids: number[]) =>
  rows<PlaceRow>(
    conn,
    sql`SELECT id, name, path, level, parent_id FROM places WHERE id = ANY(${pgArray(ids)}::bigint[])`,
  );

/** The sites under `path` that `scope` (a condition on `pl`) admits, by name. */
export const sitesUnder = (conn: Conn, path: string, scope: SQL) =>
  rows<PlaceRow>(
    conn,
    sql`SELECT pl.id, pl.name, pl.path, pl.level, pl.parent_id FROM places pl
         WHERE ${underSql(sql.raw('pl.path'), [path])} AND ${scope} ORDER BY pl.name, pl.id`,
  );

/** Demand against capacity of the sites `ids` and of the facilities serving them, on `on` (see `demandSql`). */
export const demandOf = (conn: Conn, ids: number[], on: string) =>
  rows<DemandRow>(
    conn,
    demandSql(
      sql`SELECT id, path FROM places WHERE id = ANY(${pgArray(ids)}::bigint[]) AND level = 'community'`,
      on,
    ),
  );

export interface FacilityFields {
  name: string;
  kind: string;
  capacity: number;
  state: string;
}

export async function insertFacility(
  conn: Conn,
  place: { id: number; path: string },
  f: FacilityFields,
  userId: number,
) {
  const [row] = await rows<{ id: number }>(
    conn,
    sql`INSERT INTO site_facilities (name, kind, place_id, place_path, capacity, state, created_by)
        VALUES (${f.name}, ${f.kind}, ${place.id}, ${place.path}, ${f.capacity}, ${f.state}, ${userId}) RETURNING id`,
  );
  return Number(row.id);
}

/** Writes the facility from `version`; false when stale. */
export async function updateFacility(
  conn: Conn,
  id: number,
  version: number,
  f: Omit<FacilityFields, 'kind'>,
) {
  const done = await rows<{ id: number }>(
    conn,
    sql`UPDATE site_facilities SET name = ${f.name}, capacity = ${f.capacity}, state = ${f.state},
               version = version + 1, updated_at = now()
         WHERE id = ${id} AND version = ${version} RETURNING id`,
  );
  return done.length === 1;
}

/** Replaces the sites a facility serves. */
export async function setServedSites(conn: Conn, facilityId: number, sites: { id: number; path: string }[]) {
  await conn.execute(sql`DELETE FROM site_facility_sites WHERE facility_id = ${facilityId}`);
  await conn.execute(
    sql`INSERT INTO site_facility_sites (facility_id, site_id, site_path)
        SELECT ${facilityId}, s.id, s.path FROM unnest(${pgArray(sites.map((s) => s.id))}::bigint[], ${pgArray(
          sites.map((s) => s.path),
        )}::text[]) AS s(id, path)`,
  );
}

export async function findFacility(conn: Conn, id: number) {
  const [row] = await rows<FacilityRow>(conn, sql`${FACILITY_SELECT} WHERE x.id = ${id}`);
  return row;
}

/** The facilities `scope` admits (a condition on `x`) serving one of the sites under `path`, by kind and name. */
export const facilitiesServing = (conn: Conn, path: string, scope: SQL) =>
  rows<FacilityRow>(
    conn,
    sql`${FACILITY_SELECT}
         WHERE ${scope} AND EXISTS (SELECT 1 FROM site_facility_sites fs
                                     WHERE fs.facility_id = x.id AND ${underSql(sql.raw('fs.site_path'), [path])})
         ORDER BY x.kind, x.name, x.id`,
  );

export interface SiteFigureRow {
  site_id: number;
  households_benefiting: number;
  paid_this_year: string | number;
  tasks: number;
  tasks_done: number;
  tasks_on_time: number;
  tasks_late: number;
}

/**
 * For each site `ids`: households living there linked to a running industry project, what projects
 * paid households living there in `year`, and the plan's tasks of `year` done, on time and late on
 * `on` — one statement.
 */
export const siteFigures = (conn: Conn, ids: number[], year: number, on: string) =>
  rows<SiteFigureRow>(
    conn,
    sql`SELECT s.id AS site_id,
               (SELECT count(DISTINCT b.household_id)::int FROM industry_beneficiaries b
                  JOIN industry_projects j ON j.id = b.project_id AND j.status = 'running'
                  JOIN households h ON h.id = b.household_id
                 WHERE ${underColumnSql(sql.raw('h.residence_path'), sql.raw('s.path'))}) AS households_benefiting,
               (SELECT coalesce(sum(y.amount), 0) FROM industry_payments y JOIN households h ON h.id = y.household_id
                 WHERE ${underColumnSql(sql.raw('h.residence_path'), sql.raw('s.path'))}
                   AND y.paid_on >= make_date(${year}, 1, 1) AND y.paid_on < make_date(${year + 1}, 1, 1)) AS paid_this_year,
               count(t.id)::int AS tasks,
               count(t.id) FILTER (WHERE t.done_on IS NOT NULL)::int AS tasks_done,
               count(t.id) FILTER (WHERE t.done_on <= t.due_on)::int AS tasks_on_time,
               count(t.id) FILTER (WHERE coalesce(t.done_on > t.due_on, t.due_on < ${on}::date))::int AS tasks_late
          FROM places s LEFT JOIN support_tasks t ON t.site_id = s.id AND t.year = ${year}
         WHERE s.id = ANY(${pgArray(ids)}::bigint[])
         GROUP BY s.id, s.path`,
  );
