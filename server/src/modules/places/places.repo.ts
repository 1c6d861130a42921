import { and, asc, eq, inArray, like, or, sql, type SQL } from 'drizzle-orm';
import type { Conn } from '../../db/client.ts';
import { places } from '../../db/schema/index.ts';
import { pgArray } from '../../db/array.ts';
import { underSql } from '../../platform/access/scope.ts';

export type PlaceRow = typeof places.$inferSelect;

export const summaryColumns = {
  id: places.id,
  parentId: places.parentId,
  level: places.level,
  code: places.code,
  name: places.name,
  childCount: places.childCount,
  path: places.path,
};

export async function findById(conn: Conn, id: number): Promise<PlaceRow | undefined> {
  const [row] = await conn.select().from(places).where(eq(places.id, id));
  return row;
}

export async function findByIds(conn: Conn, ids: number[]) {
  if (ids.length === 0) return [];
  return conn.select(summaryColumns).from(places).where(inArray(places.id, ids));
}

/** One page of children and their total in one query (a window count); a page past the end counts apart. */
export async function children(conn: Conn, parentId: number, scope: SQL, limit: number, offset: number) {
  const where = and(eq(places.parentId, parentId), scope);
  const rows = await conn
    .select({ ...summaryColumns, total: sql<number>`(count(*) OVER ())::int` })
    .from(places)
    .where(where)
    .orderBy(asc(places.code), asc(places.name))
    .limit(limit)
    .offset(offset);
  if (rows.length > 0) return { items: rows, total: rows[0].total };
  const [{ total }] = await conn
    .select({ total: sql<number>`count(*)::int` })
    .from(places)
    .where(where);
  return { items: rows, total };
}

/** Top-level places, for users who see the whole tree. */
export async function roots(conn: Conn) {
  return conn
    .select(summaryColumns)
    .from(places)
    .where(sql`${places.parentId} IS NULL`)
    .orderBy(asc(places.code));
}

/** Search by name fragment, pinyin initials prefix or code prefix, within `scope` if any (and `under`). */
export async function search(
  conn: Conn,
  q: string,
  scope: SQL | undefined,
  opts: { underPath?: string; levels?: string[]; limit: number },
) {
  const text = q.replace(/[\\%_]/g, (c) => `\\${c}`);
  const match = or(
    like(places.name, `%${text}%`),
    like(places.initials, `${text.toLowerCase()}%`),
    like(places.code, `${text}%`),
  );
  const conds = [match, scope];
  if (opts.underPath) conds.push(underSql(places.path, [opts.underPath]));
  if (opts.levels?.length) conds.push(inArray(places.level, opts.levels));
  return conn
    .select(summaryColumns)
    .from(places)
    .where(and(...conds))
    .orderBy(asc(places.depth), asc(places.code))
    .limit(opts.limit);
}

export async function insert(conn: Conn, row: typeof places.$inferInsert) {
  const [created] = await conn.insert(places).values(row).returning();
  return created;
}

export async function setPath(conn: Conn, id: number, path: string) {
  await conn.update(places).set({ path }).where(eq(places.id, id));
}

export async function bumpChildCount(conn: Conn, id: number, by: number) {
  await conn
    .update(places)
    .set({ childCount: sql`${places.childCount} + ${by}` })
    .where(eq(places.id, id));
}

/** Updates when `version` still matches; returns undefined when someone else changed it first. */
export async function updateVersioned(
  conn: Conn,
  id: number,
  version: number,
  patch: { name: string; initials: string; attributes?: Record<string, unknown> },
) {
  const [row] = await conn
    .update(places)
    .set({ ...patch, version: sql`${places.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(places.id, id), eq(places.version, version)))
    .returning();
  return row;
}

/** Rewrites the paths of whole subtrees under `within` set-based; the roots of `moves` get `parentId`. */
export async function rebase(
  conn: Conn,
  within: string,
  moves: { id: number; from: string; to: string }[],
  parentId: number,
) {
  const result = await conn.execute(sql`
    UPDATE places p SET
      path = m.to_path || substr(p.path, length(m.from_path) + 1),
      parent_id = CASE WHEN p.id = m.id THEN ${parentId}::bigint ELSE p.parent_id END,
      version = CASE WHEN p.id = m.id THEN p.version + 1 ELSE p.version END,
      updated_at = now()
    FROM (SELECT unnest(${pgArray(moves.map((m) => m.id))}::bigint[]) AS id,
                 unnest(${pgArray(moves.map((m) => m.from))}::text[]) AS from_path,
                 unnest(${pgArray(moves.map((m) => m.to))}::text[]) AS to_path) m
    WHERE ${underSql(sql.raw('p.path'), [within])}
      AND left(p.path, length(m.from_path)) = m.from_path
    RETURNING p.id`);
  return result.rows as { id: number }[];
}

/** Sets where a place stands when `version` still matches; undefined when someone else changed it first. */
export async function setPoint(
  conn: Conn,
  id: number,
  version: number,
  point: { lng: number; lat: number } | null,
) {
  const [row] = await conn
    .update(places)
    .set({
      lng: point?.lng ?? null,
      lat: point?.lat ?? null,
      version: sql`${places.version} + 1`,
      updatedAt: sql`now()`,
    })
    .where(and(eq(places.id, id), eq(places.version, version)))
    .returning({ id: places.id, lng: places.lng, lat: places.lat, version: places.version });
  return row;
}

/**
 * The next grid code of a community: its code and a 3-digit sequence after the highest in use. The
 * caller holds the community's row lock (`lockPlace`), which serialises numbering.
 */
export async function nextGridCode(conn: Conn, community: { id: number; code: string }): Promise<string> {
  const pattern = `^${community.code.replace(/[^0-9A-Za-z]/g, (c) => `\\${c}`)}[0-9]{3}$`;
  const { rows } = await conn.execute(
    sql`SELECT COALESCE(max(substr(code, ${community.code.length + 1})::int), 0) + 1 AS seq
          FROM places
         WHERE parent_id = ${community.id} AND level = 'grid' AND code ~ ${pattern}`,
  );
  return `${community.code}${String((rows[0] as { seq: number }).seq).padStart(3, '0')}`;
}

/** Locks a place row for the transaction. */
export async function lockPlace(conn: Conn, id: number) {
  await conn.execute(sql`SELECT id FROM places WHERE id = ${id} FOR UPDATE`);
}
