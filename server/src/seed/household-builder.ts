import { maskIdNumber, maskPhone } from '@anju/contracts';
import { initialsOf } from '../modules/places/initials.ts';
import { idHash, phoneHash } from '../modules/registry/identity.ts';
import type { NewPerson } from '../modules/registry/persons.repo.ts';
import type { Cipher } from '../platform/crypto.ts';
import { composeFamily, type Member } from './family.ts';
import type { IdNumbers } from './id-numbers.ts';
import { givenName, surnameFor } from './person-names.ts';
import {
  educationFor,
  ethnicityFor,
  healthFor,
  isPartyMember,
  isStudent,
  labourFor,
  phoneFor,
} from './person-traits.ts';
import type { HouseholdRow } from './registry-rows.ts';
import type { Rng } from './rng.ts';

/** Ages are generated as of this day, so a seed gives the same people whenever it runs. */
export const AS_OF_YEAR = 2026;
const DAY = 86_400_000;

/** A place a household or person is attached to. */
export interface PlaceAt {
  id: number;
  path: string;
}

export interface HouseholdSite {
  community: PlaceAt & { code: string; resettlementType: string; openedYear: number };
  dwelling: PlaceAt;
  /** The origin village (with its 6-digit county) the family moved from. */
  village: PlaceAt & { county: string };
}

/** Pinyin initials character by character: the generated names use a few hundred characters. */
const initialsCache = new Map<string, string>();
function initials(name: string) {
  let out = '';
  for (const ch of name) {
    let v = initialsCache.get(ch);
    if (v === undefined) initialsCache.set(ch, (v = initialsOf(ch)));
    out += v;
  }
  return out;
}

/** A birth date giving exactly `age` years on 1 January of AS_OF_YEAR. */
function birthDateFor(rng: Rng, age: number): string {
  return new Date(Date.UTC(AS_OF_YEAR - age, 0, 1) - rng.int(0, 364) * DAY).toISOString().slice(0, 10);
}

/** Surnames pass down the father's line; spouses and in-laws bring their own. */
function surnames(rng: Rng, members: Member[], ethnicity: string): string[] {
  const own = () => surnameFor(rng, ethnicity);
  const head = own();
  const spouse = members.find((m) => m.relation === 'spouse') ? own() : head;
  const childLine = members[0].sex === 'male' ? head : spouse;
  const inLaw = own();
  const married = members.find((m) => m.relation === 'child');
  const grandLine = married?.sex === 'male' ? childLine : inLaw;
  const of: Record<string, () => string> = {
    head: () => head,
    spouse: () => spouse,
    child: () => childLine,
    child_in_law: () => inLaw,
    grandchild: () => grandLine,
    parent: () => own(),
  };
  return members.map((m) => (m.relation === 'parent' && m.sex === 'male' ? head : (of[m.relation] ?? own)()));
}

const PARTNERS: Partial<Record<Member['relation'], Member['relation']>> = {
  head: 'spouse',
  spouse: 'head',
  child: 'child_in_law',
  child_in_law: 'child',
};

/** Vulnerable and special-population tags that follow from the family and the person. */
function tagsOf(rng: Rng, members: Member[], i: number, p: NewPerson, veteran: boolean): string[] {
  const m = members[i];
  const tags: string[] = [];
  const adultsHome = members.filter((o) => o.age >= 18 && o.age < 60 && !o.away);
  const away = members.some((o) => o.away);
  if (members.length === 1 && m.age >= 60) tags.push('elderly_alone');
  if (away && m.age >= 60 && adultsHome.length === 0) tags.push('left_behind_elderly');
  if (m.age < 16 && away) {
    const parents = m.relation === 'grandchild' ? ['child', 'child_in_law'] : ['head', 'spouse'];
    if (members.filter((o) => parents.includes(o.relation)).every((o) => o.away))
      tags.push('left_behind_child');
  }
  const partner = PARTNERS[m.relation];
  if (m.sex === 'female' && !m.away && m.age < 60 && members.some((o) => o.away && o.relation === partner))
    tags.push('left_behind_woman');
  if (p.health === 'disabled') tags.push('disabled');
  if (p.health === 'serious_illness') tags.push('serious_illness');
  if (veteran) tags.push('veteran');
  if (m.age >= 18) {
    const r = rng.next();
    if (r < 0.003) tags.push('severe_mental_disorder');
    else if (r < 0.0045 && m.sex === 'male') tags.push('released_prisoner');
    else if (r < 0.005 && m.age < 60) tags.push('community_correction');
  }
  return tags;
}

