import { sql, type SQL } from 'drizzle-orm';
import { can } from '@anju/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import { covers, reaches, reachingSql, rootsOf, scopeSql } from '../../platform/access/scope.ts';
import { AppError, invalid } from '../../platform/errors.ts';

/** The levels a form is kept on and a campaign sent to. */
export const SURVEY_LEVELS = ['county', 'township', 'community', 'grid'] as const;

/**
 * Forms (`f`) and campaigns (`c`) on a place in the actor's scope or above it: a county's campaign
 * reaches the grid workers and residents of its communities.
 */
export const formScope = (actor: Actor): SQL => reachingSql(sql.raw('f.place_path'), rootsOf(actor));
export const campaignScope = (actor: Actor): SQL => reachingSql(sql.raw('c.place_path'), rootsOf(actor));

/** Answers (`s`) counted for the actor: those from the grids of their own scope; none for a resident. */
export const answersScope = (actor: Actor): SQL =>
  can(actor.roles, 'survey:read') ? scopeSql(actor, sql.raw('s.grid_path')) : sql`false`;

/** Communities and grids (`p`) whose response rates the actor reads. */
export const areaScope = (actor: Actor): SQL => scopeSql(actor, sql.raw('p.path'));

/** The people a grid worker answers for: households living in their own scope. */
export const mayAnswerFor = (actor: Actor, residencePath: string) =>
  can(actor.roles, 'survey:answer') && covers(actor, residencePath);

/** The place a form is kept on or a campaign sent to: in the actor's own scope (else unknown) and of a survey level. */
export function assertSurveyPlace(actor: Actor, place: { path: string; level: string } | undefined) {
  if (!place || !covers(actor, place.path)) throw invalid('placeId', 'unknown place');
  if (!(SURVEY_LEVELS as readonly string[]).includes(place.level))
    throw invalid('placeId', 'must be a county, township, community or grid');
}

/** A campaign takes answers only between its days. */
export function assertOpen(c: { opens_on: string; closes_on: string }, today: string) {
  if (today < c.opens_on || today > c.closes_on)
    throw new AppError('conflict', 'the campaign is not open', [{ field: 'campaign', reason: 'not open' }]);
}

/** A form or campaign on a place in the actor's scope or above it. */
export const reachesPlace = (actor: Actor, path: string) => reaches(actor, path);
