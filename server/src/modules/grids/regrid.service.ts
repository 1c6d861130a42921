import type { Database } from '../../db/client.ts';
import type { Ctx } from '../../platform/auth/actor.ts';
import { audit } from '../../platform/audit/audit.ts';
import { invalid } from '../../platform/errors.ts';
import { moveChildren, placeById as findPlace } from '../places/places.service.ts';
import { rebaseOrgs } from '../party/party.service.ts';
import { rebaseResidence } from '../registry/residence.service.ts';
import { rebaseIncidents } from '../incidents/incidents.service.ts';
import { assertCommunityWrite, assertGridVisible } from './grids.policy.ts';
import * as repo from './grids.repo.ts';
import { staleGrid, summaries } from './grids.service.ts';

/**
 * Re-gridding: moves buildings of one grid, with their dwellings, households and people, into
 * another grid of the same community in one transaction. Paths are rewritten set-based, every
 * household keeps a history row ('regrid'), and both grids' versions guard against stale screens.
 */
export async function regrid(
  database: Database,
  ctx: Ctx,
  fromId: number,
  input: { toGridId: string; buildingIds: string[]; version: number; toVersion: number },
) {
  const toId = Number(input.toGridId);
  const buildingIds = [...new Set(input.buildingIds.map(Number))];
  if (toId === fromId) throw invalid('toGridId', 'must be another grid');
  return database.db.transaction(async (tx) => {
    const locked = await repo.lockGrids(tx, [fromId, toId]);
    const from = locked.find((g) => Number(g.id) === fromId);
    const to = locked.find((g) => Number(g.id) === toId);
    assertGridVisible(ctx.actor, from);
    const community = (await findPlace(tx, from.parent_id))!;
    assertCommunityWrite(ctx.actor, community);
    if (!to || to.level !== 'grid' || Number(to.parent_id) !== Number(from.parent_id))
      throw invalid('toGridId', 'must be a grid of the same community');
    if (from.version !== input.version) throw staleGrid('version');
    if (to.version !== input.toVersion) throw staleGrid('toVersion');
    const found = await repo.childBuildings(tx, fromId, buildingIds);
    const missing = buildingIds.filter((b) => !found.includes(b));
    if (missing.length)
      throw invalid('buildingIds', 'not buildings of this grid: {{ids}}', { ids: missing.join(', ') });

    const fromPlace = (await findPlace(tx, fromId))!;
    const toPlace = (await findPlace(tx, toId))!;
    const moves = await moveChildren(tx, buildingIds, fromPlace, toPlace);
    await repo.bumpVersion(tx, fromId);
    await repo.bumpVersion(tx, toId);
    const moved = await rebaseResidence(tx, ctx, moves, {
      name: 'regrid',
      changes: { grid: [from.name, to.name] },
    });
    await rebaseOrgs(tx, moves);
    const incidents = await rebaseIncidents(tx, moves);
    await audit(tx, ctx, {
      action: 'grid.regrid',
      targetType: 'place',
      targetId: fromId,
      detail: { to: toId, buildings: buildingIds, ...moved, incidents },
    });
    const after = await repo.lockGrids(tx, [fromId, toId]);
    const { items } = await summaries(tx, community, after);
    return {
      buildings: buildingIds.length,
      ...moved,
      from: items.find((g) => g.id === String(fromId))!,
      to: items.find((g) => g.id === String(toId))!,
    };
  });
}
