import { sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import type { Ctx } from '../../platform/auth/actor.ts';
import { audit } from '../../platform/audit/audit.ts';
import { conflict, invalid, notFound } from '../../platform/errors.ts';
import * as persons from './persons.repo.ts';
import { assertResidenceSide, assertVisible, sideOf } from './registry.policy.ts';
import { rows } from './registry.sql.ts';

export async function dictionary(database: Database, kind: string) {
  const list = await rows<{ kind: string; code: string; label_zh: string; label_en: string }>(
    database.db,
    sql`SELECT kind, code, label_zh, label_en FROM dictionary_entries WHERE kind = ${kind} AND active ORDER BY sort, code`,
  );
  return list.map((d) => ({ kind: d.kind, code: d.code, labelZh: d.label_zh, labelEn: d.label_en }));
}

const presentFilter = (r: { id: number; list: string; name: string; params: Record<string, string> }) => ({
  ...r,
  id: String(r.id),
});

export async function savedFilters(database: Database, ctx: Ctx, list: string) {
  const found = await rows<{ id: number; list: string; name: string; params: Record<string, string> }>(
    database.db,
    sql`SELECT id, list, name, params FROM saved_filters WHERE user_id = ${ctx.actor.userId} AND list = ${list} ORDER BY name`,
  );
  return found.map(presentFilter);
}

export async function saveFilter(
  database: Database,
  ctx: Ctx,
  input: { list: string; name: string; params: Record<string, string> },
) {
  try {
    const [row] = await rows<{ id: number; list: string; name: string; params: Record<string, string> }>(
      database.db,
      sql`INSERT INTO saved_filters (user_id, list, name, params)
          VALUES (${ctx.actor.userId}, ${input.list}, ${input.name}, ${JSON.stringify(input.params)}::jsonb)
          RETURNING id, list, name, params`,
    );
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
  const gone = await rows(
    database.db,
    sql`DELETE FROM saved_filters WHERE id = ${id} AND user_id = ${ctx.actor.userId} RETURNING id`,
  );
  if (gone.length === 0) throw notFound('saved filter');
}

type Duty = { duty: string; side: 'residence' | 'hukou'; note?: string | null };

export async function duties(database: Database, ctx: Ctx, personId: number): Promise<Duty[]> {
  const person = await persons.findById(database.db, personId);
  assertVisible(ctx.actor, person, (r) => sideOf(ctx.actor, r.residence_path, r.hukou_path));
  return rows<Duty>(
    database.db,
    sql`SELECT duty, side, note FROM jurisdiction_duties WHERE person_id = ${personId} ORDER BY duty`,
  );
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
    await tx.execute(sql`DELETE FROM jurisdiction_duties WHERE person_id = ${personId}`);
    for (const d of input) {
      await tx.execute(
        sql`INSERT INTO jurisdiction_duties (person_id, duty, side, note) VALUES (${personId}, ${d.duty}, ${d.side}, ${d.note ?? null})`,
      );
    }
    await audit(tx, ctx, {
      action: 'person.duties',
      targetType: 'person',
      targetId: personId,
      detail: { duties: input.map((d) => `${d.duty}:${d.side}`) },
    });
  });
  return duties(database, ctx, personId);
}
