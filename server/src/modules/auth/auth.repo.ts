import { and, eq, sql } from 'drizzle-orm';
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

/**
 * Takes one sign-in attempt, checking and counting it in one statement so that no burst of parallel
 * attempts gets past the lock: none is taken (undefined) while the account is locked; otherwise it is
 * counted as a failure in advance (a lock that has run out starts the count again), and the attempt that
 * reaches `maxFailures` locks the account for `lockSeconds`. Returns the count this attempt holds.
 */
export async function takeAttempt(conn: Conn, id: number, maxFailures: number, lockSeconds: number) {
  const count = sql`CASE WHEN ${users.lockedUntil} IS NULL THEN ${users.failedLogins} + 1 ELSE 1 END`;
  const [row] = await conn
    .update(users)
    .set({
      failedLogins: count,
      lockedUntil: sql`CASE WHEN ${count} >= ${maxFailures} THEN now() + make_interval(secs => ${lockSeconds}) END`,
    })
    .where(and(eq(users.id, id), sql`(${users.lockedUntil} IS NULL OR ${users.lockedUntil} <= now())`))
    .returning({ count: users.failedLogins, lockedUntil: users.lockedUntil });
  return row;
}

/**
 * Records a sign-in with the right password, clearing the count, unless the account is locked by other
 * attempts (the lock this attempt set itself, as the last allowed one, is its own to clear). False when locked.
 */
export async function recordLogin(conn: Conn, id: number, attempt: number): Promise<boolean> {
  const rows = await conn
    .update(users)
    .set({ failedLogins: 0, lockedUntil: null, lastLoginAt: sql`now()` })
    .where(
      and(
        eq(users.id, id),
        sql`(${users.lockedUntil} IS NULL OR ${users.lockedUntil} <= now() OR ${users.failedLogins} = ${attempt})`,
      ),
    )
    .returning({ id: users.id });
  return rows.length > 0;
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
