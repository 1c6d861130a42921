import { pgArray } from '../../db/array.ts';
import { sql, type SQL } from 'drizzle-orm';
import type { Conn } from '../../db/client.ts';
import type { PersonSides } from './registry.policy.ts';
import { PERSON_SELECT, rows, type PersonRow } from './registry.sql.ts';
import { matches, orderBy, where, type PersonFilter, type PersonSort } from './persons.sql.ts';

export { parseRoom, type PersonFilter } from './persons.sql.ts';

/**
 * One page of the people the sides see, sorted, with the total. The matches are collected first;
 * only the page's rows then visit the table and the places.
 */
export async function list(
  conn: Conn,
  sides: PersonSides,
  f: PersonFilter,
  sort: PersonSort,
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
          ${p.health}, ${p.disabilityGrade}, ${p.labourCapacity}, ${pgArray(p.tags)}::text[], ${p.partyMember},
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
      k === 'tags' ? sql`tags = ${pgArray(v as string[])}::text[]` : sql`${sql.raw(COLUMN[k])} = ${v}`,
    );
  const versionCheck = version === null ? sql`` : sql` AND version = ${version}`;
  const done = await rows<{ id: number }>(
    conn,
    sql`UPDATE persons SET ${sql.join([...sets, sql`version = version + 1`, sql`updated_at = now()`], sql`, `)}
         WHERE id = ${id}${versionCheck} RETURNING id`,
  );
  return done.length === 1;
}

/** The other members of a household recorded as its head, besides `newHead`. */
export async function otherHeads(conn: Conn, householdId: number, newHead: number) {
  return rows<{ id: number; version: number }>(
    conn,
    sql`SELECT id, version FROM persons WHERE household_id = ${householdId} AND relation = 'head' AND id <> ${newHead}`,
  );
}
