import type { MonitoringLine } from '@anju/contracts';
import type { Database } from '../../db/client.ts';
import type { Ctx } from '../../platform/auth/actor.ts';
import { rootsOf } from '../../platform/access/scope.ts';
import { audit } from '../../platform/audit/audit.ts';
import * as repo from './lines.repo.ts';
import { assertLinePlace } from './monitoring.policy.ts';

const present = (r: repo.LineRow): MonitoringLine => ({
  id: String(r.id),
  year: r.year,
  placeId: String(r.place_id),
  placeName: r.place_name,
  placeLevel: r.place_level,
  amount: r.amount,
  source: r.source,
});

/** Lines that apply inside the caller's scope: set within it or for a region containing it. */
export async function listLines(database: Database, ctx: Ctx, year?: number): Promise<MonitoringLine[]> {
  return (await repo.linesApplying(database.db, rootsOf(ctx.actor), year)).map(present);
}

/** Sets the line of a year for a region with where it was published (a second setting of the same year and region replaces it). Audited. */
export async function setLine(
  database: Database,
  ctx: Ctx,
  input: { year: number; placeId: string; amount: number; source: string },
): Promise<MonitoringLine> {
  const placeId = Number(input.placeId);
  return database.db.transaction(async (tx) => {
    assertLinePlace(ctx.actor, await repo.placeOf(tx, placeId));
    const saved = await repo.upsertLine(tx, input.year, placeId, input.amount, input.source);
    await audit(tx, ctx, {
      action: 'monitoring.line',
      targetType: 'place',
      targetId: input.placeId,
      detail: { year: input.year, from: saved.before, to: input.amount, source: input.source },
    });
    return present((await repo.lineById(tx, saved.id))!);
  });
}
