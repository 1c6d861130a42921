import { sql, type SQL } from 'drizzle-orm';
import type { Conn } from '../../db/client.ts';
import { pathInScope, reaches, scopeSql } from '../../platform/access/scope.ts';
import type { Ctx } from '../../platform/auth/actor.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { gridsOfWorker } from '../grids/grids.service.ts';
import { findById as findPlace } from '../places/places.repo.ts';

const isGridWorker = (ctx: Ctx) => ctx.actor.roles.includes('grid_worker');

/** A grid worker logs visits and turns findings into incidents in the grids they work in only. */
export async function assertMayVisit(conn: Conn, ctx: Ctx, residencePath: string) {
  if (!isGridWorker(ctx)) return;
  const grids = await gridsOfWorker(conn, ctx.actor.userId);
  if (!grids.some((g) => residencePath.startsWith(g.path)))
    throw new AppError('forbidden', 'a grid worker logs visits in their own grids');
}

/**
 * A community the caller may read plans and coverage of (its grid workers reach it from below),
 * or change plans of (`write`: the whole community is in scope); anything else is missing.
 */
export async function communityOf(conn: Conn, ctx: Ctx, id: number, write = false) {
  const community = await findPlace(conn, id);
  if (
    !community ||
    community.level !== 'community' ||
    !(write ? pathInScope(ctx.actor, community.path) : reaches(ctx.actor, community.path))
  )
    throw notFound('community');
  return community;
}

/**
 * The grids (places `g`) whose due households the caller sees: a grid worker the grids they work
 * in; others every grid in scope. `gridId` and `communityId` narrow it.
 */
export function dueGridsSql(ctx: Ctx, f: { gridId?: number; communityId?: number }): SQL {
  const where = [scopeSql(ctx.actor, sql.raw('g.path'))];
  if (isGridWorker(ctx))
    where.push(sql`g.id IN (SELECT w.grid_id FROM grid_workers w WHERE w.user_id = ${ctx.actor.userId})`);
  if (f.gridId !== undefined) where.push(sql`g.id = ${f.gridId}`);
  if (f.communityId !== undefined) where.push(sql`g.parent_id = ${f.communityId}`);
  return sql.join(where, sql` AND `);
}
