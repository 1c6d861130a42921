import { sql, type SQL } from 'drizzle-orm';
import { can } from '@anju/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import {
  ancestorSql,
  covers,
  ownScopeSql,
  reaches,
  reachingSql,
  rootsOf,
} from '../../platform/access/scope.ts';
import { AppError, invalid, notFound } from '../../platform/errors.ts';

/** The levels an activity or a team may be of: a county's, a township's or a community's. */
export const ACTIVITY_LEVELS = ['county', 'township', 'community'] as const;

/** Volunteers (`v`) registered in the actor's own scope. */
export const volunteerScope = (actor: Actor): SQL => ownScopeSql(actor, sql.raw('v.place_path'));

/** Teams (`t`) of the actor's scope or above it. */
export const teamScope = (actor: Actor): SQL => reachingSql(sql.raw('t.place_path'), rootsOf(actor));

/** Activities (`a`) in the actor's scope or on a place above it (a township's activity is open to its communities). */
export const activityScope = (actor: Actor): SQL => reachingSql(sql.raw('a.place_path'), rootsOf(actor));

/** Activities (`a`) open to a volunteer: on the place they serve or on a place above it. */
export const openTo = (volunteerPath: string): SQL => ancestorSql(sql.raw('a.place_path'), volunteerPath);

/** An activity outside the actor's reach reads as missing. */
export function assertActivityVisible<T extends { place_path: string }>(
  actor: Actor,
  row: T | undefined,
): asserts row is T {
  if (!row || !reaches(actor, row.place_path)) throw notFound('activity');
}

/** Whether the actor organizes an activity: on a place of their own scope, with `volunteer:organize`. */
export const mayOrganize = (actor: Actor, placePath: string) =>
  can(actor.roles, 'volunteer:organize') && covers(actor, placePath);

export function assertOrganizes(actor: Actor, placePath: string) {
  if (!mayOrganize(actor, placePath))
    throw new AppError('forbidden', 'only officials of the place holding the activity organize it');
}

/** The place of a new activity, team or volunteer: in the actor's scope (else unknown) and of an activity level. */
export function assertPlace(
  actor: Actor,
  place: { path: string; level: string } | undefined,
  field = 'placeId',
) {
  if (!place || !covers(actor, place.path)) throw invalid(field, 'unknown place');
  if (!(ACTIVITY_LEVELS as readonly string[]).includes(place.level))
    throw invalid(field, 'must be a county, township or community');
}

/** A volunteer the actor keeps: registered in their own scope. */
export function assertVolunteerVisible<T extends { place_path: string }>(
  actor: Actor,
  row: T | undefined,
): asserts row is T {
  if (!row || !covers(actor, row.place_path)) throw notFound('volunteer');
}
