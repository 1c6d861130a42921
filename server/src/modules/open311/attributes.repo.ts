import { sql } from 'drizzle-orm';
import type { Conn } from '../../db/client.ts';

export interface CategoryAttributesRow {
  code: string;
  name_zh: string;
  name_en: string;
  attributes: unknown;
}

/** Active categories (Open311's services) with their stored attributes, locked when `forUpdate`. */
export async function categoryAttributes(conn: Conn, code: string | null, forUpdate = false) {
  return (
    await conn.execute(
      sql`SELECT code, name_zh, name_en, attributes FROM incident_categories
           WHERE active ${code === null ? sql`` : sql`AND code = ${code}`}
           ORDER BY sort, code ${forUpdate ? sql`FOR UPDATE` : sql``}`,
    )
  ).rows as unknown as CategoryAttributesRow[];
}

export async function setAttributes(conn: Conn, code: string, stored: Record<string, unknown>) {
  await conn.execute(
    sql`UPDATE incident_categories SET attributes = ${JSON.stringify(stored)}::jsonb WHERE code = ${code}`,
  );
}
