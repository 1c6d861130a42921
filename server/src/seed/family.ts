import type { Relation } from '@anju/contracts';
import type { Rng } from './rng.ts';

export type Sex = 'male' | 'female';

/** One member as the family is composed: relation to the head, sex, age, and whether they work away. */
export interface Member {
  relation: Relation;
  sex: Sex;
  age: number;
  away: boolean;
}

/**
 * Household sizes 1–8 (mean ≈ 3.6, DOMAIN.md): few singles and couples left behind, most families
 * of three to five, some of three generations.
 */
const SIZES = [
  [1, 11],
  [2, 17],
  [3, 21],
  [4, 23],
  [5, 16],
  [6, 8],
  [7, 3],
  [8, 1],
] as const;

const MAX_AGE = 96;
const clamp = (age: number) => Math.max(0, Math.min(MAX_AGE, age));
const other = (sex: Sex): Sex => (sex === 'male' ? 'female' : 'male');
/** Boys outnumber girls at birth in the rural south-west (about 112 : 100). */
const childSex = (rng: Rng): Sex => (rng.next() < 0.52 ? 'male' : 'female');

function person(relation: Relation, sex: Sex, age: number): Member {
  return { relation, sex, age: clamp(age), away: false };
}

/** A spouse of similar age: wives a few years younger than husbands. */
function spouseOf(rng: Rng, head: Member): Member {
  const gap = rng.int(0, 5) - (rng.next() < 0.15 ? 3 : 0);
  return person('spouse', other(head.sex), head.sex === 'male' ? head.age - gap : head.age + gap);
}

/** `count` children of parents aged `parentAge`, the first born when they were 20–32, then 1–4 years apart. */
function children(rng: Rng, relation: Relation, parentAge: number, count: number): Member[] {
  const out: Member[] = [];
  let age = parentAge - rng.int(20, 32);
  for (let i = 0; i < count; i++) {
    out.push(person(relation, childSex(rng), age));
    age -= rng.int(1, 4);
  }
  return out;
}

/** Head's age leaving room for `kids` children born 20+ years after the head, spaced about 2 years. */
const headAgeFor = (rng: Rng, kids: number, min: number, max: number) =>
  rng.int(Math.max(min, 21 + 2 * kids), Math.max(max, 21 + 2 * kids));

function single(rng: Rng): Member[] {
  if (rng.next() < 0.7) return [person('head', rng.next() < 0.55 ? 'female' : 'male', rng.int(60, 92))];
  return [person('head', rng.next() < 0.7 ? 'male' : 'female', rng.int(25, 59))];
}

function pair(rng: Rng): Member[] {
  const r = rng.next();
  if (r < 0.55) {
    const head = person('head', 'male', rng.int(58, 86));
    return [head, spouseOf(rng, head)];
  }
  if (r < 0.85) {
    const head = person('head', rng.next() < 0.55 ? 'female' : 'male', rng.int(28, 55));
    return [head, ...children(rng, 'child', head.age, 1)];
  }
  const head = person('head', 'male', rng.int(22, 58));
  return [head, spouseOf(rng, head)];
}

/** Three generations down: an older couple, a married child with their spouse, grandchildren. */
function withGrandchildren(rng: Rng, n: number): Member[] {
  const couple = rng.next() < 0.85 ? 2 : 1;
  const grandchildren = Math.max(1, n - couple - 2);
  const childAge = headAgeFor(rng, grandchildren, 24, 36);
  const head = person('head', rng.next() < 0.85 ? 'male' : 'female', childAge + rng.int(22, 30));
  const members = [head];
  if (couple === 2) members.push(spouseOf(rng, head));
  const child = person('child', rng.next() < 0.8 ? 'male' : 'female', childAge);
  members.push(child);
  if (members.length + grandchildren < n) members.push({ ...spouseOf(rng, child), relation: 'child_in_law' });
  return [...members, ...children(rng, 'grandchild', child.age, n - members.length)];
}

/** Three generations up: a couple with their children and one or two of the head's parents. */
function withParents(rng: Rng, n: number): Member[] {
  const parents = n >= 4 && rng.next() < 0.55 ? 2 : 1;
  const couple = rng.next() < 0.92 ? 2 : 1;
  const kids = n - parents - couple;
  const head = person('head', rng.next() < 0.9 ? 'male' : 'female', headAgeFor(rng, kids, 27, 45));
  const members = [head];
  if (couple === 2) members.push(spouseOf(rng, head));
  const parentAge = head.age + rng.int(25, 34);
  if (parents === 2) {
    const father = person('parent', 'male', parentAge);
    members.push(father, { ...spouseOf(rng, father), relation: 'parent' });
  } else members.push(person('parent', rng.next() < 0.6 ? 'female' : 'male', parentAge));
  return [...members, ...children(rng, 'child', head.age, kids)];
}

function nuclear(rng: Rng, n: number): Member[] {
  const couple = rng.next() < 0.92 ? 2 : 1;
  const kids = n - couple;
  const head = person('head', rng.next() < 0.88 ? 'male' : 'female', headAgeFor(rng, kids, 24, 48));
  const members = [head];
  if (couple === 2) members.push(spouseOf(rng, head));
  return [...members, ...children(rng, 'child', head.age, kids)];
}

/**
 * Migrant work: in about a third of the families with working-age parents one of them works away,
 * in about one in eight both do, leaving children and the elderly behind.
 */
function sendAway(rng: Rng, members: Member[]): void {
  const working = members.filter(
    (m) => m.age >= 18 && m.age <= 50 && m.relation !== 'grandchild' && m.relation !== 'parent',
  );
  const parentsOfYoung = working.filter((m) =>
    m.relation === 'head' || m.relation === 'spouse'
      ? members.some((c) => c.relation === 'child' && c.age < 16)
      : members.some((c) => c.relation === 'grandchild' && c.age < 16),
  );
  const pool = parentsOfYoung.length ? parentsOfYoung : working;
  if (pool.length === 0) return;
  const r = rng.next();
  if (r < 0.12) for (const m of pool) m.away = true;
  else if (r < 0.5) (pool.find((m) => m.sex === 'male') ?? pool[0]).away = true;
}

/** Composes one household: relations consistent with ages, the head first. */
export function composeFamily(rng: Rng): Member[] {
  const n = rng.weighted(SIZES);
  let members: Member[];
  if (n === 1) members = single(rng);
  else if (n === 2) members = pair(rng);
  else {
    const r = rng.next();
    if (n >= 4 && r < 0.35) members = withGrandchildren(rng, n);
    else if (r < 0.65) members = withParents(rng, n);
    else members = nuclear(rng, n);
  }
  sendAway(rng, members);
  return members;
}
