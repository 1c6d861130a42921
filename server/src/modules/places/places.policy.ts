import { can } from '@anju/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import { pathInScope, scopeSql, seesWholeTree } from '../../platform/access/scope.ts';
import { places } from '../../db/schema/index.ts';
import { AppError } from '../../platform/errors.ts';

/** A place outside the caller's scope is reported as missing, so its existence is not revealed. */
export function assertCanRead(actor: Actor, place: { path: string } | undefined): asserts place {
  if (!place || !pathInScope(actor, place.path)) throw new AppError('not_found', 'place not found');
}

/** Writers may only add or rename below their own scope roots, never the roots themselves. */
export function assertCanWrite(actor: Actor, place: { path: string } | undefined): asserts place {
  assertCanRead(actor, place);
  if (!can(actor.roles, 'place:write')) throw new AppError('forbidden', 'requires place:write');
}

export const placeScope = (actor: Actor) => scopeSql(actor, places.path);

/** Renaming follows the same rule: a scope root is renamed by someone scoped above it, not by its own staff. */
export function assertCanRename(actor: Actor, place: { path: string } | undefined): asserts place {
  assertCanWrite(actor, place);
  if (
    !seesWholeTree(actor) &&
    !actor.scopes.some((s) => place.path.startsWith(s.path) && place.path !== s.path)
  ) {
    throw new AppError('forbidden', 'a scope root is renamed from above it');
  }
}
