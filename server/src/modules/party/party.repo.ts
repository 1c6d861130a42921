import { sql, type SQL } from 'drizzle-orm';
import type { Conn } from '../../db/client.ts';
import { pgArray } from '../../db/array.ts';
import { ancestorSql, underSql } from '../../platform/access/scope.ts';

async function rows<T>(conn: Conn, query: SQL): Promise<T[]> {
  return (await conn.execute(query)).rows as T[];
}

export interface LevelRow {
  depth: number;
  place_level: string;
  label_zh: string;
  label_en: string;
  kind: string;
}

export interface OrgRow {
  id: number;
  parent_id: number | null;
  depth: number;
  place_id: number;
  place_path: string;
  place_name: string;
  place_level: string;
  name: string;
  version: number;
}

export const levels = (conn: Conn) =>
  rows<LevelRow>(
    conn,
    sql`SELECT depth, place_level, label_zh, label_en, kind FROM party_levels ORDER BY depth`,
  );

const ORG_SELECT = sql`SELECT o.id, o.parent_id, o.depth, o.place_id, o.place_path, p.name AS place_name,
       p.level AS place_level, o.name, o.version
  FROM party_orgs o JOIN places p ON p.id = o.place_id`;

export async function findOrg(conn: Conn, id: number): Promise<OrgRow | undefined> {
  const [row] = await rows<OrgRow>(conn, sql`${ORG_SELECT} WHERE o.id = ${id}`);
  return row;
}

export const orgsUnder = (conn: Conn, path: string, scope: SQL) =>
  rows<OrgRow>(
    conn,
    sql`${ORG_SELECT} WHERE ${underSql(sql`o.place_path`, [path])} AND ${scope} ORDER BY o.depth, o.place_path`,
  );

/** The organization bound to the nearest ancestor of `path` that has one. */
export async function nearestAbove(conn: Conn, path: string): Promise<OrgRow | undefined> {
  const [row] = await rows<OrgRow>(
    conn,
    sql`${ORG_SELECT} WHERE ${ancestorSql(sql`o.place_path`, path)} AND o.place_path <> ${path}
        ORDER BY length(o.place_path) DESC LIMIT 1`,
  );
  return row;
}

export async function insertOrg(
  conn: Conn,
  o: { parentId: number | null; depth: number; placeId: number; placePath: string; name: string },
) {
  const [row] = await rows<{ id: number }>(
    conn,
    sql`INSERT INTO party_orgs (parent_id, depth, place_id, place_path, name)
        VALUES (${o.parentId}, ${o.depth}, ${o.placeId}, ${o.placePath}, ${o.name}) RETURNING id`,
  );
  return Number(row.id);
}

export const membersOf = (conn: Conn, orgIds: number[]) =>
  rows<{ org_id: number; person_id: number; probationary: boolean }>(
    conn,
    sql`SELECT org_id, person_id, probationary FROM party_members WHERE org_id = ANY(${pgArray(orgIds)}::bigint[]) ORDER BY person_id`,
  );

/** Members of each organization and of the organizations under it, all and full (not probationary). */
export const memberCounts = (conn: Conn, orgIds: number[]) =>
  rows<{ org_id: number; members: number; full_members: number }>(
    conn,
    sql`SELECT o.id AS org_id, count(m.person_id)::int AS members,
               (count(m.person_id) FILTER (WHERE NOT m.probationary))::int AS full_members
          FROM party_orgs o
          JOIN party_orgs s ON left(s.place_path, length(o.place_path)) = o.place_path
          LEFT JOIN party_members m ON m.org_id = s.id
         WHERE o.id = ANY(${pgArray(orgIds)}::bigint[])
         GROUP BY o.id`,
  );

/** Attaches persons to `orgId`, moving them from any organization they were in. */
export async function replaceMembers(
  conn: Conn,
  orgId: number,
  personIds: number[],
  probationaryIds: number[],
) {
  await conn.execute(sql`DELETE FROM party_members WHERE org_id = ${orgId}`);
  if (personIds.length)
    await conn.execute(sql`
      INSERT INTO party_members (person_id, org_id, probationary)
      SELECT p, ${orgId}, p = ANY(${pgArray(probationaryIds)}::bigint[]) FROM unnest(${pgArray(personIds)}::bigint[]) AS p
      ON CONFLICT (person_id) DO UPDATE SET org_id = EXCLUDED.org_id, probationary = EXCLUDED.probationary`);
}

