/**
 * What the services module uses of the registry to place a need: the households a resident lives in,
 * a household's paths, and one of its members with their age.
 */
import type { Conn } from '../../db/client.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { livingIn } from './concerned.repo.ts';
import * as households from './households.repo.ts';
import * as persons from './persons.repo.ts';
import { ageOn } from './identity.ts';

/** The active households living in the actor's own scope: for a resident, the household of their dwelling. */
export const residentHouseholds = (conn: Conn, actor: Actor): Promise<number[]> => livingIn(conn, actor);

/** An active household's id and residence path, or undefined. */
export async function activeHousehold(conn: Conn, id: number) {
  const row = await households.findById(conn, id);
  return row && row.status === 'active'
    ? { id: Number(row.id), residencePath: row.residence_path }
    : undefined;
}

/** A living member of the household with their age today and tags, or undefined. */
export async function householdMember(conn: Conn, householdId: number, personId: number) {
  const row = await persons.findById(conn, personId);
  if (!row || Number(row.household_id) !== householdId) return undefined;
  return { id: Number(row.id), age: ageOn(row.birth_date, new Date()), tags: row.tags };
}
