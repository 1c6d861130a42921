import { sql } from 'drizzle-orm';
import {
  EDITABLE_DICTIONARIES,
  type DictionaryItem,
  type DictionaryItemCreate,
  type DictionaryItemUpdate,
  type EditableDictionary,
} from '@anju/contracts';
import type { Conn, Database } from '../../db/client.ts';
import { rows } from '../../db/rows.ts';
import type { Ctx } from '../../platform/auth/actor.ts';
import { audit } from '../../platform/audit/audit.ts';
import { AppError, notFound } from '../../platform/errors.ts';

interface ItemRow {
  kind: string;
  code: string;
  label_zh: string;
  label_en: string;
  sort: number;
  active: boolean;
}

const present = (r: ItemRow): DictionaryItem => ({
  kind: r.kind,
  code: r.code,
  labelZh: r.label_zh,
  labelEn: r.label_en,
  sort: r.sort,
  active: r.active,
});

/** Only the monitoring code lists are edited here; any other kind is not found. */
function editable(kind: string): EditableDictionary {
  if (!(EDITABLE_DICTIONARIES as readonly string[]).includes(kind)) throw notFound('dictionary');
  return kind as EditableDictionary;
}

async function find(conn: Conn, kind: string, code: string, lock = false): Promise<ItemRow | undefined> {
  const [r] = await rows<ItemRow>(
    conn,
    sql`SELECT kind, code, label_zh, label_en, sort, active FROM dictionary_entries
         WHERE kind = ${kind} AND code = ${code} ${lock ? sql`FOR UPDATE` : sql``}`,
  );
  return r;
}

/** Every entry of an editable list, the inactive ones too, in list order. */
export async function listItems(database: Database, kind: string): Promise<DictionaryItem[]> {
  const found = await rows<ItemRow>(
    database.db,
    sql`SELECT kind, code, label_zh, label_en, sort, active FROM dictionary_entries
         WHERE kind = ${editable(kind)} ORDER BY sort, code`,
  );
  return found.map(present);
}

/** Adds an entry; a code already in the list (active or not) is a duplicate. Audited. */
export async function addItem(
  database: Database,
  ctx: Ctx,
  kind: string,
  input: DictionaryItemCreate,
): Promise<DictionaryItem> {
  const k = editable(kind);
  return database.db.transaction(async (tx) => {
    const [added] = await rows<ItemRow>(
      tx,
      sql`INSERT INTO dictionary_entries (kind, code, label_zh, label_en, sort, active)
          VALUES (${k}, ${input.code}, ${input.labelZh}, ${input.labelEn}, ${input.sort}, true)
          ON CONFLICT (kind, code) DO NOTHING
          RETURNING kind, code, label_zh, label_en, sort, active`,
    );
    if (!added)
      throw new AppError('duplicate', `code ${input.code} is already in the list`, [
        { field: 'code', reason: 'already used' },
      ]);
    await audit(tx, ctx, {
      action: 'dictionary.add',
      targetType: 'dictionary',
      targetId: `${k}:${input.code}`,
      detail: { ...input },
    });
    return present(added);
  });
}

/** Relabels, reorders, retires or brings back an entry; its code never changes. Audited. */
export async function updateItem(
  database: Database,
  ctx: Ctx,
  kind: string,
  code: string,
  input: DictionaryItemUpdate,
): Promise<DictionaryItem> {
  const k = editable(kind);
  return database.db.transaction(async (tx) => {
    const before = await find(tx, k, code, true);
    if (!before) throw notFound('dictionary entry');
    const [after] = await rows<ItemRow>(
      tx,
      sql`UPDATE dictionary_entries
             SET label_zh = ${input.labelZh}, label_en = ${input.labelEn}, sort = ${input.sort}, active = ${input.active}
           WHERE kind = ${k} AND code = ${code}
          RETURNING kind, code, label_zh, label_en, sort, active`,
    );
    await audit(tx, ctx, {
      action: 'dictionary.update',
      targetType: 'dictionary',
      targetId: `${k}:${code}`,
      detail: { before: present(before), after: input },
    });
    return present(after);
  });
}