export const linksOf = (conn: Conn, orgIds: number[]) =>
  rows<{ org_id: number; household_id: number }>(
    conn,
    sql`SELECT org_id, household_id FROM party_links WHERE org_id = ANY(${pgArray(orgIds)}::bigint[]) ORDER BY household_id`,
  );

/** Of `householdIds`, those looked after by another organization than `orgId`. */
export const linkedElsewhere = (conn: Conn, orgId: number, householdIds: number[]) =>
  rows<{ household_id: number }>(
    conn,
    sql`SELECT household_id FROM party_links WHERE household_id = ANY(${pgArray(householdIds)}::bigint[]) AND org_id <> ${orgId}`,
  );

export async function replaceLinks(conn: Conn, orgId: number, householdIds: number[]) {
  await conn.execute(sql`DELETE FROM party_links WHERE org_id = ${orgId}`);
  if (householdIds.length)
    await conn.execute(sql`
      INSERT INTO party_links (household_id, org_id) SELECT unnest(${pgArray(householdIds)}::bigint[]), ${orgId}`);
}

/** Nobody looks after h: no link to it, and it is not itself a party-member household of the last level. */
export const notLookedAfter = (lastDepth: number) => sql`
  SELECT 1 FROM party_links l WHERE l.household_id = h.id
  UNION ALL
  SELECT 1 FROM party_orgs o WHERE o.place_id = h.dwelling_id AND o.depth = ${lastDepth}`;

/** After places moved: rewrite the organizations' paths and re-attach moved roots to their new parents. */
export async function rebase(conn: Conn, moves: { from: string; to: string }[]) {
  await conn.execute(sql`
    UPDATE party_orgs o SET place_path = m.to_path || substr(o.place_path, length(m.from_path) + 1)
      FROM (SELECT unnest(${pgArray(moves.map((m) => m.from))}::text[]) AS from_path,
                   unnest(${pgArray(moves.map((m) => m.to))}::text[]) AS to_path) m
     WHERE left(o.place_path, length(m.from_path)) = m.from_path`);
  const moved = underSql(
    sql`o.place_path`,
    moves.map((m) => m.to),
  );
  await conn.execute(sql`
    UPDATE party_orgs o SET parent_id = (
        SELECT a.id FROM party_orgs a
         WHERE a.place_id = ANY(string_to_array(trim(both '/' from o.place_path), '/')::bigint[]) AND a.id <> o.id
         ORDER BY length(a.place_path) DESC LIMIT 1)
     WHERE ${moved}`);
}

/** Renames an organization if it is still at `version`; false when it moved on. */
export async function rename(conn: Conn, id: number, name: string, version: number) {
  const found = await rows<{ id: number }>(
    conn,
    sql`UPDATE party_orgs SET name = ${name}, version = version + 1
         WHERE id = ${id} AND version = ${version} RETURNING id`,
  );
  return found.length > 0;
}

/** Living party members residing under `path`, with their dwelling and the organization they are in. */
export const candidatesUnder = (conn: Conn, path: string) =>
  rows<{ person_id: number; name: string; dwelling: string; org_id: number | null }>(
    conn,
    sql`SELECT p.id AS person_id, p.name, COALESCE(d.name, '') AS dwelling, m.org_id
          FROM persons p
          JOIN households h ON h.id = p.household_id
          LEFT JOIN places d ON d.id = h.dwelling_id
          LEFT JOIN party_members m ON m.person_id = p.id
         WHERE ${underSql(sql`p.residence_path`, [path])} AND p.party_member AND p.status = 'living'
         ORDER BY p.residence_path, p.id
         LIMIT 500`,
  );

/** The (depth, place level) pairs organizations are founded on, which a new level setting must keep. */
export const levelsInUse = (conn: Conn) =>
  rows<{ depth: number; place_level: string }>(
    conn,
    sql`SELECT DISTINCT o.depth, p.level AS place_level FROM party_orgs o JOIN places p ON p.id = o.place_id`,
  );

export async function replaceLevels(
  conn: Conn,
  levels: { placeLevel: string; labelZh: string; labelEn: string; kind: string }[],
) {
  await conn.execute(sql`LOCK TABLE party_levels IN EXCLUSIVE MODE`);
  await conn.execute(sql`DELETE FROM party_levels`);
  for (const [i, l] of levels.entries())
    await conn.execute(sql`
      INSERT INTO party_levels (depth, place_level, label_zh, label_en, kind)
      VALUES (${i + 1}, ${l.placeLevel}, ${l.labelZh}, ${l.labelEn}, ${l.kind})`);
}
