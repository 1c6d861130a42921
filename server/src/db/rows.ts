import type { SQL } from 'drizzle-orm';
import type { Conn } from './client.ts';

/** Runs hand-written SQL and returns its rows. */
export async function rows<T>(conn: Conn, query: SQL): Promise<T[]> {
  return (await conn.execute(query)).rows as T[];
}

/** A LIKE pattern matching everything that starts with `prefix`, its wildcards escaped. */
export const like = (prefix: string) => `${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
