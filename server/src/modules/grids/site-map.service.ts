import type { GridBoundary, SiteMap } from '@anju/contracts';
import type { Database } from '../../db/client.ts';
import { pathInScope } from '../../platform/access/scope.ts';
import type { Ctx } from '../../platform/auth/actor.ts';
import { findPlacesByIds, placeById as findPlace } from '../places/places.service.ts';
import { assertCommunityVisible } from './grids.policy.ts';
import * as repo from './grids.repo.ts';
import { allGridsOf, buildingsUnder } from './site-map.repo.ts';

/**
 * The community of a place drawn from Anju's own data — grid boundaries, buildings where they stand — for everyone
 * who reaches it: those scoped to it or above, and those scoped inside it (grid workers, residents),
 * who may report anywhere in it. The grids of the caller's own scope are marked.
 */
export async function siteMap(
  database: Database,
  ctx: Ctx,
  placeId: number,
  tiles?: string,
): Promise<SiteMap> {
  const conn = database.db;
  const place = await findPlace(conn, placeId);
  const ids = place ? place.path.split('/').filter(Boolean).map(Number) : [];
  const community = (await findPlacesByIds(conn, ids)).find((p) => p.level === 'community');
  assertCommunityVisible(ctx.actor, community);
  const grids = await allGridsOf(conn, community.id);
  const [boundaries, buildings] = await Promise.all([
    repo.boundariesOf(
      conn,
      grids.map((g) => Number(g.id)),
    ),
    buildingsUnder(conn, community.path),
  ]);
  const shapes = new Map(boundaries.map((b) => [Number(b.grid_id), b.geometry as GridBoundary]));
  return {
    community: { id: String(community.id), name: community.name },
    grids: grids.map((g) => ({
      id: String(g.id),
      name: g.name,
      boundary: shapes.get(Number(g.id)) ?? null,
      mine: pathInScope(ctx.actor, g.path),
    })),
    buildings: buildings.map((b) => ({
      id: String(b.id),
      name: b.name,
      gridId: b.grid_id === null ? null : String(b.grid_id),
      point: b.lng === null || b.lat === null ? null : { lng: b.lng, lat: b.lat },
      version: b.version,
    })),
    tiles: tiles ?? null,
  };
}
