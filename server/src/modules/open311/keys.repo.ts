import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Conn } from '../../db/client.ts';
import { open311Keys, places } from '../../db/schema/index.ts';
import { underSql } from '../../platform/access/scope.ts';

const columns = {
  id: open311Keys.id,
  name: open311Keys.name,
  createdAt: open311Keys.createdAt,
  revokedAt: open311Keys.revokedAt,
  placeId: places.id,
  placeName: places.name,
  placeLevel: places.level,
  placePath: places.path,
};
const withPlace = (conn: Conn) =>
  conn.select(columns).from(open311Keys).innerJoin(places, eq(places.id, open311Keys.placeId));

export type KeyRow = Awaited<ReturnType<typeof list>>[number];

export async function place(conn: Conn, id: number) {
  const [row] = await conn.select({ id: places.id, path: places.path }).from(places).where(eq(places.id, id));
  return row;
}

export async function insert(conn: Conn, row: typeof open311Keys.$inferInsert): Promise<number> {
  const [created] = await conn.insert(open311Keys).values(row).returning({ id: open311Keys.id });
  return created.id;
}

/** The keys of places under `roots`. */
export async function list(conn: Conn, roots: string[]) {
  return withPlace(conn)
    .where(underSql(places.path, roots))
    .orderBy(desc(open311Keys.createdAt), desc(open311Keys.id));
}

export async function findById(conn: Conn, id: number) {
  const [row] = await withPlace(conn).where(eq(open311Keys.id, id));
  return row;
}

export async function findByHash(conn: Conn, keyHash: string) {
  const [row] = await withPlace(conn).where(eq(open311Keys.keyHash, keyHash));
  return row;
}

/** Revokes a live key; false when it was already revoked. */
export async function revoke(conn: Conn, id: number): Promise<boolean> {
  const done = await conn
    .update(open311Keys)
    .set({ revokedAt: new Date() })
    .where(and(eq(open311Keys.id, id), isNull(open311Keys.revokedAt)))
    .returning({ id: open311Keys.id });
  return done.length > 0;
}
