import { sql, type SQL } from 'drizzle-orm';
import type { Conn } from '../../db/client.ts';
import { pgArray } from '../../db/array.ts';
import { underSql } from '../../platform/access/scope.ts';

/** Grids are places rows of level 'grid'; this module reads them and owns their boundary and workers. */
export interface GridRow {
  id: number;
  parent_id: number;
  level: string;
  code: string;
  name: string;
  path: string;
  version: number;
  has_boundary: boolean;
}

async function rows<T>(conn: Conn, query: SQL): Promise<T[]> {
  return (await conn.execute(query)).rows as T[];
}

const GRID_SELECT = sql`SELECT g.id, g.parent_id, g.level, g.code, g.name, g.path, g.version,
       EXISTS (SELECT 1 FROM grid_boundaries b WHERE b.grid_id = g.id) AS has_boundary
  FROM places g`;

export async function findGrid(conn: Conn, id: number): Promise<GridRow | undefined> {
  const [row] = await rows<GridRow>(conn, sql`${GRID_SELECT} WHERE g.id = ${id}`);
  return row;
}

/** Both grids locked in id order, so two re-griddings between the same grids cannot deadlock. */
export async function lockGrids(conn: Conn, ids: number[]): Promise<GridRow[]> {
  return rows<GridRow>(
    conn,
    sql`${GRID_SELECT} WHERE g.id = ANY(${pgArray(ids)}::bigint[]) ORDER BY g.id FOR UPDATE OF g`,
  );
}

export async function gridsOf(conn: Conn, communityId: number, scope: SQL): Promise<GridRow[]> {
  return rows<GridRow>(
    conn,
    sql`${GRID_SELECT} WHERE g.parent_id = ${communityId} AND g.level = 'grid' AND ${scope} ORDER BY g.code`,
  );
}

export async function bumpVersion(conn: Conn, id: number) {
  await conn.execute(sql`UPDATE places SET version = version + 1, updated_at = now() WHERE id = ${id}`);
}

export async function childBuildings(conn: Conn, gridId: number, ids: number[]): Promise<number[]> {
  const found = await rows<{ id: number }>(
    conn,
    sql`SELECT id FROM places WHERE id = ANY(${pgArray(ids)}::bigint[]) AND parent_id = ${gridId} AND level = 'building'`,
  );
  return found.map((r) => Number(r.id));
}

export async function boundaryOf(conn: Conn, gridId: number) {
  const [row] = await rows<{ geometry: unknown }>(
    conn,
    sql`SELECT geometry FROM grid_boundaries WHERE grid_id = ${gridId}`,
  );
  return row?.geometry ?? null;
}

export async function saveBoundary(conn: Conn, gridId: number, geometry: unknown, points: number) {
  await conn.execute(sql`
    INSERT INTO grid_boundaries (grid_id, geometry, points) VALUES (${gridId}, ${JSON.stringify(geometry)}::jsonb, ${points})
    ON CONFLICT (grid_id) DO UPDATE SET geometry = EXCLUDED.geometry, points = EXCLUDED.points, updated_at = now()`);
}

export async function workersOf(conn: Conn, gridIds: number[]) {
  return rows<{ grid_id: number; user_id: number }>(
    conn,
    sql`SELECT grid_id, user_id FROM grid_workers WHERE grid_id = ANY(${pgArray(gridIds)}::bigint[]) ORDER BY assigned_at, user_id`,
  );
}

export async function replaceWorkers(conn: Conn, gridId: number, userIds: number[]) {
  await conn.execute(sql`DELETE FROM grid_workers WHERE grid_id = ${gridId}`);
  if (userIds.length)
    await conn.execute(sql`
      INSERT INTO grid_workers (grid_id, user_id) SELECT ${gridId}, unnest(${pgArray(userIds)}::bigint[])`);
}

/** The grids a user works in. */
export async function gridsOfWorker(conn: Conn, userId: number) {
  return rows<{ id: number; path: string }>(
    conn,
    sql`SELECT g.id, g.path FROM grid_workers w JOIN places g ON g.id = w.grid_id WHERE w.user_id = ${userId} ORDER BY g.path`,
  );
}

export async function boundariesOf(conn: Conn, gridIds: number[]) {
  return rows<{ grid_id: number; geometry: unknown }>(
    conn,
    sql`SELECT grid_id, geometry FROM grid_boundaries WHERE grid_id = ANY(${pgArray(gridIds)}::bigint[])`,
  );
}

/**
 * Living people and buildings per child place of `parentPath` (grids of a community, buildings of a
 * grid), in one grouped roll-up over the residence paths.
 */
export async function peoplePerChild(conn: Conn, parentPath: string) {
  return rows<{ child: number; n: number }>(
    conn,
    sql`SELECT split_part(substr(residence_path, ${parentPath.length + 1}), '/', 1)::bigint AS child, count(*)::int AS n
          FROM persons WHERE ${underSql(sql`residence_path`, [parentPath])} AND status = 'living'
         GROUP BY 1`,
  );
}

export async function buildingCounts(conn: Conn, gridIds: number[]) {
  return rows<{ grid_id: number; n: number }>(
    conn,
    sql`SELECT parent_id AS grid_id, count(*)::int AS n FROM places
         WHERE parent_id = ANY(${pgArray(gridIds)}::bigint[]) AND level = 'building' GROUP BY 1`,
  );
}

export async function buildingsOf(conn: Conn, gridId: number) {
  return rows<{ id: number; code: string | null; name: string }>(
    conn,
    sql`SELECT id, code, name FROM places WHERE parent_id = ${gridId} AND level = 'building' ORDER BY code, id`,
  );
}

/** The boundaries of the grids under `path`, with each grid's community. */
export async function boundariesUnder(conn: Conn, path: string) {
  return rows<{ grid_id: number; community_id: number; geometry: unknown }>(
    conn,
    sql`SELECT g.id AS grid_id, g.parent_id AS community_id, b.geometry
          FROM grid_boundaries b JOIN places g ON g.id = b.grid_id
         WHERE ${underSql(sql`g.path`, [path])} ORDER BY g.id`,
  );
}
