import type { Conn } from '../../db/client.ts';
import type { Ctx } from '../../platform/auth/actor.ts';
import { audit } from '../../platform/audit/audit.ts';
import * as repo from './employment.repo.ts';
import { insertPlacement, type PlacementFields } from './placement.repo.ts';
import { recheckHousehold } from './zero.service.ts';

/** What other modules rank labour by: the labour force and the employed, as SQL conditions on a person `p`. */
export { employedSql, labourForceSql } from './employment.sql.ts';

/**
 * For the jobs module: records a hire through a job as the person's employment, in the caller's
 * transaction, with its history, the household's zero-employment flag and the audit row.
 */
export async function recordPlacement(
  conn: Conn,
  ctx: Ctx,
  person: { id: number; householdId: number },
  fields: PlacementFields,
): Promise<number> {
  const recordId = await insertPlacement(conn, person.id, fields);
  await repo.insertHistory(conn, {
    recordId,
    event: 'create',
    version: 1,
    changes: {},
    actorId: ctx.actor.userId,
    actorName: ctx.actor.username,
  });
  await recheckHousehold(conn, person.householdId);
  await audit(conn, ctx, {
    action: 'employment.record_create',
    targetType: 'person',
    targetId: person.id,
    detail: { recordId, kind: fields.kind, enterpriseId: fields.enterpriseId },
  });
  return recordId;
}
