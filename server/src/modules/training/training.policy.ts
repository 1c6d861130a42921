import { sql, type SQL } from 'drizzle-orm';
import { can } from '@anju/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import { covers, ownScopeSql, reaches, reachingSql, rootsOf } from '../../platform/access/scope.ts';
import { AppError, invalid, notFound } from '../../platform/errors.ts';

/** The levels a course may be offered on: a county's, a township's or a community's course. */
export const COURSE_LEVELS = ['county', 'township', 'community'] as const;

/**
 * Courses (`c`) offered in the actor's scope or on a place above it: a county's course is open to the
 * people of its communities, so their staff see it too.
 */
export const courseScope = (actor: Actor): SQL => reachingSql(sql.raw('c.place_path'), rootsOf(actor));

/** People (`p`) whose enrolments the actor sees: those living in the actor's own scope. */
export const traineeScope = (actor: Actor): SQL => ownScopeSql(actor, sql.raw('p.residence_path'));

/** A course outside the actor's reach reads as missing. */
export function assertCourseVisible<T extends { place_path: string }>(
  actor: Actor,
  row: T | undefined,
): asserts row is T {
  if (!row || !reaches(actor, row.place_path)) throw notFound('course');
}

/** Whether the actor keeps a course: changes it, enrols, records attendance and completions. */
export const mayKeep = (actor: Actor, coursePath: string) =>
  can(actor.roles, 'training:write') && covers(actor, coursePath);

/** Only those who keep a course change it. */
export function assertKeeps(actor: Actor, coursePath: string) {
  if (!mayKeep(actor, coursePath))
    throw new AppError('forbidden', 'only officials of the place offering the course keep it');
}

/** The place a course is offered on: in the actor's scope (else unknown) and of a course level. */
export function assertCoursePlace(actor: Actor, place: { path: string; level: string } | undefined) {
  if (!place || !covers(actor, place.path)) throw invalid('placeId', 'unknown place');
  if (!(COURSE_LEVELS as readonly string[]).includes(place.level))
    throw invalid('placeId', 'must be a county, township or community');
}

/** A person enrolled: seen from the residence side by the actor, living under the course's place. */
export function assertEnrollable(
  actor: Actor,
  coursePath: string,
  person: { residence_path: string; status: string; labour_force: boolean } | undefined,
) {
  if (!person || person.status !== 'living' || !covers(actor, person.residence_path))
    throw new AppError('not_found', 'person not found', [{ field: 'personId', reason: 'unknown person' }]);
  if (!person.residence_path.startsWith(coursePath))
    throw invalid('personId', 'does not live where the course is offered');
  if (!person.labour_force) throw invalid('personId', 'is not of working age with labour capacity');
}

/** An enrolment of someone living outside the actor's scope reads as missing. */
export function assertEnrolmentVisible(actor: Actor, enrolment: { residence_path: string }) {
  if (!covers(actor, enrolment.residence_path)) throw notFound('enrolment');
}

/** Members (`p`) of a household (`h`) whose trainings the actor sees: from the residence side all, from the origin side those registered there. */
export const memberScope = (actor: Actor): SQL =>
  sql`(${ownScopeSql(actor, sql.raw('h.residence_path'))} OR ${ownScopeSql(actor, sql.raw('p.hukou_path'))})`;
