import type { Actor } from '../../platform/auth/actor.ts';
import { forbidden } from '../../platform/errors.ts';

/**
 * The categories' limits apply in every county, so they are set from a scope over a whole province
 * (a top place of the tree), never by one county for all the others.
 */
export function assertSetsCategoryLimits(actor: Actor) {
  if (!actor.scopes.some((s) => s.path.split('/').filter(Boolean).length === 1))
    throw forbidden('the categories apply everywhere: their limits are set by an admin of a whole province');
}
