import type { CaseStep, Measure, MeasureInput } from '@anju/contracts';
import type { Conn, Database } from '../../db/client.ts';
import type { Actor, Ctx } from '../../platform/auth/actor.ts';
import { audit } from '../../platform/audit/audit.ts';
import { conflict, forbidden, invalid, notFound } from '../../platform/errors.ts';
import { covers } from '../../platform/access/scope.ts';
import { assertCaseVisible } from './cases.policy.ts';
import type { AssistedCase } from './cases.sql.ts';
import * as repo from './measures.repo.ts';
import { presentMeasure } from './present.ts';

/** A case's measures, earliest first. */
export async function listMeasures(conn: Conn, caseId: number): Promise<Measure[]> {
  return (await repo.measuresOf(conn, caseId)).map(presentMeasure);
}

/**
 * For the jobs module, inside the hire's transaction: the household's live case shows the job on its
 * earliest running employment measure not yet linked to one. Audited as a change of that measure.
 */
export async function linkPlacement(conn: Conn, ctx: Ctx, householdId: number, recordId: number) {
  const linked = await repo.linkPlacement(conn, householdId, recordId);
  if (linked)
    await audit(conn, ctx, {
      action: 'monitoring.measure.update',
      targetType: 'monitoring_case',
      targetId: linked.case_id,
      detail: { measureId: linked.id, employmentRecordId: recordId },
    });
  return linked ? Number(linked.id) : null;
}

/** Steps in which measures are added and edited. */
const ASSISTING: readonly CaseStep[] = [
  'assisted',
  'elimination_community',
  'elimination_township',
  'elimination_county',
];

/** A case seen from either side of the household; missing and out of scope look the same. */
export async function visibleCase(
  conn: Conn,
  actor: Actor,
  caseId: number,
  lock = false,
): Promise<AssistedCase> {
  const c = await repo.assistedCase(conn, caseId, lock);
  assertCaseVisible(actor, c);
  return c;
}

/** Measures are recorded where the household lives. */
function assertAssisting(actor: Actor, c: AssistedCase) {
  if (!covers(actor, c.residence_path))
    throw forbidden('only officials of the residence side record assistance measures');
}

const notNow = (step: CaseStep) =>
  conflict(`measures are not recorded while the case is ${step}`, [{ field: 'step', reason: `is ${step}` }]);

/** A case's measures, for anyone who sees the case. */
export async function caseMeasures(database: Database, ctx: Ctx, caseId: number): Promise<Measure[]> {
  await visibleCase(database.db, ctx.actor, caseId);
  return listMeasures(database.db, caseId);
}

/** Adds a measure to a case being assisted or going through elimination. Audited. */
export async function addMeasure(database: Database, ctx: Ctx, caseId: number, input: MeasureInput) {
  return database.db.transaction(async (tx) => {
    const c = await visibleCase(tx, ctx.actor, caseId, true);
    assertAssisting(ctx.actor, c);
    if (!ASSISTING.includes(c.step)) throw notNow(c.step);
    const id = await repo.insertMeasure(tx, caseId, input, ctx.actor.userId);
    await audit(tx, ctx, {
      action: 'monitoring.measure.add',
      targetType: 'monitoring_case',
      targetId: caseId,
      detail: { measureId: id, type: input.type, provider: input.providerName },
    });
    return presentMeasure(await repo.measureById(tx, id));
  });
}

/**
 * Edits a measure naming the version it started from (a stale one is a 409). After the risk is
 * eliminated only a measure that outlives elimination may still be edited, to record its outcome or end.
 */
export async function updateMeasure(
  database: Database,
  ctx: Ctx,
  caseId: number,
  measureId: number,
  input: MeasureInput,
) {
  if (input.version === undefined) throw invalid('version', 'is required');
  return database.db.transaction(async (tx) => {
    const c = await visibleCase(tx, ctx.actor, caseId, true);
    const old = await repo.measureState(tx, caseId, measureId);
    if (!old) throw notFound('measure');
    assertAssisting(ctx.actor, c);
    const outlives = c.step === 'eliminated' && old.outlives_elimination;
    if (!ASSISTING.includes(c.step) && !outlives) throw notNow(c.step);
    if (old.version !== input.version)
      throw conflict('the measure was changed by someone else; reload and try again', [
        { field: 'version', reason: 'is stale' },
      ]);
    await repo.updateMeasure(tx, measureId, input);
    await audit(tx, ctx, {
      action: 'monitoring.measure.update',
      targetType: 'monitoring_case',
      targetId: caseId,
      detail: { measureId, version: input.version + 1 },
    });
    return presentMeasure(await repo.measureById(tx, measureId));
  });
}
