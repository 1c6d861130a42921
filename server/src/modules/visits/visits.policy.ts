import { sql, type SQL } from 'drizzle-orm';
import { pathInScope, reaches, scopeSql } from '../../platform/access/scope.ts';
import type { Ctx } from '../../platform/auth/actor.ts';
import { AppError, notFound } from '../../platform/errors.ts';

/** Grid workers visit in their own grids only; the caller loads those grids when this is true. */
export const isGridWorker = (ctx: Ctx) => ctx.actor.roles.includes('grid_worker');

/** A grid worker logs visits and turns findings into incidents in the grids they work in (`grids`) only. */
export function assertMayVisit(ctx: Ctx, grids: readonly { path: string }[], residencePath: string) {
  if (!isGridWorker(ctx)) return;
  if (!grids.some((g) => residencePath.startsWith(g.path)))
    throw new AppError('forbidden', 'a grid worker logs visits in their own grids');
}

/**
 * A community the caller may read plans and coverage of (its grid workers reach it from below),
 * or change plans of (`write`: the whole community is in scope); anything else is missing.
 */
export function assertCommunity<T extends { level: string; path: string }>(
  ctx: Ctx,
  community: T | undefined,
  write = false,
): asserts community is T {
  if (
    !community ||
    community.level !== 'community' ||
    !(write ? pathInScope(ctx.actor, community.path) : reaches(ctx.actor, community.path))
  )
    throw notFound('community');
}

/** Visits the caller sees: those of households (`h`) living in scope. */
export const visitScope = (ctx: Ctx): SQL => scopeSql(ctx.actor, sql.raw('h.residence_path'));

/** Grids (places `g`) in the caller's scope. */
export const gridScope = (ctx: Ctx): SQL => scopeSql(ctx.actor, sql.raw('g.path'));

/**
 * The grids (places `g`) whose due households the caller sees: a grid worker the grids they work
 * in; others every grid in scope. `gridId` and `communityId` narrow it.
 */
export function dueGridsSql(ctx: Ctx, f: { gridId?: number; communityId?: number }): SQL {
  const where = [gridScope(ctx)];
  if (isGridWorker(ctx))
    where.push(sql`g.id IN (SELECT w.grid_id FROM grid_workers w WHERE w.user_id = ${ctx.actor.userId})`);
  if (f.gridId !== undefined) where.push(sql`g.id = ${f.gridId}`);
  if (f.communityId !== undefined) where.push(sql`g.parent_id = ${f.communityId}`);
  return sql.join(where, sql` AND `);
}
