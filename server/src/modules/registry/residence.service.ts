import type { Conn } from '../../db/client.ts';
import type { Ctx } from '../../platform/auth/actor.ts';
import type { PathMove } from '../places/places.service.ts';
import * as repo from './residence.repo.ts';

/** Where households live, for the modules that work on them (grids, party, visits). */
export {
  countHouseholdsUnder,
  householdResidence,
  householdsPerChild,
  householdsUnder,
  partyMembersUnder,
  personNames,
  type HouseholdRef,
} from './residence.repo.ts';

/**
 * After places moved (re-gridding), rewrites the residence paths of the households and persons
 * under them, set-based. Each household gets a new version and a history row `event`, with
 * `changes` saying from where to where. Returns how many households and persons moved.
 */
export async function rebaseResidence(
  tx: Conn,
  ctx: Ctx,
  moves: PathMove[],
  event: { name: string; changes: Record<string, unknown> },
) {
  if (moves.length === 0) return { households: 0, persons: 0 };
  const households = await repo.rebaseHouseholds(tx, ctx, moves, event);
  const persons = await repo.rebasePersons(tx, moves);
  await repo.rebaseRegistration(tx, moves);
  return { households, persons };
}
