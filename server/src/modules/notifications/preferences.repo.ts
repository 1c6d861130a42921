import { and, eq, sql } from 'drizzle-orm';
import type { Conn } from '../../db/client.ts';
import { notificationPreferences as preferences } from '../../db/schema/index.ts';

export type PreferencesRow = typeof preferences.$inferSelect;
export type PreferencesValues = Pick<PreferencesRow, 'webhook' | 'phoneCipher' | 'phoneMasked' | 'locale'>;

export async function find(conn: Conn, userId: number): Promise<PreferencesRow | undefined> {
  const [row] = await conn.select().from(preferences).where(eq(preferences.userId, userId));
  return row;
}

/** Saves over the row at `version`; nothing when someone saved meanwhile (or there is no row yet). */
export async function update(conn: Conn, userId: number, version: number, values: PreferencesValues) {
  const [row] = await conn
    .update(preferences)
    .set({ ...values, version: sql`${preferences.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(preferences.userId, userId), eq(preferences.version, version)))
    .returning();
  return row;
}

/** The first save of a user's choices; nothing when another first save won. */
export async function insertFirst(conn: Conn, userId: number, values: PreferencesValues) {
  const [row] = await conn
    .insert(preferences)
    .values({ userId, ...values, version: 2 })
    .onConflictDoNothing()
    .returning();
  return row;
}
