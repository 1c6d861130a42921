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

/** A governance norm's value as a scalar subquery, for a statement that reads it in the same pass. */
export const normSql = (code: string) => sql`(SELECT value FROM governance_norms WHERE code = ${code})`;

/** Governance norms with the published rule each follows, in the order asked. */
export async function normsWithSources(
  conn: Conn,
  ...codes: string[]
): Promise<{ value: number; sourceZh: string; sourceEn: string }[]> {
  const found = (
    await conn.execute(
      sql`SELECT code, value, source_zh, source_en FROM governance_norms WHERE code = ANY(${pgArray(codes)}::text[])`,
    )
  ).rows as { code: string; value: number; source_zh: string; source_en: string }[];
  return codes.map((c) => {
    const row = found.find((r) => r.code === c);
    if (!row) throw new Error(`governance norm ${c} is missing`);
    return { value: row.value, sourceZh: row.source_zh, sourceEn: row.source_en };
  });
}
