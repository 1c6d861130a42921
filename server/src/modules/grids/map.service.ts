import type { GridBoundary, GridBuilding, GridMap } from '@anju/contracts';
import type { Database } from '../../db/client.ts';
import type { Ctx } from '../../platform/auth/actor.ts';
import { placeById as findPlace } from '../places/places.service.ts';
import { householdsPerChild } from '../registry/residence.service.ts';
import { assertCommunityVisible, assertGridVisible, gridsSeenSql } from './grids.policy.ts';
import * as repo from './grids.repo.ts';
import { summaries } from './grids.service.ts';

const countsBy = (found: { child?: number; grid_id?: number; n: number }[]) =>
  new Map(found.map((r) => [Number(r.child ?? r.grid_id), r.n]));

/** The grids of a community the caller sees, with boundaries and household, people and building counts. */
export async function gridMap(database: Database, ctx: Ctx, communityId: number): Promise<GridMap> {
  const conn = database.db;
  const community = await findPlace(conn, communityId);
  assertCommunityVisible(ctx.actor, community);
  const grids = await repo.gridsOf(conn, community.id, gridsSeenSql(ctx.actor));
  const ids = grids.map((g) => Number(g.id));
  const [{ norm, items }, people, buildings, boundaries] = await Promise.all([
    summaries(conn, community, grids),
    repo.peoplePerChild(conn, community.path).then(countsBy),
    repo.buildingCounts(conn, ids).then(countsBy),
    repo.boundariesOf(conn, ids),
  ]);
  const shapes = new Map(boundaries.map((b) => [Number(b.grid_id), b.geometry as GridBoundary]));
  return {
    norm,
    items: items.map((g) => ({
      ...g,
      persons: people.get(Number(g.id)) ?? 0,
      buildings: buildings.get(Number(g.id)) ?? 0,
      boundary: shapes.get(Number(g.id)) ?? null,
    })),
  };
}

/** The buildings of a grid with their households and people, for re-gridding. */
export async function buildings(database: Database, ctx: Ctx, gridId: number): Promise<GridBuilding[]> {
  const conn = database.db;
  const grid = await repo.findGrid(conn, gridId);
  assertGridVisible(ctx.actor, grid);
  const [found, households, people] = await Promise.all([
    repo.buildingsOf(conn, gridId),
    householdsPerChild(conn, grid.path),
    repo.peoplePerChild(conn, grid.path).then(countsBy),
  ]);
  return found.map((b) => ({
    id: String(b.id),
    code: b.code,
    name: b.name,
    households: households.get(Number(b.id)) ?? 0,
    persons: people.get(Number(b.id)) ?? 0,
  }));
}