/**
 * Composes and seals one household of a dwelling: members with valid, unique ID numbers, names,
 * health, labour, tags and hukou; about one family in six moved its hukou to the community.
 */
export function buildHousehold(
  rng: Rng,
  cipher: Cipher,
  ids: IdNumbers,
  householdId: number,
  at: HouseholdSite,
): { household: HouseholdRow; members: NewPerson[] } {
  const members = composeFamily(rng);
  const ethnicity = ethnicityFor(rng, at.village.county);
  const names = surnames(rng, members, ethnicity);
  const relocationYear = Math.min(2020, at.community.openedYear + (rng.next() < 0.25 ? 1 : 0));
  const hukouMoved = rng.next() < 0.17;
  const bornSince = AS_OF_YEAR - relocationYear;
  const veterans: boolean[] = [];
  const persons = members.map((m, i): NewPerson => {
    const atCommunity = hukouMoved || (m.age < bornSince && rng.next() < 0.6);
    const hukou = atCommunity ? at.community : at.village;
    const region = atCommunity && m.age < bornSince ? at.community.code.slice(0, 6) : at.village.county;
    const id = ids.next(region, birthDateFor(rng, m.age), m.sex);
    const name = names[i] + givenName(rng, m.sex, Number(id.birthDate.slice(0, 4)));
    const health = healthFor(rng, m.age);
    const student = isStudent(rng, m.age);
    const phone = phoneFor(rng, m.age);
    veterans.push(m.sex === 'male' && m.age >= 40 && m.age <= 75 && rng.next() < 0.02);
    return {
      householdId,
      relation: m.relation,
      name,
      initials: initials(name),
      idCipher: cipher.encrypt(id.value),
      idHash: idHash(cipher, id.value),
      idMasked: maskIdNumber(id.value),
      sex: m.sex,
      birthDate: id.birthDate,
      ethnicity:
        m.relation === 'spouse' || m.relation === 'child_in_law'
          ? spouseEthnicity(rng, ethnicity, at)
          : ethnicity,
      phoneCipher: phone && cipher.encrypt(phone),
      phoneHash: phone && phoneHash(cipher, phone),
      phoneMasked: phone && maskPhone(phone),
      education: educationFor(rng, m.age, m.sex, student),
      health: health.health,
      disabilityGrade: health.disabilityGrade,
      labourCapacity: labourFor(rng, m.age, health, student),
      tags: [],
      partyMember: false,
      hukouPlaceId: hukou.id,
      hukouPath: hukou.path,
      residencePlaceId: at.dwelling.id,
      residencePath: at.dwelling.path,
    };
  });
  persons.forEach((p, i) => {
    p.tags = tagsOf(rng, members, i, p, veterans[i]);
    p.partyMember = isPartyMember(rng, members[i].age, members[i].sex, veterans[i]);
  });
  const povertyStatus = supportTags(rng, members, persons);
  return {
    household: {
      id: householdId,
      householdNo: `${at.community.code}-${String(householdId).padStart(7, '0')}`,
      dwellingId: at.dwelling.id,
      residencePath: at.dwelling.path,
      originVillageId: at.village.id,
      originPath: at.village.path,
      relocationYear,
      resettlementType: `${at.community.resettlementType}_centralized`,
      povertyStatus,
      headName: persons[0].name,
      memberCount: persons.length,
    },
    members: persons,
  };
}

/** Most marry within their group; some marry a Han or a neighbour of another group. */
const spouseEthnicity = (rng: Rng, own: string, at: HouseholdSite) =>
  rng.next() < 0.88 ? own : ethnicityFor(rng, at.village.county);

/**
 * Social assistance and poverty status: 特困 for lone people who cannot work, 低保 for about one
 * vulnerable family in four, monitoring (about 1.4 % of people) mostly for families hit by illness
 * or disability. Returns the household's poverty status.
 */
function supportTags(rng: Rng, members: Member[], persons: NewPerson[]): string {
  const severe = persons.some(
    (p) => p.health === 'serious_illness' || (p.disabilityGrade !== null && p.disabilityGrade <= 2),
  );
  const noLabour = persons.every((p) => p.labourCapacity === 'none');
  if (members.length === 1 && noLabour && (members[0].age >= 60 || severe) && rng.next() < 0.45) {
    persons[0].tags.push('tekun');
    return 'out_of_poverty';
  }
  const vulnerable = severe || noLabour;
  if (rng.next() < (vulnerable ? 0.25 : 0.012)) for (const p of persons) p.tags.push('dibao');
  if (rng.next() < (vulnerable ? 0.06 : 0.007)) return 'monitored';
  return rng.next() < 0.07 ? 'ordinary' : 'out_of_poverty';
}
