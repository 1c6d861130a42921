import { sql, type SQL } from 'drizzle-orm';
import type { PersonQuery } from '@anju/contracts';
import type { Conn } from '../../db/client.ts';
import type { PersonSides } from './registry.policy.ts';
import { like, PERSON_SELECT, rows, type PersonRow } from './registry.sql.ts';

export interface PersonFilter extends Omit<
  PersonQuery,
  'page' | 'pageSize' | 'sort' | 'order' | 'idNumber' | 'phone'
> {
  underPath?: string;
  idHash?: string;
  phoneHash?: string;
  phoneTail?: string;
  /** Building and room, as staff type them: '3-502' or '3栋502' (room 502 of building 3). */
  room?: { building: string; room: string };
}

/** Reads '3-502', '3栋502', '3幢1单元502', '2排5号' as building and room; undefined for anything else. */
export function parseRoom(q: string): PersonFilter['room'] {
  const m = /^(\d{1,3})\s*[-—#栋幢排号]\s*(?:\d{1,2}\s*单元\s*)?(\d{1,4})\s*[室号]?$/.exec(q.trim());
  return m ? { building: m[1], room: m[2] } : undefined;
}

function dateYearsAgo(years: number, today = new Date()): string {
  const d = new Date(Date.UTC(today.getFullYear() - years, today.getMonth(), today.getDate()));
  return d.toISOString().slice(0, 10);
}

function filters(f: PersonFilter): SQL[] {
  const c: SQL[] = [sql`p.status = ${f.status}`];
  if (f.underPath)
    c.push(sql`(p.residence_path LIKE ${like(f.underPath)} OR p.hukou_path LIKE ${like(f.underPath)})`);
  if (f.room) {
    const { building, room } = f.room;
    c.push(sql`p.residence_place_id IN (
      SELECT d.id FROM places d JOIN places b ON b.id = d.parent_id
       WHERE b.name IN (${building + '栋'}, ${building + '幢'}, ${building + '排'})
         AND (d.name LIKE ${'%' + room + '室'} OR d.name = ${building + '排' + room + '号'}))`);
  } else if (f.q) {
    const q = f.q.toLowerCase();
    c.push(/^[a-z]+$/.test(q) ? sql`p.initials LIKE ${like(q)}` : sql`p.name LIKE ${like(f.q)}`);
  }
  if (f.idHash) c.push(sql`p.id_hash = ${f.idHash}`);
  if (f.idTail) c.push(sql`right(p.id_masked, 4) = ${f.idTail.toUpperCase()}`);
  if (f.phoneHash) c.push(sql`p.phone_hash = ${f.phoneHash}`);
  if (f.phoneTail) c.push(sql`right(p.phone_masked, 4) = ${f.phoneTail}`);
  // tags > '{}' (implied by @>) lets the residence index skip the untagged before testing @>
  if (f.tags?.length) c.push(sql`p.tags @> ${`{${f.tags.join(',')}}`}::text[] AND p.tags > '{}'::text[]`);
  if (f.labour) c.push(sql`p.labour_capacity = ${f.labour}`);
  if (f.sex) c.push(sql`p.sex = ${f.sex}`);
  // age ≥ min ⇔ born on or before today − min years; age ≤ max ⇔ born after today − (max+1) years
  if (f.ageMin !== undefined) c.push(sql`p.birth_date <= ${dateYearsAgo(f.ageMin)}::date`);
  if (f.ageMax !== undefined) c.push(sql`p.birth_date > ${dateYearsAgo(f.ageMax + 1)}::date`);
  return c;
}

const where = (scope: SQL, f: PersonFilter) => sql.join([scope, ...filters(f)], sql` AND `);

/** Each sort: the keys a match carries, and its ORDER BY (%d the direction, %r its reverse). */
const SORTS: Record<PersonQuery['sort'], { keys: string; order: string }> = {
  household: {
    keys: 'p.household_id, p.relation, p.birth_date',
    order: `p.household_id %d, (p.relation <> 'head') %d, p.birth_date, p.id`,
  },
  name: { keys: 'p.name', order: 'p.name %d, p.id' },
  age: { keys: 'p.birth_date', order: 'p.birth_date %r, p.id' },
  updated: { keys: 'p.updated_at', order: 'p.updated_at %d, p.id' },
};

/**
 * The matches of each side (disjoint, see `personSides`) with the sort's keys: each side reads its
 * own covering index, so the count and the page's ordering never visit the table.
 */
function matches(sides: PersonSides, f: PersonFilter, sort: PersonQuery['sort']): SQL {
  const side = (scope: SQL) =>
    sql`SELECT p.id, ${sql.raw(SORTS[sort].keys)} FROM persons p WHERE ${where(scope, f)}`;
  const parts = [sides.residence, sides.hukou].filter((s) => s !== null);
  return sql.join(parts.map(side), sql` UNION ALL `);
}

function orderBy(sort: PersonQuery['sort'], order: 'asc' | 'desc'): SQL {
  const dir = order.toUpperCase();
  const flip = order === 'asc' ? 'DESC' : 'ASC';
  return sql.raw(SORTS[sort].order.replaceAll('%d', dir).replaceAll('%r', flip));
}

/**
 * One page of the people the sides see, sorted, with the total. The matches are collected first;
 * only the page's rows then visit the table and the places.
 */
export async function list(
  conn: Conn,
  sides: PersonSides,
  f: PersonFilter,
  sort: PersonQuery['sort'],
  order: 'asc' | 'desc',
  limit: number,
  offset: number,
) {
  const by = orderBy(sort, order);
  const found = await rows<PersonRow & { total: number }>(
    conn,
    sql`WITH m AS MATERIALIZED (${matches(sides, f, sort)})
        SELECT t.total, page.* FROM (SELECT count(*)::int AS total FROM m) t
        LEFT JOIN LATERAL (
          ${PERSON_SELECT} WHERE p.id IN (SELECT p.id FROM m p ORDER BY ${by} LIMIT ${limit} OFFSET ${offset})
          ORDER BY ${by}) page ON true`,
  );
  const total = found[0]?.total ?? 0;
  const items = found.filter((r) => r.id !== null).map(({ total: _total, ...r }) => r as PersonRow);
  return { items, total };
}

/** Streams matching people in keyset pages, for exports. */
export async function* batches(
  conn: Conn,
  scope: SQL,
  f: PersonFilter,
  size = 2000,
): AsyncGenerator<PersonRow[]> {
  let after = 0;
  const w = where(scope, f);
  for (;;) {
    const page = await rows<PersonRow>(
      conn,
      sql`${PERSON_SELECT} WHERE ${w} AND p.id > ${after} ORDER BY p.id LIMIT ${size}`,
    );
    if (page.length === 0) return;
    yield page;
    after = page[page.length - 1].id;
  }
}

export async function findById(conn: Conn, id: number, lock = false): Promise<PersonRow | undefined> {
  const [row] = await rows<PersonRow>(
    conn,
    sql`${PERSON_SELECT} WHERE p.id = ${id}${lock ? sql` FOR UPDATE OF p` : sql``}`,
  );
  return row;
}

export async function ofHousehold(conn: Conn, householdId: number): Promise<PersonRow[]> {
  return rows<PersonRow>(
    conn,
    sql`${PERSON_SELECT} WHERE p.household_id = ${householdId} ORDER BY (p.status <> 'living'), (p.relation <> 'head'), p.birth_date, p.id`,
  );
}

export async function findByIdHashes(conn: Conn, hashes: string[]) {
  if (hashes.length === 0) return [];
  return rows<{ id: number; id_hash: string; name: string; residence_path: string; hukou_path: string }>(
    conn,
    sql`SELECT id, id_hash, name, residence_path, hukou_path FROM persons WHERE id_hash IN (${sql.join(
      hashes.map((h) => sql`${h}`),
      sql`, `,
    )})`,
  );
}

export interface NewPerson {
  householdId: number;
  relation: string;
  name: string;
  initials: string;
  idCipher: string;
  idHash: string;
  idMasked: string;
  sex: string;
  birthDate: string;
  ethnicity: string;
  phoneCipher: string | null;
  phoneHash: string | null;
  phoneMasked: string | null;
  education: string | null;
  health: string;
  disabilityGrade: number | null;
  labourCapacity: string;
  tags: string[];
  partyMember: boolean;
  hukouPlaceId: number;
  hukouPath: string;
  residencePlaceId: number;
  residencePath: string;
}

export async function insert(conn: Conn, p: NewPerson): Promise<number> {
  const [row] = await rows<{ id: number }>(
    conn,
    sql`INSERT INTO persons (household_id, relation, name, initials, id_cipher, id_hash, id_masked, sex, birth_date,
          ethnicity, phone_cipher, phone_hash, phone_masked, education, health, disability_grade, labour_capacity,
          tags, party_member, hukou_place_id, hukou_path, residence_place_id, residence_path)
        VALUES (${p.householdId}, ${p.relation}, ${p.name}, ${p.initials}, ${p.idCipher}, ${p.idHash}, ${p.idMasked},
          ${p.sex}, ${p.birthDate}, ${p.ethnicity}, ${p.phoneCipher}, ${p.phoneHash}, ${p.phoneMasked}, ${p.education},
          ${p.health}, ${p.disabilityGrade}, ${p.labourCapacity}, ${`{${p.tags.join(',')}}`}::text[], ${p.partyMember},
          ${p.hukouPlaceId}, ${p.hukouPath}, ${p.residencePlaceId}, ${p.residencePath})
        RETURNING id`,
  );
  return row.id;
}

const COLUMN: Record<string, string> = {
  householdId: 'household_id',
  relation: 'relation',
  name: 'name',
  initials: 'initials',
  ethnicity: 'ethnicity',
  phoneCipher: 'phone_cipher',
  phoneHash: 'phone_hash',
  phoneMasked: 'phone_masked',
  education: 'education',
  health: 'health',
  disabilityGrade: 'disability_grade',
  labourCapacity: 'labour_capacity',
  tags: 'tags',
  partyMember: 'party_member',
  hukouPlaceId: 'hukou_place_id',
  hukouPath: 'hukou_path',
  residencePlaceId: 'residence_place_id',
  residencePath: 'residence_path',
  status: 'status',
};

/** Applies `patch` when `version` still matches; false when someone else changed the person first. */
export async function update(
  conn: Conn,
  id: number,
  version: number | null,
  patch: Partial<NewPerson> & { status?: string },
) {
  const sets = Object.entries(patch)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) =>
      k === 'tags'
        ? sql`tags = ${`{${(v as string[]).join(',')}}`}::text[]`
        : sql`${sql.raw(COLUMN[k])} = ${v}`,
    );
  const versionCheck = version === null ? sql`` : sql` AND version = ${version}`;
  const done = await rows<{ id: number }>(
    conn,
    sql`UPDATE persons SET ${sql.join([...sets, sql`version = version + 1`, sql`updated_at = now()`], sql`, `)}
         WHERE id = ${id}${versionCheck} RETURNING id`,
  );
  return done.length === 1;
}
