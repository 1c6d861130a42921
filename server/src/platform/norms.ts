import { sql } from 'drizzle-orm';
import type { Conn } from '../db/client.ts';
import { pgArray } from '../db/array.ts';

/** A governance norm kept as data (governance_norms), e.g. 'grid_households_min'. */
export async function norms(conn: Conn, ...codes: string[]): Promise<number[]> {
  const found = (
    await conn.execute(
      sql`SELECT code, value FROM governance_norms WHERE code = ANY(${pgArray(codes)}::text[])`,
    )
  ).rows as { code: string; value: number }[];
  return codes.map((c) => {
    const row = found.find((r) => r.code === c);
    if (!row) throw new Error(`governance norm ${c} is missing`);
    return row.value;
  });
}
