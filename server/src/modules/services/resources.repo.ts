import { sql, type SQL } from 'drizzle-orm';
import type { Conn } from '../../db/client.ts';
import { rows } from '../../db/rows.ts';
import { ancestorSql } from '../../platform/access/scope.ts';
import { RESOURCE_SELECT, type ResourceRow } from './services.sql.ts';

export interface NewResource {
  kind: string;
  name: string;
  donorKind: string;
  donorName: string;
  quantity: number;
  unit: string;
  availableFrom: string;
  availableTo: string | null;
  placeId: number;
  placePath: string;
}

export async function insert(tx: Conn, r: NewResource): Promise<number> {
  const [row] = await rows<{ id: number }>(
    tx,
    sql`INSERT INTO service_resources (kind, name, donor_kind, donor_name, quantity, remaining, unit, available_from,
                                       available_to, place_id, place_path)
        VALUES (${r.kind}, ${r.name}, ${r.donorKind}, ${r.donorName}, ${r.quantity}, ${r.quantity}, ${r.unit},
                ${r.availableFrom}, ${r.availableTo}, ${r.placeId}, ${r.placePath})
        RETURNING id`,
  );
  return Number(row.id);
}

export async function findById(conn: Conn, id: number) {
  const [row] = await rows<ResourceRow>(conn, sql`${RESOURCE_SELECT} WHERE r.id = ${id}`);
  return row;
}

/** A page of resources in `scope` (a condition on `r`), newest first, with the total. */
export async function list(
  conn: Conn,
  scope: SQL,
  f: { kind?: string; available?: boolean },
  limit: number,
  offset: number,
) {
  const parts = [scope];
  if (f.kind) parts.push(sql`r.kind = ${f.kind}`);
  if (f.available)
    parts.push(
      sql`r.remaining > 0 AND r.available_from <= current_date AND (r.available_to IS NULL OR r.available_to >= current_date)`,
    );
  const where = sql.join(parts, sql` AND `);
  const [items, [count]] = await Promise.all([
    rows<ResourceRow>(
      conn,
      sql`${RESOURCE_SELECT} WHERE ${where} ORDER BY r.id DESC LIMIT ${limit} OFFSET ${offset}`,
    ),
    rows<{ total: number }>(conn, sql`SELECT count(*)::int AS total FROM service_resources r WHERE ${where}`),
  ]);
  return { items, total: count.total };
}

/**
 * Takes `quantity` of a resource and records it against the need in one statement: the conditional
 * UPDATE takes it only while that much remains, so concurrent allocations never over-allocate.
 * Undefined when not enough remains.
 */
export async function allocate(
  tx: Conn,
  resourceId: number,
  needId: number,
  quantity: number,
  actorId: number,
) {
  const [row] = await rows<{ id: number; remaining: number }>(
    tx,
    sql`WITH taken AS (
          UPDATE service_resources SET remaining = remaining - ${quantity}, version = version + 1
           WHERE id = ${resourceId} AND remaining >= ${quantity}
       RETURNING id, remaining)
        INSERT INTO resource_allocations (resource_id, need_id, quantity, actor_id)
        SELECT id, ${needId}, ${quantity}, ${actorId} FROM taken
     RETURNING id, (SELECT remaining FROM taken) AS remaining`,
  );
  return row ? { id: Number(row.id), remaining: Number(row.remaining) } : undefined;
}

/** Resources in `scope` available today at the place of `path` or a place above it, most remaining first. */
export const availableAt = (conn: Conn, scope: SQL, path: string) =>
  rows<ResourceRow>(
    conn,
    sql`${RESOURCE_SELECT}
         WHERE ${scope} AND ${ancestorSql(sql.raw('r.place_path'), path)} AND r.remaining > 0
           AND r.available_from <= current_date AND (r.available_to IS NULL OR r.available_to >= current_date)
         ORDER BY r.remaining DESC, r.id LIMIT 20`,
  );
