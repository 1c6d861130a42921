import { sql, type SQL } from 'drizzle-orm';
import type { Conn } from '../../db/client.ts';
import { pgArray } from '../../db/array.ts';
import { like, rows } from '../../db/rows.ts';
import { ancestorSql } from '../../platform/access/scope.ts';
import { ORG_SELECT, type OrgRow } from './services.sql.ts';

export interface OrgFields {
  creditCode: string;
  name: string;
  kind: string;
  placeId: number;
  placePath: string;
  serviceAreas: string[];
  staffCount: number;
  socialWorkerCount: number;
  contactName: string;
}

export async function insert(tx: Conn, f: OrgFields): Promise<number> {
  const [row] = await rows<{ id: number }>(
    tx,
    sql`INSERT INTO social_organizations (credit_code, name, kind, place_id, place_path, service_areas, staff_count,
                                          social_worker_count, contact_name)
        VALUES (${f.creditCode}, ${f.name}, ${f.kind}, ${f.placeId}, ${f.placePath}, ${pgArray(f.serviceAreas)}::text[],
                ${f.staffCount}, ${f.socialWorkerCount}, ${f.contactName})
        RETURNING id`,
  );
  return Number(row.id);
}

/** Writes the fields over the version read; false when someone saved in between. */
export async function update(tx: Conn, id: number, version: number, f: OrgFields): Promise<boolean> {
  const found = await rows<{ id: number }>(
    tx,
    sql`UPDATE social_organizations SET credit_code = ${f.creditCode}, name = ${f.name}, kind = ${f.kind},
               place_id = ${f.placeId}, place_path = ${f.placePath}, service_areas = ${pgArray(f.serviceAreas)}::text[],
               staff_count = ${f.staffCount}, social_worker_count = ${f.socialWorkerCount},
               contact_name = ${f.contactName}, version = version + 1, updated_at = now()
         WHERE id = ${id} AND version = ${version}
     RETURNING id`,
  );
  return found.length === 1;
}

/** Replaces the places an organization serves. */
export async function setPlacesServed(tx: Conn, orgId: number, served: { id: number; path: string }[]) {
  await tx.execute(sql`DELETE FROM social_org_places WHERE org_id = ${orgId}`);
  if (served.length === 0) return;
  await tx.execute(
    sql`INSERT INTO social_org_places (org_id, place_id, place_path)
        SELECT ${orgId}, id, path FROM places WHERE id = ANY(${pgArray(served.map((s) => s.id))}::bigint[])`,
  );
}

export async function findById(conn: Conn, id: number) {
  const [row] = await rows<OrgRow>(conn, sql`${ORG_SELECT} WHERE o.id = ${id}`);
  return row;
}

/** An organization seen through `scope` (a condition on `o`). */
export async function findVisible(conn: Conn, scope: SQL, id: number) {
  const [row] = await rows<OrgRow>(conn, sql`${ORG_SELECT} WHERE o.id = ${id} AND ${scope}`);
  return row;
}

/** An enabled account holding the `social_org_staff` role, by username. */
export async function staffAccount(conn: Conn, username: string) {
  const [row] = await rows<{ id: number }>(
    conn,
    sql`SELECT id FROM users WHERE username = ${username} AND NOT disabled AND 'social_org_staff' = ANY(roles)`,
  );
  return row ? { id: Number(row.id) } : undefined;
}

/** A page of organizations seen through `scope` (a condition on `o`), by name, with the total. */
export async function list(
  conn: Conn,
  scope: SQL,
  f: { q?: string; category?: string },
  limit: number,
  offset: number,
) {
  const parts = [scope];
  if (f.q) parts.push(sql`(o.name LIKE ${`%${like(f.q)}`} OR o.credit_code LIKE ${like(f.q.toUpperCase())})`);
  if (f.category) parts.push(sql`${f.category} = ANY(o.service_areas)`);
  const where = sql.join(parts, sql` AND `);
  const [items, [count]] = await Promise.all([
    rows<OrgRow>(
      conn,
      sql`${ORG_SELECT} WHERE ${where} ORDER BY o.name, o.id LIMIT ${limit} OFFSET ${offset}`,
    ),
    rows<{ total: number }>(
      conn,
      sql`SELECT count(*)::int AS total FROM social_organizations o WHERE ${where}`,
    ),
  ]);
  return { items, total: count.total };
}

/** Organizations serving `category` at the place of `path` (a place they serve is it or above it). */
export async function serving(conn: Conn, category: string, path: string) {
  return rows<OrgRow>(
    conn,
    sql`${ORG_SELECT}
         WHERE ${category} = ANY(o.service_areas)
           AND EXISTS (SELECT 1 FROM social_org_places sp WHERE sp.org_id = o.id AND ${ancestorSql(sql.raw('sp.place_path'), path)})
         ORDER BY o.social_worker_count DESC, o.name, o.id LIMIT 50`,
  );
}

/** Whether the organization serves `category` at the place of `path`. */
export async function serves(conn: Conn, orgId: number, category: string, path: string) {
  const found = await rows<{ id: number }>(
    conn,
    sql`SELECT o.id FROM social_organizations o
         WHERE o.id = ${orgId} AND ${category} = ANY(o.service_areas)
           AND EXISTS (SELECT 1 FROM social_org_places sp WHERE sp.org_id = o.id AND ${ancestorSql(sql.raw('sp.place_path'), path)})`,
  );
  return found.length === 1;
}

/** The organization a `social_org_staff` account works for, or null. */
export async function orgOfStaff(conn: Conn, userId: number): Promise<number | null> {
  const [row] = await rows<{ org_id: number }>(
    conn,
    sql`SELECT org_id FROM social_org_staff WHERE user_id = ${userId}`,
  );
  return row ? Number(row.org_id) : null;
}

/** The active accounts working for an organization. */
export async function staffOf(conn: Conn, orgId: number): Promise<number[]> {
  const found = await rows<{ user_id: number }>(
    conn,
    sql`SELECT s.user_id FROM social_org_staff s JOIN users u ON u.id = s.user_id WHERE s.org_id = ${orgId} AND NOT u.disabled`,
  );
  return found.map((r) => Number(r.user_id));
}

/** Ties a `social_org_staff` account to its organization (again to another replaces it). */
export async function linkStaff(tx: Conn, userId: number, orgId: number) {
  await tx.execute(
    sql`INSERT INTO social_org_staff (user_id, org_id) VALUES (${userId}, ${orgId})
        ON CONFLICT (user_id) DO UPDATE SET org_id = EXCLUDED.org_id`,
  );
}
