import type { Actor } from '../../platform/auth/actor.ts';
import { covers, pathInScope } from '../../platform/access/scope.ts';
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
