import type { PlacePoint, PlacePointUpdate } from '@anju/contracts';
import type { Database } from '../../db/client.ts';
import type { Ctx } from '../../platform/auth/actor.ts';
import { audit } from '../../platform/audit/audit.ts';
import { conflict, invalid } from '../../platform/errors.ts';
import { assertCanWrite } from './places.policy.ts';
import * as repo from './places.repo.ts';

/** Places a building on the community map (or takes it off), by those who may edit places there. */
export async function setPoint(
  database: Database,
  ctx: Ctx,
  id: number,
  input: PlacePointUpdate,
): Promise<PlacePoint> {
  return database.db.transaction(async (tx) => {
    const place = await repo.findById(tx, id);
    assertCanWrite(ctx.actor, place);
    if (place.level !== 'building') throw invalid('point', 'only buildings stand at a point of the map');
    const row = await repo.setPoint(tx, id, input.version, input.point);
    if (!row)
      throw conflict('the place was changed by someone else; reload and try again', [
        { field: 'version', reason: 'stale' },
      ]);
    await audit(tx, ctx, {
      action: 'place.point',
      targetType: 'place',
      targetId: id,
      detail: {
        from: place.lng === null ? null : [place.lng, place.lat],
        to: input.point && [input.point.lng, input.point.lat],
      },
    });
    const point = row.lng === null || row.lat === null ? null : { lng: row.lng, lat: row.lat };
    return { id: String(row.id), point, version: row.version };
  });
}
