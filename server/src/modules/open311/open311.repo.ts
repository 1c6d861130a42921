import { sql, type SQL } from 'drizzle-orm';
import type { Conn } from '../../db/client.ts';
import { underSql } from '../../platform/access/scope.ts';
import { regionalAttributesSql } from './attributes.repo.ts';

async function rows<T>(conn: Conn, query: SQL): Promise<T[]> {
  return (await conn.execute(query)).rows as T[];
}

export interface CategoryRow {
  code: string;
  name_zh: string;
  name_en: string;
  accept_hours: number;
  deadline_hours: number;
  limit_unit: string;
  accept_days: number;
  deadline_days: number;
  start_level: number;
  attributes: unknown;
}

/** Active categories with the attributes they ask at the place of `path` (the national ones at '/'). */
const CATEGORY = (path: string) =>
  sql`SELECT c.code, c.name_zh, c.name_en, c.accept_hours, c.deadline_hours, c.limit_unit, c.accept_days,
             c.deadline_days, c.start_level,
             coalesce(r.attributes, c.attributes) AS attributes
        FROM incident_categories c ${regionalAttributesSql(path)} WHERE c.active`;

export async function categories(conn: Conn, path = '/') {
  return rows<CategoryRow>(conn, sql`${CATEGORY(path)} ORDER BY c.sort, c.code`);
}

export async function category(conn: Conn, code: string, path = '/'): Promise<CategoryRow | undefined> {
  const [row] = await rows<CategoryRow>(conn, sql`${CATEGORY(path)} AND c.code = ${code}`);
  return row;
}

/** A place inside `scopePath` named by its code, or by its id when no place has that code. */
export async function placeIn(conn: Conn, scopePath: string, ref: string) {
  const id = /^[1-9]\d{0,14}$/.test(ref) ? Number(ref) : null;
  const [row] = await rows<{ id: number; level: string }>(
    conn,
    sql`SELECT id, level FROM places
         WHERE (code = ${ref} OR id = ${id}) AND ${underSql(sql`path`, [scopePath])}
         ORDER BY (code = ${ref}) DESC LIMIT 1`,
  );
  return row;
}

export interface RequestRow {
  code: string;
  status: string;
  category_code: string;
  name_zh: string;
  name_en: string;
  title: string;
  description: string;
  agency: string;
  handling_name: string;
  reported_at: Date;
  accept_due_at: Date;
  due_at: Date;
  updated_at: Date;
  status_notes: string | null;
  address: string;
  place_code: string;
  lat: number | null;
  lng: number | null;
  public_description: boolean;
  community: string | null;
}

export interface RequestFilter {
  codes?: string[];
  categoryCodes?: string[];
  from?: Date;
  to?: Date;
  open?: boolean;
  /** Only the requests this reporter filed (a key's system, as `-key id`). */
  reporter?: number;
  /** Only the requests an official put in the public feed. */
  publicOnly?: boolean;
}

/** What Open311 shows of the incidents under `scopePath` (anywhere when null): never who reported them. */
export async function requests(conn: Conn, scopePath: string | null, f: RequestFilter, limit: number) {
  const c: SQL[] = scopePath === null ? [] : [underSql(sql`i.place_path`, [scopePath])];
  if (f.publicOnly) c.push(sql`i.public_feed`);
  const list = (values: string[]) =>
    sql.join(
      values.map((v) => sql`${v}`),
      sql`, `,
    );
  if (f.reporter !== undefined) c.push(sql`i.reporter_user_id = ${f.reporter}`);
  if (f.codes) c.push(sql`i.code IN (${list(f.codes)})`);
  if (f.categoryCodes) c.push(sql`i.category_code IN (${list(f.categoryCodes)})`);
  if (f.from) c.push(sql`i.reported_at >= ${f.from.toISOString()}::timestamptz`);
  if (f.to) c.push(sql`i.reported_at <= ${f.to.toISOString()}::timestamptz`);
  if (f.open !== undefined) c.push(sql`i.status ${f.open ? sql`NOT IN` : sql`IN`} ('closed', 'recalled')`);
  return rows<RequestRow>(
    conn,
    sql`SELECT i.code, i.status, i.category_code, c.name_zh, c.name_en, i.title, i.description,
               coalesce(d.name_zh, hp.name) AS agency, hp.name AS handling_name,
               i.reported_at, i.accept_due_at, i.due_at, last.at AS updated_at, last.note AS status_notes,
               p.code AS place_code, i.lat, i.lng, i.public_description,
               (SELECT a.name FROM places a WHERE a.level = 'community'
                   AND a.id = ANY(string_to_array(trim(both '/' from i.place_path), '/')::bigint[])) AS community,
               (SELECT string_agg(a.name, ', ' ORDER BY a.depth DESC) FROM places a
                 WHERE a.id = ANY(string_to_array(trim(both '/' from i.place_path), '/')::bigint[])) AS address
          FROM incidents i
          JOIN incident_categories c ON c.code = i.category_code
          JOIN places p ON p.id = i.place_id
          JOIN places hp ON hp.id = i.handling_place_id
          LEFT JOIN departments d ON d.id = i.department_id
          LEFT JOIN LATERAL (SELECT s.at, s.note FROM incident_steps s WHERE s.incident_id = i.id
                              ORDER BY s.id DESC LIMIT 1) last ON true
         WHERE ${c.length ? sql.join(c, sql` AND `) : sql`true`}
         ORDER BY i.reported_at DESC, i.id DESC
         LIMIT ${limit}`,
  );
}
