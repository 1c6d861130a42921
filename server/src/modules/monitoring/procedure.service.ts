import { ProcedureRules, type ProcedurePolicy, type ProcedurePolicyInput } from '@anju/contracts';
import type { Conn, Database } from '../../db/client.ts';
import type { Ctx } from '../../platform/auth/actor.ts';
import { rootsOf } from '../../platform/access/scope.ts';
import { audit } from '../../platform/audit/audit.ts';
import { conflict, notFound } from '../../platform/errors.ts';
import { assertPolicyPlace, assertPolicyReadable } from './monitoring.policy.ts';
import { alertUnopened } from './lead-clock.repo.ts';
import * as repo from './procedure.repo.ts';

const present = (r: repo.PolicyRow): ProcedurePolicy => ({
  id: String(r.id),
  placeId: r.place_id === null ? null : String(r.place_id),
  placeName: r.place_name,
  version: r.version,
  rules: ProcedureRules.parse(r.policy),
  note: r.note,
  createdBy: r.created_by,
  createdAt: new Date(r.created_at).toISOString(),
});

/** The procedure policy in force where `path` lies: the nearest region's up the place tree, else the national one. */
export async function procedureAt(conn: Conn, path: string): Promise<ProcedurePolicy> {
  return present(await repo.policyInForce(conn, path));
}

/** One version of a policy, as a case keeps it. */
export async function procedureById(conn: Conn, id: number): Promise<ProcedurePolicy> {
  const r = await repo.policyById(conn, id);
  if (!r) throw notFound('procedure policy');
  return present(r);
}

/** The id of the policy in force at the path in `column`, for set-based statements. */
export const procedureIdSql = repo.policyInForceSql;

/** The policy in force at a place the caller reaches (their first scope when none is named). */
export async function procedureFor(database: Database, ctx: Ctx, placeId?: number): Promise<ProcedurePolicy> {
  const conn = database.db;
  const path = placeId === undefined ? rootsOf(ctx.actor)[0] : (await repo.placeOf(conn, placeId))?.path;
  assertPolicyReadable(ctx.actor, path === undefined ? undefined : { path });
  return procedureAt(conn, path!);
}

/** The versions a place has set itself, newest first. */
export async function procedureHistory(database: Database, ctx: Ctx, placeId: number) {
  assertPolicyReadable(ctx.actor, await repo.placeOf(database.db, placeId));
  return (await repo.policiesOfPlace(database.db, placeId)).map(present);
}

/**
 * Saves a new version of a region's own policy. `basedOn` names the policy in force there when the edit
 * started; when another was saved since, the edit is refused (409). Cases keep the version they opened under.
 */
export async function saveProcedure(
  database: Database,
  ctx: Ctx,
  input: ProcedurePolicyInput,
): Promise<ProcedurePolicy> {
  const placeId = Number(input.placeId);
  return database.db.transaction(async (tx) => {
    const place = await repo.placeOf(tx, placeId);
    assertPolicyPlace(ctx.actor, place);
    await repo.lockPolicies(tx);
    const current = await procedureAt(tx, place!.path);
    if (current.id !== input.basedOn)
      throw conflict('the procedure policy was changed by someone else', [
        { field: 'basedOn', reason: `is ${input.basedOn}, now ${current.id}` },
      ]);
    const id = await repo.insertPolicy(tx, placeId, input.rules, input.note, ctx.actor.userId);
    await audit(tx, ctx, {
      action: 'monitoring.procedure',
      targetType: 'place',
      targetId: placeId,
      detail: { from: current.rules, to: input.rules, basedOn: current.id },
    });
    return procedureById(tx, id);
  });
}

/** Alerts, once, the community officials of every open lead nobody opened within its region's decision days. */
export const alertUnopenedLeads = (conn: Conn, now: Date) => alertUnopened(conn, now);
