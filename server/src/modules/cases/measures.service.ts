import { sql } from 'drizzle-orm';
import type { CaseStep, Measure, MeasureInput } from '@anju/contracts';
import type { Conn, Database } from '../../db/client.ts';
import { rows } from '../../db/rows.ts';
import type { Actor, Ctx } from '../../platform/auth/actor.ts';
import { audit } from '../../platform/audit/audit.ts';
import { conflict, forbidden, invalid, notFound } from '../../platform/errors.ts';

interface MeasureRow {
  id: number;
  case_id: number;
  type: Measure['type'];
  provider_kind: Measure['providerKind'];
  provider_name: string;
  description: string;
  start_on: string;
  end_on: string | null;
  amount: number | null;
  outcome: string;
  outlives_elimination: boolean;
  running: boolean;
  version: number;
}

/** Today in China time: a measure runs from its first day to its last, both included. */
const TODAY = sql`(now() AT TIME ZONE 'Asia/Shanghai')::date`;

const SELECT = sql`SELECT id, case_id, type, provider_kind, provider_name, description,
                          to_char(start_on, 'YYYY-MM-DD') AS start_on, to_char(end_on, 'YYYY-MM-DD') AS end_on,
                          amount, outcome, outlives_elimination,
                          (start_on <= ${TODAY} AND (end_on IS NULL OR end_on >= ${TODAY})) AS running, version
                     FROM assistance_measures`;

const present = (r: MeasureRow): Measure => ({
  id: String(r.id),
  caseId: String(r.case_id),
  type: r.type,
  providerKind: r.provider_kind,
  providerName: r.provider_name,
  description: r.description,
  startOn: r.start_on,
  endOn: r.end_on,
  amount: r.amount,
  outcome: r.outcome,
  outlivesElimination: r.outlives_elimination,
  running: r.running,
  version: r.version,
});

/** A case's measures, earliest first. */
export async function listMeasures(conn: Conn, caseId: number): Promise<Measure[]> {
  const found = await rows<MeasureRow>(conn, sql`${SELECT} WHERE case_id = ${caseId} ORDER BY start_on, id`);
  return found.map(present);
}

/** A case as assistance sees it: its step, both sides' paths and what the elimination check reads. */
export interface AssistedCase {
  id: number;
  household_id: number;
  step: CaseStep;
  residence_path: string;
  origin_path: string | null;
  identified_at: Date | null;
  assisted_since: Date | null;
  basic_needs: Record<string, boolean> | null;
}

/** Steps in which measures are added and edited. */
const ASSISTING: readonly CaseStep[] = [
  'assisted',
  'elimination_community',
  'elimination_township',
  'elimination_county',
];

const inScope = (actor: Actor, path: string | null) =>
  !!path && actor.scopes.some((s) => path.startsWith(s.path));

/** A case seen from either side of the household; missing and out of scope look the same. */
export async function visibleCase(
  conn: Conn,
  actor: Actor,
  caseId: number,
  lock = false,
): Promise<AssistedCase> {
  const [c] = await rows<AssistedCase>(
    conn,
    sql`SELECT id, household_id, step, residence_path, origin_path, identified_at, assisted_since, basic_needs
          FROM monitoring_cases WHERE id = ${caseId} ${lock ? sql`FOR UPDATE` : sql``}`,
  );
  if (!c || !(inScope(actor, c.residence_path) || inScope(actor, c.origin_path))) throw notFound('case');
  return c;
}

/** Measures are recorded where the household lives. */
function assertAssisting(actor: Actor, c: AssistedCase) {
  if (!inScope(actor, c.residence_path))
    throw forbidden('only officials of the residence side record assistance measures');
}

const notNow = (step: CaseStep) =>
  conflict(`measures are not recorded while the case is ${step}`, [{ field: 'step', reason: `is ${step}` }]);

export async function caseMeasures(database: Database, ctx: Ctx, caseId: number): Promise<Measure[]> {
  await visibleCase(database.db, ctx.actor, caseId);
  return listMeasures(database.db, caseId);
}

async function measureById(conn: Conn, id: number): Promise<Measure> {
  const [r] = await rows<MeasureRow>(conn, sql`${SELECT} WHERE id = ${id}`);
  return present(r);
}

/** Adds a measure to a case being assisted or going through elimination. Audited. */
export async function addMeasure(database: Database, ctx: Ctx, caseId: number, input: MeasureInput) {
  return database.db.transaction(async (tx) => {
    const c = await visibleCase(tx, ctx.actor, caseId, true);
    assertAssisting(ctx.actor, c);
    if (!ASSISTING.includes(c.step)) throw notNow(c.step);
    const [{ id }] = await rows<{ id: number }>(
      tx,
      sql`INSERT INTO assistance_measures (case_id, type, provider_kind, provider_name, description, start_on, end_on,
                                           amount, outcome, outlives_elimination, created_by)
          VALUES (${caseId}, ${input.type}, ${input.providerKind}, ${input.providerName}, ${input.description},
                  ${input.startOn}, ${input.endOn}, ${input.amount}, ${input.outcome}, ${input.outlivesElimination},
                  ${ctx.actor.userId})
          RETURNING id`,
    );
    await audit(tx, ctx, {
      action: 'monitoring.measure.add',
      targetType: 'monitoring_case',
      targetId: caseId,
      detail: { measureId: id, type: input.type, provider: input.providerName },
    });
    return measureById(tx, id);
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
    const [old] = await rows<{ version: number; outlives_elimination: boolean }>(
      tx,
      sql`SELECT version, outlives_elimination FROM assistance_measures WHERE id = ${measureId} AND case_id = ${caseId}`,
    );
    if (!old) throw notFound('measure');
    assertAssisting(ctx.actor, c);
    const outlives = c.step === 'eliminated' && old.outlives_elimination;
    if (!ASSISTING.includes(c.step) && !outlives) throw notNow(c.step);
    if (old.version !== input.version)
      throw conflict('the measure was changed by someone else; reload and try again', [
        { field: 'version', reason: 'is stale' },
      ]);
    await tx.execute(
      sql`UPDATE assistance_measures
             SET type = ${input.type}, provider_kind = ${input.providerKind}, provider_name = ${input.providerName},
                 description = ${input.description}, start_on = ${input.startOn}, end_on = ${input.endOn},
                 amount = ${input.amount}, outcome = ${input.outcome},
                 outlives_elimination = ${input.outlivesElimination}, version = version + 1
           WHERE id = ${measureId}`,
    );
    await audit(tx, ctx, {
      action: 'monitoring.measure.update',
      targetType: 'monitoring_case',
      targetId: caseId,
      detail: { measureId, version: input.version + 1 },
    });
    return measureById(tx, measureId);
  });
}
