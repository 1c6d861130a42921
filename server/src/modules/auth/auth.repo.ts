import { eq, sql } from 'drizzle-orm';
import type { Conn } from '../../db/client.ts';
import { places, users, userScopes } from '../../db/schema/index.ts';

export async function findUserByUsername(conn: Conn, username: string) {
  const [row] = await conn.select().from(users).where(eq(users.username, username));
  return row;
}

export async function findUserById(conn: Conn, id: number) {
  const [row] = await conn.select().from(users).where(eq(users.id, id));
  return row;
}

/** Counts a failed login; the fifth in a row locks the account for `lockSeconds`. */
export async function recordFailedLogin(conn: Conn, id: number, maxFailures: number, lockSeconds: number) {
  const [row] = await conn
    .update(users)
    .set({
      failedLogins: sql`CASE WHEN ${users.failedLogins} + 1 >= ${maxFailures} THEN 0 ELSE ${users.failedLogins} + 1 END`,
      lockedUntil: sql`CASE WHEN ${users.failedLogins} + 1 >= ${maxFailures}
                            THEN now() + make_interval(secs => ${lockSeconds}) ELSE ${users.lockedUntil} END`,
    })
    .where(eq(users.id, id))
    .returning({ lockedUntil: users.lockedUntil });
  return row;
}

export async function recordLogin(conn: Conn, id: number) {
  await conn
    .update(users)
    .set({ failedLogins: 0, lockedUntil: null, lastLoginAt: sql`now()` })
    .where(eq(users.id, id));
}

export async function setPassword(conn: Conn, id: number, passwordHash: string, mustChange: boolean) {
  await conn
    .update(users)
    .set({
      passwordHash,
      mustChangePassword: mustChange,
      updatedAt: sql`now()`,
      version: sql`${users.version} + 1`,
    })
    .where(eq(users.id, id));
}

export async function scopeRoots(conn: Conn, userId: number) {
  return conn
    .select({ id: places.id, name: places.name, level: places.level, code: places.code })
    .from(userScopes)
    .innerJoin(places, eq(places.id, userScopes.placeId))
    .where(eq(userScopes.userId, userId))
    .orderBy(places.path);
}

export async function idsWithRole(conn: Conn, role: string): Promise<number[]> {
  const rows = await conn
    .select({ id: users.id })
    .from(users)
    .where(sql`${role} = ANY(${users.roles}) AND NOT ${users.disabled}`);
  return rows.map((r) => r.id);
}
