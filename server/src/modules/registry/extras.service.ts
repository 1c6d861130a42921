import type { Database } from '../../db/client.ts';
import type { Ctx } from '../../platform/auth/actor.ts';
import { audit } from '../../platform/audit/audit.ts';
import { conflict, invalid, notFound } from '../../platform/errors.ts';
import * as persons from './persons.repo.ts';
import * as repo from './extras.repo.ts';
import { assertResidenceSide, assertVisible, sideOf } from './registry.policy.ts';

export async function dictionary(database: Database, kind: string) {
  const list = await repo.dictionary(database.db, kind);
  return list.map((d) => ({ kind: d.kind, code: d.code, labelZh: d.label_zh, labelEn: d.label_en }));
}

const presentFilter = (r: repo.SavedFilterRow) => ({
  ...r,
  id: String(r.id),
});

export async function savedFilters(database: Database, ctx: Ctx, list: string) {
  const found = await repo.savedFilters(database.db, ctx.actor.userId, list);
  return found.map(presentFilter);
}

/** How many filters a user keeps on one list. */
const MAX_SAVED_FILTERS = 50;

export async function saveFilter(
  database: Database,
  ctx: Ctx,
  input: { list: string; name: string; params: Record<string, string> },
) {
  try {
    const row = await repo.insertFilter(database.db, ctx.actor.userId, input, MAX_SAVED_FILTERS);
    if (!row)
      throw invalid('name', 'at most {{max}} saved filters on a list; delete one first', {
        max: MAX_SAVED_FILTERS,
      });
    return presentFilter(row);
  } catch (e) {
    const code =
      (e as { code?: string; cause?: { code?: string } }).cause?.code ?? (e as { code?: string }).code;
    if (code === '23505')
      throw conflict('a filter with this name exists', [{ field: 'name', reason: 'already used' }]);
    throw e;
  }
}

export async function deleteFilter(database: Database, ctx: Ctx, id: number) {
  if (!(await repo.deleteFilter(database.db, ctx.actor.userId, id))) throw notFound('saved filter');
}

type Duty = repo.DutyRow;

export async function duties(database: Database, ctx: Ctx, personId: number): Promise<Duty[]> {
  const person = await persons.findById(database.db, personId);
  assertVisible(ctx.actor, person, (r) => sideOf(ctx.actor, r.residence_path, r.hukou_path));
  return repo.duties(database.db, personId);
}

/** Assigns which side carries each duty (visits, benefits…); the residence side decides. */
export async function setDuties(database: Database, ctx: Ctx, personId: number, input: Duty[]) {
  const known = new Set((await dictionary(database, 'jurisdiction_duty')).map((d) => d.code));
  input.forEach((d, i) => {
    if (!known.has(d.duty)) throw invalid(`${i}.duty`, 'unknown duty');
  });
  if (new Set(input.map((d) => d.duty)).size !== input.length) throw invalid('duty', 'each duty once');
  await database.db.transaction(async (tx) => {
    const person = await persons.findById(tx, personId, true);
    assertVisible(ctx.actor, person, (r) => sideOf(ctx.actor, r.residence_path, r.hukou_path));
    assertResidenceSide(ctx.actor, person.residence_path);
    await repo.replaceDuties(tx, personId, input);
    await audit(tx, ctx, {
      action: 'person.duties',
      targetType: 'person',
      targetId: personId,
      detail: { duties: input.map((d) => `${d.duty}:${d.side}`) },
    });
  });
  return duties(database, ctx, personId);
}
