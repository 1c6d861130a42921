import {
  SITE_KINDS,
  type Grid,
  type GridBoundary,
  type GridNorm,
  type GridSummary,
  type SiteKind,
} from '@anju/contracts';
import type { Conn, Database } from '../../db/client.ts';
import type { Ctx } from '../../platform/auth/actor.ts';
import { audit } from '../../platform/audit/audit.ts';
import { conflict, invalid } from '../../platform/errors.ts';
import { normsWithSources } from '../../platform/norms.ts';
import { addChild, placeById as findPlace } from '../places/places.service.ts';
import { householdsPerChild } from '../registry/residence.service.ts';
import { holdersOf, holdersWithin, setScopes } from '../users/users.service.ts';
import { boundaryContains, checkBoundary, metresToBoundary } from './boundary.ts';
import {
  assertCommunityVisible,
  assertCommunityWrite,
  assertGridVisible,
  gridsSeenSql,
} from './grids.policy.ts';
import * as repo from './grids.repo.ts';

export const staleGrid = (field = 'version') =>
  conflict('the grid was changed by someone else; reload and try again', [{ field, reason: 'stale' }]);

/**
 * 'under' / 'over' the household norm of a grid, or 'within' it. A site whose households are fewer than
 * the minimum cannot fill one grid, so none of its grids is under.
 */
export function sizeOf(households: number, min: number, max: number, siteHouseholds = Infinity) {
  if (households > max) return 'over' as const;
  return households < min && siteHouseholds >= min ? ('under' as const) : ('within' as const);
}

/** The kind of site a community is, when it has been set. */
export function siteKindOf(community: { attributes: unknown }): SiteKind | null {
  const kind = (community.attributes as Record<string, unknown> | null)?.resettlementType;
  return SITE_KINDS.includes(kind as SiteKind) ? (kind as SiteKind) : null;
}

/** The household norm of a community's kind of site; the urban one while its kind is not set. */
export async function normOf(conn: Conn, community: { attributes: unknown }): Promise<GridNorm> {
  const set = siteKindOf(community);
  const kind = set ?? 'urban';
  const [min, max] = await normsWithSources(
    conn,
    `grid_households_min.${kind}`,
    `grid_households_max.${kind}`,
  );
  return {
    siteKind: kind,
    kindSet: set !== null,
    min: min.value,
    max: max.value,
    sourceZh: max.sourceZh,
    sourceEn: max.sourceEn,
  };
}

async function community(conn: Conn, ctx: Ctx, id: number) {
  const place = await findPlace(conn, id);
  assertCommunityVisible(ctx.actor, place);
  return place;
}

/** Grids of a community (those in the caller's scope) with household counts against its norm. */
export async function summaries(
  conn: Conn,
  community: { path: string; attributes: unknown },
  grids: repo.GridRow[],
) {
  const norm = await normOf(conn, community);
  const counts = await householdsPerChild(conn, community.path);
  const siteHouseholds = [...counts.values()].reduce((a, b) => a + b, 0);
  const links = await repo.workersOf(
    conn,
    grids.map((g) => g.id),
  );
  const names = new Map(
    (
      await holdersOf(
        conn,
        links.map((l) => Number(l.user_id)),
        'grid_worker',
      )
    ).map((u) => [u.id, u.displayName]),
  );
  const items: GridSummary[] = grids.map((g) => {
    const households = counts.get(Number(g.id)) ?? 0;
    return {
      id: String(g.id),
      code: g.code,
      name: g.name,
      households,
      size: sizeOf(households, norm.min, norm.max, siteHouseholds),
      workers: links
        .filter((l) => Number(l.grid_id) === Number(g.id) && names.has(Number(l.user_id)))
        .map((l) => ({ id: String(l.user_id), displayName: names.get(Number(l.user_id))! })),
      hasBoundary: g.has_boundary,
      version: g.version,
    };
  });
  return { norm, items };
}

export async function list(database: Database, ctx: Ctx, communityId: number) {
  const c = await community(database.db, ctx, communityId);
  const grids = await repo.gridsOf(database.db, c.id, gridsSeenSql(ctx.actor));
  return summaries(database.db, c, grids);
}

export async function get(database: Database, ctx: Ctx, id: number): Promise<Grid> {
  const grid = await repo.findGrid(database.db, id);
  assertGridVisible(ctx.actor, grid);
  const parent = (await findPlace(database.db, grid.parent_id))!;
  const [summary] = (await summaries(database.db, parent, [grid])).items;
  const boundary = (await repo.boundaryOf(database.db, id)) as GridBoundary | null;
  return { ...summary, communityId: String(grid.parent_id), boundary };
}

