import { and, asc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Conn } from '../../db/client.ts';
import { places, users, userScopes } from '../../db/schema/index.ts';
import { underSql } from '../../platform/access/scope.ts';

const columns = {
  id: users.id,
  username: users.username,
  displayName: users.displayName,
  roles: users.roles,
  disabled: users.disabled,
  lockedUntil: users.lockedUntil,
  lastLoginAt: users.lastLoginAt,
  createdAt: users.createdAt,
  version: users.version,
};
export type UserRow = { [K in keyof typeof columns]: (typeof users.$inferSelect)[K] };

export async function list(conn: Conn, f: { q?: string; role?: string; limit: number; offset: number }) {
  const conds: SQL[] = [];
  if (f.q) {
    const text = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conds.push(or(ilike(users.username, text), ilike(users.displayName, text))!);
  }
  if (f.role) conds.push(sql`${f.role} = ANY(${users.roles})`);
  const where = conds.length ? and(...conds) : undefined;
  const [items, [{ total }]] = await Promise.all([
    conn
      .select(columns)
      .from(users)
      .where(where)
      .orderBy(asc(users.username))
      .limit(f.limit)
      .offset(f.offset),
    conn
      .select({ total: sql<number>`count(*)::int` })
      .from(users)
      .where(where),
  ]);
  return { items, total };
}

export async function findById(conn: Conn, id: number) {
  const [row] = await conn.select(columns).from(users).where(eq(users.id, id));
  return row;
}

/** The account of a username (as typed, case and all), or undefined. */
export async function findByUsername(conn: Conn, username: string) {
  const [row] = await conn.select(columns).from(users).where(eq(users.username, username));
  return row;
}

/** Usernames and display names of many accounts in one query. */
export async function namesOf(conn: Conn, ids: number[]) {
  if (ids.length === 0) return [];
  return conn
    .select({ id: users.id, username: users.username, displayName: users.displayName })
    .from(users)
    .where(inArray(users.id, ids));
}

/** Scope roots of many users in one query. */
export async function scopesOf(conn: Conn, userIds: number[]) {
  if (userIds.length === 0) return [];
  return conn
    .select({ userId: userScopes.userId, id: places.id, name: places.name, level: places.level })
    .from(userScopes)
    .innerJoin(places, eq(places.id, userScopes.placeId))
    .where(inArray(userScopes.userId, userIds))
    .orderBy(places.path);
}

export async function insert(conn: Conn, row: typeof users.$inferInsert) {
  const [created] = await conn.insert(users).values(row).returning({ id: users.id });
  return created;
}

export async function updateVersioned(
  conn: Conn,
  id: number,
  version: number,
  patch: Partial<typeof users.$inferInsert>,
) {
  const [row] = await conn
    .update(users)
    .set({ ...patch, version: sql`${users.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(users.id, id), eq(users.version, version)))
    .returning({ id: users.id });
  return row;
}

export async function replaceScopes(conn: Conn, userId: number, placeIds: number[]) {
  await conn.delete(userScopes).where(eq(userScopes.userId, userId));
  if (placeIds.length) await conn.insert(userScopes).values(placeIds.map((placeId) => ({ userId, placeId })));
}

export async function unlock(conn: Conn, id: number) {
  await conn.update(users).set({ failedLogins: 0, lockedUntil: null }).where(eq(users.id, id));
}

export async function withRole(conn: Conn, ids: number[], role: string) {
  if (ids.length === 0) return [];
  return conn
    .select({ id: users.id, displayName: users.displayName })
    .from(users)
    .where(and(inArray(users.id, ids), sql`${role} = ANY(${users.roles})`, eq(users.disabled, false)));
}

export async function withRoleWithin(conn: Conn, role: string, path: string) {
  return conn
    .selectDistinct({ id: users.id, displayName: users.displayName })
    .from(users)
    .innerJoin(userScopes, eq(userScopes.userId, users.id))
    .innerJoin(places, eq(places.id, userScopes.placeId))
    .where(and(sql`${role} = ANY(${users.roles})`, eq(users.disabled, false), underSql(places.path, [path])))
    .orderBy(users.displayName, users.id);
}

/** Active accounts holding `role`, anywhere. */
export async function idsWithRole(conn: Conn, role: string): Promise<number[]> {
  const rows = await conn
    .select({ id: users.id })
    .from(users)
    .where(and(sql`${role} = ANY(${users.roles})`, eq(users.disabled, false)));
  return rows.map((r) => r.id);
}
