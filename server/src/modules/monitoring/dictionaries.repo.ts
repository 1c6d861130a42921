import { pgArray } from '../../db/array.ts';
import { sql } from 'drizzle-orm';
import type { DictionaryItemCreate, DictionaryItemUpdate } from '@anju/contracts';
import type { Conn } from '../../db/client.ts';
import { rows } from '../../db/rows.ts';

export interface ItemRow {
  kind: string;
  code: string;
  label_zh: string;
  label_en: string;
  sort: number;
  active: boolean;
}

/** One entry of a list (locked for the transaction when `lock`). */
export async function findItem(
  conn: Conn,
  kind: string,
  code: string,
  lock = false,
): Promise<ItemRow | undefined> {
  const [r] = await rows<ItemRow>(
    conn,
    sql`SELECT kind, code, label_zh, label_en, sort, active FROM dictionary_entries
         WHERE kind = ${kind} AND code = ${code} ${lock ? sql`FOR UPDATE` : sql``}`,
  );
  return r;
}

/** Every entry of a list, the inactive ones too, in list order. */
export const itemsOf = (conn: Conn, kind: string) =>
  rows<ItemRow>(
    conn,
    sql`SELECT kind, code, label_zh, label_en, sort, active FROM dictionary_entries
         WHERE kind = ${kind} ORDER BY sort, code`,
  );

/** Adds an entry; undefined when the code is already in the list. */
export async function insertItem(
  conn: Conn,
  kind: string,
  input: DictionaryItemCreate,
): Promise<ItemRow | undefined> {
  const [added] = await rows<ItemRow>(
    conn,
    sql`INSERT INTO dictionary_entries (kind, code, label_zh, label_en, sort, active)
        VALUES (${kind}, ${input.code}, ${input.labelZh}, ${input.labelEn}, ${input.sort}, true)
        ON CONFLICT (kind, code) DO NOTHING
        RETURNING kind, code, label_zh, label_en, sort, active`,
  );
  return added;
}

/** Rewrites an entry's labels, place in the list and activity; returns it as saved. */
export async function updateItem(conn: Conn, kind: string, code: string, input: DictionaryItemUpdate) {
  const [after] = await rows<ItemRow>(
    conn,
    sql`UPDATE dictionary_entries
           SET label_zh = ${input.labelZh}, label_en = ${input.labelEn}, sort = ${input.sort}, active = ${input.active}
         WHERE kind = ${kind} AND code = ${code}
        RETURNING kind, code, label_zh, label_en, sort, active`,
  );
  return after;
}

/** The codes among `codes` that are active risk types. */
export const activeRiskTypes = (conn: Conn, codes: string[]) =>
  rows<{ code: string }>(
    conn,
    sql`SELECT code FROM dictionary_entries WHERE kind = 'risk_type' AND active AND code = ANY(${pgArray(codes)}::text[])`,
  );
