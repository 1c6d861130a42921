import type { Actor } from '../../platform/auth/actor.ts';
import { covers, reaches } from '../../platform/access/scope.ts';
import { AppError, invalid } from '../../platform/errors.ts';

/** A calendar is read for a place the caller reaches (its scope, or a region containing it). */
export function assertCalendarReadable(actor: Actor, place: { path: string } | undefined) {
  if (!place || !reaches(actor, place.path)) throw new AppError('not_found', 'place not found');
}

/** A county keeps its own calendar, edited by the county's own officials (or those of a region above). */
export function assertCalendarPlace(actor: Actor, place: { level: string; path: string } | undefined) {
  if (!place || !covers(actor, place.path)) throw new AppError('not_found', 'place not found');
  if (place.level !== 'county') throw invalid('placeId', 'must be a county');
}
