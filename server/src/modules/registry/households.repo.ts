import { sql, type SQL } from 'drizzle-orm';
import type { Conn } from '../../db/client.ts';
import { eitherSideSql } from '../../platform/access/scope.ts';
import { HOUSEHOLD_SELECT, like, rows, type HouseholdRow } from './registry.sql.ts';

export interface HouseholdFilter {
  underPath?: string;
  q?: string;
  povertyStatus?: string;
  status: string;
}

function where(scope: SQL, f: HouseholdFilter): SQL {
  const c: SQL[] = [scope, sql`h.status = ${f.status}`];
  if (f.underPath)
    c.push(eitherSideSql([f.underPath], sql.raw('h.residence_path'), sql.raw('h.origin_path')));
  if (f.q) c.push(sql`(h.head_name LIKE ${like(f.q)} OR h.household_no LIKE ${like(f.q)})`);
  if (f.povertyStatus) c.push(sql`h.poverty_status = ${f.povertyStatus}`);
  return sql.join(c, sql` AND `);
}

export async function list(conn: Conn, scope: SQL, f: HouseholdFilter, limit: number, offset: number) {
  const w = where(scope, f);
  const [items, [{ total }]] = await Promise.all([
    rows<HouseholdRow>(
      conn,
      sql`${HOUSEHOLD_SELECT} WHERE ${w} ORDER BY h.residence_path, h.id LIMIT ${limit} OFFSET ${offset}`,
    ),
    rows<{ total: number }>(conn, sql`SELECT count(*)::int AS total FROM households h WHERE ${w}`),
  ]);
  return { items, total };
}

export async function findById(conn: Conn, id: number, lock = false): Promise<HouseholdRow | undefined> {
  const [row] = await rows<HouseholdRow>(
    conn,
    sql`${HOUSEHOLD_SELECT} WHERE h.id = ${id}${lock ? sql` FOR UPDATE OF h` : sql``}`,
  );
  return row;
}

export async function activeInDwelling(conn: Conn, dwellingId: number) {
  const [row] = await rows<{ id: number; household_no: string }>(
    conn,
    sql`SELECT id, household_no FROM households WHERE dwelling_id = ${dwellingId} AND status = 'active' LIMIT 1`,
  );
  return row;
}

export interface NewHousehold {
  communityCode: string;
  dwellingId: number;
  residencePath: string;
  originVillageId: number | null;
  originPath: string | null;
  relocationYear: number | null;
  resettlementType: string;
  povertyStatus: string;
}

/** Inserts a household; its number is the community code and the household id. */
export async function insert(conn: Conn, h: NewHousehold): Promise<number> {
  const [row] = await rows<{ id: number }>(
    conn,
    sql`WITH next AS (SELECT nextval(pg_get_serial_sequence('households', 'id')) AS id)
        INSERT INTO households (id, household_no, dwelling_id, residence_place_id, residence_path, origin_village_id,
          origin_path, relocation_year, resettlement_type, poverty_status)
        SELECT id, ${h.communityCode} || '-' || lpad(id::text, 7, '0'), ${h.dwellingId}, ${h.dwellingId},
          ${h.residencePath}, ${h.originVillageId}, ${h.originPath}, ${h.relocationYear}, ${h.resettlementType},
          ${h.povertyStatus}
          FROM next
        RETURNING id`,
  );
  return row.id;
}

const COLUMN: Record<string, string> = {
  dwellingId: 'dwelling_id',
  residencePlaceId: 'residence_place_id',
  residencePath: 'residence_path',
  relocationYear: 'relocation_year',
  resettlementType: 'resettlement_type',
  povertyStatus: 'poverty_status',
  status: 'status',
};

/** Applies `patch` and bumps the version when `version` still matches; false when it is stale. */
export async function update(conn: Conn, id: number, version: number, patch: Record<string, unknown>) {
  const sets = Object.entries(patch)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => sql`${sql.raw(COLUMN[k])} = ${v}`);
  const done = await rows<{ id: number }>(
    conn,
    sql`UPDATE households SET ${sql.join([...sets, sql`version = version + 1`, sql`updated_at = now()`], sql`, `)}
         WHERE id = ${id} AND version = ${version} RETURNING id`,
  );
  return done.length === 1;
}

/** Recomputes the head's name and the count of living members. */
export async function refreshSummary(conn: Conn, id: number) {
  await conn.execute(sql`
    UPDATE households h SET
      member_count = (SELECT count(*) FROM persons p WHERE p.household_id = h.id AND p.status = 'living'),
      head_name = COALESCE((SELECT p.name FROM persons p WHERE p.household_id = h.id AND p.relation = 'head'
                              AND p.status = 'living' ORDER BY p.id LIMIT 1), '')
    WHERE h.id = ${id}`);
}

/** Moves a household and its living members to `dwelling` (the members get a new version). */
export async function moveToDwelling(
  conn: Conn,
  householdId: number,
  dwelling: { id: number; path: string },
) {
  await conn.execute(sql`UPDATE households SET dwelling_id = ${dwelling.id}, residence_place_id = ${dwelling.id},
                         residence_path = ${dwelling.path} WHERE id = ${householdId}`);
  await conn.execute(sql`UPDATE persons SET residence_place_id = ${dwelling.id}, residence_path = ${dwelling.path},
                         version = version + 1, updated_at = now()
                       WHERE household_id = ${householdId} AND status = 'living'`);
}

/** A household's poverty status and version, locked for the change that follows. */
export async function povertyStatusForUpdate(conn: Conn, id: number) {
  const [h] = await rows<{ poverty_status: string; version: number }>(
    conn,
    sql`SELECT poverty_status, version FROM households WHERE id = ${id} FOR UPDATE`,
  );
  return h;
}

/** Sets a household's poverty status and bumps its version. */
export async function setPovertyStatus(conn: Conn, id: number, status: string) {
  await conn.execute(
    sql`UPDATE households SET poverty_status = ${status}, version = version + 1, updated_at = now()
         WHERE id = ${id}`,
  );
}
