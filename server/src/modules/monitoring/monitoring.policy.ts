import type { Actor } from '../../platform/auth/actor.ts';
import { covers, pathInScope, reaches } from '../../platform/access/scope.ts';
import { AppError, invalid } from '../../platform/errors.ts';

/** A household's two paths, from which the registry decides who sees it (dual jurisdiction). */
export interface HouseholdPaths {
  residence_path: string;
  origin_path: string | null;
}

/** Incomes are entered where the household lives. */
export function assertResidenceSide(actor: Actor, h: HouseholdPaths) {
  if (!covers(actor, h.residence_path))
    throw new AppError('forbidden', 'only officials of the residence side enter incomes');
}

/** A monitoring line is set for a province, city or county inside the caller's scope. */
export function assertLinePlace(actor: Actor, place: { level: string; path: string } | undefined) {
  if (!place || !pathInScope(actor, place.path)) throw new AppError('not_found', 'place not found');
  if (!['province', 'city', 'county'].includes(place.level))
    throw invalid('placeId', 'must be a province, city or county');
}

/** A procedure policy is read for a place the caller reaches (its scope, or a region containing it). */
export function assertPolicyReadable(actor: Actor, place: { path: string } | undefined) {
  if (!place || !reaches(actor, place.path)) throw new AppError('not_found', 'place not found');
}

/** A region sets its own procedure policy: a province, city or county inside the caller's scope. */
export function assertPolicyPlace(actor: Actor, place: { level: string; path: string } | undefined) {
  if (!place || !covers(actor, place.path)) throw new AppError('not_found', 'place not found');
  if (!['province', 'city', 'county'].includes(place.level))
    throw invalid('placeId', 'must be a province, city or county');
}
