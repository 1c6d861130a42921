import { pgArray } from '../../db/array.ts';
import { sql, type SQL } from 'drizzle-orm';
import type { PersonQuery } from '@anju/contracts';
import { eitherSideSql } from '../../platform/access/scope.ts';
import type { PersonSides } from './registry.policy.ts';
import { like } from './registry.sql.ts';

/** What a person list is narrowed to, with identifiers already hashed. */
export interface PersonFilter extends Omit<PersonQuery, 'page' | 'pageSize' | 'sort' | 'order'> {
  underPath?: string;
  idHash?: string;
  phoneHash?: string;
  /** Ages by year of birth alone, for who sees no birth date (`shownAge`). */
  byYear?: boolean;
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
  if (f.underPath) c.push(eitherSideSql([f.underPath], sql.raw('p.residence_path'), sql.raw('p.hukou_path')));
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
  if (f.phoneHash) c.push(sql`p.phone_hash = ${f.phoneHash}`);
  if (f.phoneTail) c.push(sql`right(p.phone_masked, 4) = ${f.phoneTail}`);
  // tags > '{}' (implied by @>) lets the residence index skip the untagged before testing @>
  if (f.tags?.length) c.push(sql`p.tags @> ${pgArray(f.tags)}::text[] AND p.tags > '{}'::text[]`);
  if (f.labour) c.push(sql`p.labour_capacity = ${f.labour}`);
  if (f.sex) c.push(sql`p.sex = ${f.sex}`);
  // age ≥ min ⇔ born on or before today − min years; age ≤ max ⇔ born after today − (max+1) years
  if (f.byYear) {
    const year = new Date().getFullYear();
    if (f.ageMin !== undefined) c.push(sql`p.birth_date <= ${`${year - f.ageMin}-12-31`}::date`);
    if (f.ageMax !== undefined) c.push(sql`p.birth_date >= ${`${year - f.ageMax}-01-01`}::date`);
    return c;
  }
  if (f.ageMin !== undefined) c.push(sql`p.birth_date <= ${dateYearsAgo(f.ageMin)}::date`);
  if (f.ageMax !== undefined) c.push(sql`p.birth_date > ${dateYearsAgo(f.ageMax + 1)}::date`);
  return c;
}

/** The filter's conditions within `scope`. */
export const where = (scope: SQL, f: PersonFilter) => sql.join([scope, ...filters(f)], sql` AND `);

/** A list's sort; `age_year` sorts by year of birth alone, for who sees no birth date. */
export type PersonSort = PersonQuery['sort'] | 'age_year';

/** Each sort: the keys a match carries, and its ORDER BY (%d the direction, %r its reverse). */
const SORTS: Record<PersonSort, { keys: string; order: string }> = {
  household: {
    keys: 'p.household_id, p.relation, p.birth_date',
    order: `p.household_id %d, (p.relation <> 'head') %d, p.birth_date, p.id`,
  },
  name: { keys: 'p.name', order: 'p.name %d, p.id' },
  age: { keys: 'p.birth_date', order: 'p.birth_date %r, p.id' },
  age_year: { keys: 'p.birth_date', order: `date_part('year', p.birth_date) %r, p.id` },
  updated: { keys: 'p.updated_at', order: 'p.updated_at %d, p.id' },
};

/**
 * The matches of each side (disjoint, see `personSides`) with the sort's keys: each side reads its
 * own covering index, so the count and the page's ordering never visit the table.
 */
export function matches(sides: PersonSides, f: PersonFilter, sort: PersonSort): SQL {
  const side = (scope: SQL) =>
    sql`SELECT p.id, ${sql.raw(SORTS[sort].keys)} FROM persons p WHERE ${where(scope, f)}`;
  const parts = [sides.residence, sides.hukou].filter((s) => s !== null);
  return sql.join(parts.map(side), sql` UNION ALL `);
}

/** The ORDER BY of `sort` in `order`. */
export function orderBy(sort: PersonSort, order: 'asc' | 'desc'): SQL {
  const dir = order.toUpperCase();
  const flip = order === 'asc' ? 'DESC' : 'ASC';
  return sql.raw(SORTS[sort].order.replaceAll('%d', dir).replaceAll('%r', flip));
}