/** Adds a grid to a community under the next free code (community code + 3-digit sequence). */
export async function create(
  database: Database,
  ctx: Ctx,
  communityId: number,
  input: { name: string; boundary?: GridBoundary },
) {
  const points = input.boundary ? checkBoundary(input.boundary) : 0;
  const id = await database.db.transaction(async (tx) => {
    const c = await community(tx, ctx, communityId);
    assertCommunityWrite(ctx.actor, c);
    if (!c.code) throw invalid('communityId', 'the community has no code to number its grids from');
    // numbered under the community's row lock
    const grid = await addChild(tx, ctx, c, { level: 'grid', name: input.name, attributes: {} });
    if (input.boundary) await repo.saveBoundary(tx, grid.id, input.boundary, points);
    return grid.id;
  });
  return get(database, ctx, id);
}

/** Locks a grid the caller may change and checks the version it was read at. */
async function lockWritable(tx: Conn, ctx: Ctx, id: number, version: number) {
  const [grid] = await repo.lockGrids(tx, [id]);
  assertGridVisible(ctx.actor, grid);
  assertCommunityWrite(ctx.actor, (await findPlace(tx, grid.parent_id))!);
  if (grid.version !== version) throw staleGrid();
  await repo.bumpVersion(tx, id);
  return grid;
}

export async function setBoundary(
  database: Database,
  ctx: Ctx,
  id: number,
  input: { boundary: GridBoundary; version: number },
) {
  const points = checkBoundary(input.boundary);
  await database.db.transaction(async (tx) => {
    await lockWritable(tx, ctx, id, input.version);
    await repo.saveBoundary(tx, id, input.boundary, points);
    await audit(tx, ctx, { action: 'grid.boundary', targetType: 'place', targetId: id, detail: { points } });
  });
  return get(database, ctx, id);
}

/**
 * Sets the grid workers of a grid (accounts holding grid_worker, scoped inside the community);
 * each affected worker's scope becomes exactly the grids they work in.
 */
export async function setWorkers(
  database: Database,
  ctx: Ctx,
  id: number,
  input: { userIds: string[]; version: number },
) {
  const wanted = [...new Set(input.userIds.map(Number))];
  await database.db.transaction(async (tx) => {
    const grid = await lockWritable(tx, ctx, id, input.version);
    const c = (await findPlace(tx, grid.parent_id))!;
    const before = (await repo.workersOf(tx, [id])).map((w) => Number(w.user_id));
    const eligible = new Set([
      ...before,
      ...(await holdersWithin(tx, 'grid_worker', c.path)).map((u) => Number(u.id)),
    ]);
    const refused = wanted.filter((u) => !eligible.has(u));
    if (refused.length)
      throw invalid('userIds', 'not grid workers of this community: {{ids}}', { ids: refused.join(', ') });
    await repo.replaceWorkers(tx, id, wanted);
    for (const userId of new Set([...before, ...wanted])) {
      const grids = await repo.gridsOfWorker(tx, userId);
      await setScopes(
        tx,
        userId,
        grids.map((g) => Number(g.id)),
      );
    }
    await audit(tx, ctx, {
      action: 'grid.workers',
      targetType: 'place',
      targetId: id,
      detail: { from: before, to: wanted },
    });
  });
  return get(database, ctx, id);
}

/** Grid workers a community may assign: accounts holding grid_worker scoped inside it. */
export async function candidates(database: Database, ctx: Ctx, communityId: number) {
  const c = await community(database.db, ctx, communityId);
  assertCommunityWrite(ctx.actor, c);
  const found = await holdersWithin(database.db, 'grid_worker', c.path);
  return found.map((u) => ({ id: String(u.id), displayName: u.displayName }));
}

/** The grids a grid worker works in (for visits). */
export async function gridsOfWorker(conn: Conn, userId: number) {
  return repo.gridsOfWorker(conn, userId);
}

/**
 * The place under `path` where a point lies: the grid whose boundary holds it, else the community of
 * the nearest grid boundary within `limitMetres`; undefined when there is none.
 */
export async function placeContaining(
  conn: Conn,
  path: string,
  lat: number,
  long: number,
  limitMetres = 2000,
) {
  let nearest: { id: number; metres: number } | undefined;
  for (const g of await repo.boundariesUnder(conn, path)) {
    const boundary = g.geometry as GridBoundary;
    if (boundaryContains(boundary, lat, long)) return { id: Number(g.grid_id), level: 'grid' as const };
    const metres = metresToBoundary(boundary, lat, long);
    if (metres <= limitMetres && metres < (nearest?.metres ?? Infinity))
      nearest = { id: Number(g.community_id), metres };
  }
  return nearest && { id: nearest.id, level: 'community' as const };
}
