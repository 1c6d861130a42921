import { sql, type SQL } from 'drizzle-orm';
import { can } from '@anju/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import { covers, reaches, reachingSql, rootsOf, scopeSql } from '../../platform/access/scope.ts';
import { AppError, invalid, notFound } from '../../platform/errors.ts';

/** The levels a facility or an industry project stands on: a township's or a site's, or a place inside a site. */
const PLACED_LEVELS = ['township', 'community', 'grid', 'building'];

/** Sites (communities, `pl`) in the actor's scope. */
export const sitesScope = (actor: Actor): SQL =>
  sql`pl.level = 'community' AND ${scopeSql(actor, sql.raw('pl.path'))}`;

/** A site outside the actor's scope reads as missing. */
export function assertSite(actor: Actor, site: { path: string; level: string } | undefined) {
  if (!site || site.level !== 'community' || !covers(actor, site.path)) throw notFound('site');
}

/** The place an overview is of: inside the actor's scope, else missing. */
export function assertPlaceInScope(actor: Actor, place: { path: string } | undefined) {
  if (!place || !covers(actor, place.path)) throw notFound('place');
}

/** Facilities (`x`) and projects (`j`) standing in the actor's scope or above it: a township's school serves its sites. */
export const placedScope = (actor: Actor, column: string): SQL =>
  reachingSql(sql.raw(column), rootsOf(actor));

/** Tasks (`t`) of the sites in the actor's scope. */
export const taskScope = (actor: Actor): SQL => scopeSql(actor, sql.raw('t.site_path'));

/** A task of a site outside the actor's scope reads as missing. */
export const reachesTask = (actor: Actor, sitePath: string) => covers(actor, sitePath);

export function assertReached(actor: Actor, what: string, row: { place_path: string } | undefined) {
  if (!row || !reaches(actor, row.place_path)) throw notFound(what);
}

/** Whether the actor keeps a facility, project or task on `path`: changes it and records for it. */
export const mayKeep = (actor: Actor, path: string) => can(actor.roles, 'site:write') && covers(actor, path);

export function assertKeeps(actor: Actor, path: string) {
  if (!mayKeep(actor, path)) throw new AppError('forbidden', 'only officials of its place keep it');
}

/** Where a facility or project stands: a place of the actor's scope, a township or inside a site. */
export function assertPlaced(actor: Actor, place: { path: string; level: string } | undefined) {
  if (!place || !covers(actor, place.path)) throw invalid('placeId', 'unknown place');
  if (!PLACED_LEVELS.includes(place.level))
    throw invalid('placeId', 'must be a township, a site or a place in a site');
}

/** The sites a facility serves: communities of the actor's scope. */
export function assertServedSites(
  actor: Actor,
  asked: number[],
  found: { id: number; path: string; level: string }[],
) {
  for (const id of asked) {
    const site = found.find((s) => s.id === id);
    if (!site || site.level !== 'community' || !covers(actor, site.path))
      throw invalid('siteIds', 'unknown site {{id}}', { id: String(id) });
  }
}

/** A household linked to a project lives where the project stands. */
export function assertLivesAt(projectPath: string, household: { residence_path: string }) {
  if (!household.residence_path.startsWith(projectPath))
    throw invalid('householdId', 'does not live where the project is');
}
