import {
  EDITABLE_DICTIONARIES,
  type DictionaryItem,
  type DictionaryItemCreate,
  type DictionaryItemUpdate,
  type EditableDictionary,
} from '@anju/contracts';
import type { Database } from '../../db/client.ts';
import type { Ctx } from '../../platform/auth/actor.ts';
import { audit } from '../../platform/audit/audit.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import * as repo from './dictionaries.repo.ts';

const present = (r: repo.ItemRow): DictionaryItem => ({
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

/** Every entry of an editable list, the inactive ones too, in list order. */
export async function listItems(database: Database, kind: string): Promise<DictionaryItem[]> {
  return (await repo.itemsOf(database.db, editable(kind))).map(present);
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
    const added = await repo.insertItem(tx, k, input);
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
    const before = await repo.findItem(tx, k, code, true);
    if (!before) throw notFound('dictionary entry');
    const after = await repo.updateItem(tx, k, code, input);
    await audit(tx, ctx, {
      action: 'dictionary.update',
      targetType: 'dictionary',
      targetId: `${k}:${code}`,
      detail: { before: present(before), after: input },
    });
    return present(after);
  });
}
