import { sql, type SQL } from 'drizzle-orm';
import type { Conn } from '../../db/client.ts';
import { like, rows } from '../../db/rows.ts';
import { ENTERPRISE_SELECT, type EnterpriseRow } from './enterprises.sql.ts';

export interface EnterpriseFields {
  creditCode: string;
  name: string;
  kind: string;
  placeId: number;
  placePath: string;
  address: string;
  contactName: string;
  contactPhoneCipher: string | null;
  contactPhoneMasked: string | null;
  workshopType: string | null;
}

export async function insert(tx: Conn, f: EnterpriseFields): Promise<number> {
  const [row] = await rows<{ id: number }>(
    tx,
    sql`INSERT INTO enterprises (credit_code, name, kind, place_id, place_path, address, contact_name,
                                 contact_phone_cipher, contact_phone_masked, workshop_type)
        VALUES (${f.creditCode}, ${f.name}, ${f.kind}, ${f.placeId}, ${f.placePath}, ${f.address},
                ${f.contactName}, ${f.contactPhoneCipher}, ${f.contactPhoneMasked}, ${f.workshopType})
        RETURNING id`,
  );
  return Number(row.id);
}

/** Writes the fields over the version read; false when someone saved in between. */
export async function update(tx: Conn, id: number, version: number, f: EnterpriseFields): Promise<boolean> {
  const found = await rows<{ id: number }>(
    tx,
    sql`UPDATE enterprises SET credit_code = ${f.creditCode}, name = ${f.name}, kind = ${f.kind},
               place_id = ${f.placeId}, place_path = ${f.placePath}, address = ${f.address},
               contact_name = ${f.contactName}, contact_phone_cipher = ${f.contactPhoneCipher},
               contact_phone_masked = ${f.contactPhoneMasked}, workshop_type = ${f.workshopType},
               version = version + 1, updated_at = now()
         WHERE id = ${id} AND version = ${version}
     RETURNING id`,
  );
  return found.length === 1;
}

export async function findById(conn: Conn, id: number) {
  const [row] = await rows<EnterpriseRow>(conn, sql`${ENTERPRISE_SELECT} WHERE e.id = ${id}`);
  return row;
}

/** The sealed contact phone, kept when an update leaves the phone out. */
export async function phoneOf(conn: Conn, id: number) {
  const [row] = await rows<{ contact_phone_cipher: string | null; contact_phone_masked: string | null }>(
    conn,
    sql`SELECT contact_phone_cipher, contact_phone_masked FROM enterprises WHERE id = ${id}`,
  );
  return row;
}

export interface ListFilter {
  q?: string;
  kind?: string;
  workshop?: string;
  /** Under one place, from the policy. */
  place?: SQL;
}

function filterSql(scope: SQL, f: ListFilter): SQL {
  const parts = [scope];
  if (f.q)
    parts.push(sql`(e.name ILIKE ${`%${like(f.q)}`} OR e.credit_code LIKE ${like(f.q.toUpperCase())})`);
  if (f.kind) parts.push(sql`e.kind = ${f.kind}`);
  if (f.workshop === 'any') parts.push(sql`e.workshop_type IS NOT NULL`);
  else if (f.workshop === 'none') parts.push(sql`e.workshop_type IS NULL`);
  else if (f.workshop) parts.push(sql`e.workshop_type = ${f.workshop}`);
  if (f.place) parts.push(f.place);
  return sql.join(parts, sql` AND `);
}

/** A page of enterprises in `scope` (answered by `enterprises_place_idx`), by name, with the total. */
export async function list(conn: Conn, scope: SQL, f: ListFilter, limit: number, offset: number) {
  const where = filterSql(scope, f);
  const [items, [count]] = await Promise.all([
    rows<EnterpriseRow>(
      conn,
      sql`${ENTERPRISE_SELECT} WHERE ${where} ORDER BY e.name, e.id LIMIT ${limit} OFFSET ${offset}`,
    ),
    rows<{ total: number }>(conn, sql`SELECT count(*)::int AS total FROM enterprises e WHERE ${where}`),
  ]);
  return { items, total: count.total };
}
