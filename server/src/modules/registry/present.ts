import type { Household, Person } from '@anju/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import { ageOn } from './identity.ts';
import { mayReveal, seesHealth, sideOf, visibleTags } from './registry.policy.ts';
import type { HistoryRow } from './history.repo.ts';
import type { HouseholdRow, PersonRow } from './registry.sql.ts';

/**
 * The birth date in full only to who may reveal the ID number that holds it; the year to others, so
 * that the masked number, the year and the place together leave thousands of candidates.
 */
export const shownBirthDate = (actor: Actor, birthDate: string) =>
  mayReveal(actor) ? birthDate : birthDate.slice(0, 4);

/** The age in full years to who sees the birth date; by the year of birth alone to others. */
export const shownAge = (actor: Actor, birthDate: string, today = new Date()) =>
  mayReveal(actor) ? ageOn(birthDate, today) : today.getFullYear() - Number(birthDate.slice(0, 4));

/** A person as the actor may see them: identifiers masked, health only with person:health. */
export function presentPerson(actor: Actor, r: PersonRow): Person {
  const person: Person = {
    id: String(r.id),
    householdId: String(r.household_id),
    relation: r.relation as Person['relation'],
    name: r.name,
    idNumber: r.id_masked,
    sex: r.sex as Person['sex'],
    birthDate: shownBirthDate(actor, r.birth_date),
    age: shownAge(actor, r.birth_date),
    ethnicity: r.ethnicity,
    phone: r.phone_masked,
    education: r.education as Person['education'],
    labourCapacity: r.labour_capacity as Person['labourCapacity'],
    tags: visibleTags(actor, r.tags),
    partyMember: r.party_member,
    hukou: { id: String(r.hukou_place_id), name: r.hukou_name, path: r.hukou_path },
    residence: { id: String(r.residence_place_id), name: r.residence_name, path: r.residence_path },
    side: sideOf(actor, r.residence_path, r.hukou_path) ?? 'residence',
    status: r.status as Person['status'],
    version: r.version,
  };
  if (seesHealth(actor)) {
    person.health = r.health as Person['health'];
    person.disabilityGrade = r.disability_grade;
  }
  return person;
}

export function presentHousehold(actor: Actor, r: HouseholdRow): Household {
  const ref = (id: number | null, name: string | null, path: string | null) =>
    id === null ? null : { id: String(id), name: name ?? '', path: path ?? '' };
  return {
    id: String(r.id),
    householdNo: r.household_no,
    headName: r.head_name,
    memberCount: r.member_count,
    residence: { id: String(r.residence_place_id), name: r.residence_name, path: r.residence_path },
    dwelling: ref(r.dwelling_id, r.dwelling_name, r.residence_path),
    originVillage: ref(r.origin_village_id, r.origin_name, r.origin_path),
    relocationYear: r.relocation_year,
    resettlementType: r.resettlement_type as Household['resettlementType'],
    povertyStatus: r.poverty_status as Household['povertyStatus'],
    status: r.status as Household['status'],
    side: sideOf(actor, r.residence_path, r.origin_path) ?? 'residence',
    version: r.version,
  };
}

const HEALTH_CHANGES = ['health', 'disabilityGrade'];

/**
 * History as the actor may read it: without person:health, no health or disability change and no
 * health tag; an entry left with nothing to say is left out, so that it does not tell a hidden change.
 */
export function presentHistory<T extends HistoryRow>(actor: Actor, entries: T[]): T[] {
  if (seesHealth(actor)) return entries;
  return entries.flatMap((e) => {
    const changes = { ...e.changes };
    for (const key of HEALTH_CHANGES) delete changes[key];
    if (Array.isArray(changes.tags)) {
      const [before, after] = (changes.tags as (string[] | null)[]).map((t) => visibleTags(actor, t ?? []));
      if (JSON.stringify(before) === JSON.stringify(after)) delete changes.tags;
      else changes.tags = [before, after];
    }
    const emptied = Object.keys(e.changes).length > 0 && Object.keys(changes).length === 0;
    return emptied ? [] : [{ ...e, changes }];
  });
}
