import type { Conn } from '../../db/client.ts';
import type { Ctx } from '../../platform/auth/actor.ts';
import * as repo from './employment.repo.ts';
import { recheckHousehold, today } from './zero.service.ts';

/** What other modules rank labour by: the labour force and the employed, as SQL conditions on a person `p`. */
export { employedSql, labourForceSql, unemployedSql } from './employment.sql.ts';

/** A job found through the register's enterprise, confirmed by the enterprise itself. */
export interface PlacementFields {
  kind: string;
  employerName: string;
  enterpriseId: number;
  place: string;
  monthlyWage: number;
  startOn: string;
}

/**
 * For the jobs module: records a hire through a job as the person's employment, in the caller's
 * transaction, with its history and audit row in one statement, then the household's zero-employment flag.
 */
export async function recordPlacement(
  conn: Conn,
  ctx: Ctx,
  person: { id: number; householdId: number },
  fields: PlacementFields,
): Promise<number> {
  const row = await repo.insertRecord(
    conn,
    person.id,
    { ...fields, endOn: null, source: 'enterprise', verified: true },
    {
      ctx,
      action: 'employment.record_create',
      detail: { kind: fields.kind, enterpriseId: fields.enterpriseId },
    },
    today(),
  );
  await recheckHousehold(conn, person.householdId);
  return Number(row.id);
}
