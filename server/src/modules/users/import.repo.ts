import { inArray } from 'drizzle-orm';
import type { Conn } from '../../db/client.ts';
import { places, users, userScopes } from '../../db/schema/index.ts';

/** Of `usernames`, those already taken. */
export async function takenUsernames(conn: Conn, usernames: string[]) {
  if (!usernames.length) return new Set<string>();
  const found = await conn
    .select({ username: users.username })
    .from(users)
    .where(inArray(users.username, usernames));
  return new Set(found.map((u) => u.username));
}

/** The places of these codes, by code. */
export async function placesByCodes(conn: Conn, codes: string[]) {
  if (!codes.length) return new Map<string, { id: number; path: string }>();
  const found = await conn
    .select({ id: places.id, code: places.code, path: places.path })
    .from(places)
    .where(inArray(places.code, codes));
  return new Map(found.map((p) => [p.code!, { id: p.id, path: p.path }]));
}

/** Inserts the accounts, each to change its password at first sign-in, and their scopes; returns their ids by username. */
export async function insertAccounts(
  conn: Conn,
  accounts: {
    username: string;
    displayName: string;
    roles: string[];
    passwordHash: string;
    placeIds: number[];
  }[],
) {
  const created = await conn
    .insert(users)
    .values(
      accounts.map((a) => ({
        username: a.username,
        displayName: a.displayName,
        roles: a.roles,
        passwordHash: a.passwordHash,
        mustChangePassword: true,
      })),
    )
    .returning({ id: users.id, username: users.username });
  const ids = new Map(created.map((c) => [c.username, c.id]));
  const scopes = accounts.flatMap((a) =>
    a.placeIds.map((placeId) => ({ userId: ids.get(a.username)!, placeId })),
  );
  // a statement takes at most 65,535 parameters
  for (let i = 0; i < scopes.length; i += 10_000)
    await conn.insert(userScopes).values(scopes.slice(i, i + 10_000));
  return ids;
}
