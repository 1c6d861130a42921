import { sql, type SQL } from 'drizzle-orm';
import type { Conn } from '../../db/client.ts';
import { ancestorSql } from '../../platform/access/scope.ts';

export interface CategoryAttributesRow {
  code: string;
  name_zh: string;
  name_en: string;
  attributes: unknown;
  /** The region whose attributes these are; null for the category's own (national) ones. */
  region_id: number | null;
  region_name: string | null;
}

/**
 * The attributes a category asks at the place of `path`: those of the nearest region above it that
 * has its own, else the category's own. A LATERAL subquery joined to `c` (incident_categories).
 */
export const regionalAttributesSql = (path: string | SQL) =>
  sql`LEFT JOIN LATERAL (
        SELECT ca.attributes, ca.place_id, p.name AS place_name
          FROM category_attributes ca JOIN places p ON p.id = ca.place_id
         WHERE ca.category_code = c.code AND ${ancestorSql(sql`p.path`, path)}
         ORDER BY length(p.path) DESC LIMIT 1) r ON true`;

/** Active categories (Open311's services) with the attributes in force at `path`, locked when `forUpdate`. */
export async function categoryAttributes(conn: Conn, code: string | null, path: string, forUpdate = false) {
  return (
    await conn.execute(
      sql`SELECT c.code, c.name_zh, c.name_en, coalesce(r.attributes, c.attributes) AS attributes,
                 r.place_id AS region_id, r.place_name AS region_name
            FROM incident_categories c ${regionalAttributesSql(path)}
           WHERE c.active ${code === null ? sql`` : sql`AND c.code = ${code}`}
           ORDER BY c.sort, c.code ${forUpdate ? sql`FOR UPDATE OF c` : sql``}`,
    )
  ).rows as unknown as CategoryAttributesRow[];
}

/** Sets a region's own attributes of a category. */
export async function setAttributes(
  conn: Conn,
  code: string,
  placeId: number,
  stored: Record<string, unknown>,
  userId: number,
) {
  await conn.execute(
    sql`INSERT INTO category_attributes (category_code, place_id, attributes, updated_by)
        VALUES (${code}, ${placeId}, ${JSON.stringify(stored)}::jsonb, ${userId})
        ON CONFLICT (category_code, place_id)
        DO UPDATE SET attributes = EXCLUDED.attributes, updated_by = EXCLUDED.updated_by, updated_at = now()`,
  );
}

/** The level, path and name of a place. */
export async function placeOf(conn: Conn, id: number) {
  const [place] = (await conn.execute(sql`SELECT level, path, name FROM places WHERE id = ${id}`))
    .rows as unknown as { level: string; path: string; name: string }[];
  return place;
}
