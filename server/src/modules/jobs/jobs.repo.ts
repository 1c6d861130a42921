import { sql, type SQL } from 'drizzle-orm';
import type { Conn } from '../../db/client.ts';
import { pgArray } from '../../db/array.ts';
import { like, rows } from '../../db/rows.ts';
import { JOB_SELECT, type JobRow } from './jobs.sql.ts';

/** The enterprise an account works for, or null. */
export async function employerOf(conn: Conn, userId: number): Promise<number | null> {
  const [row] = await rows<{ enterprise_id: number }>(
    conn,
    sql`SELECT enterprise_id FROM enterprise_staff WHERE user_id = ${userId}`,
  );
  return row ? Number(row.enterprise_id) : null;
}

/** Links an account to an enterprise, moving it from any other. */
export async function link(conn: Conn, userId: number, enterpriseId: number, by: number) {
  await conn.execute(
    sql`INSERT INTO enterprise_staff (user_id, enterprise_id, linked_by) VALUES (${userId}, ${enterpriseId}, ${by})
        ON CONFLICT (user_id) DO UPDATE SET enterprise_id = EXCLUDED.enterprise_id, linked_by = EXCLUDED.linked_by,
                                            linked_at = now()`,
  );
}

/** Unlinks an account from the enterprise; false when it was not linked there. */
export async function unlink(conn: Conn, userId: number, enterpriseId: number) {
  const done = await rows<{ user_id: number }>(
    conn,
    sql`DELETE FROM enterprise_staff WHERE user_id = ${userId} AND enterprise_id = ${enterpriseId} RETURNING user_id`,
  );
  return done.length === 1;
}

/** The accounts linked to an enterprise, with its name. */
export const staffOf = (conn: Conn, enterpriseId: number) =>
  rows<{ user_id: number; enterprise_id: number; enterprise_name: string }>(
    conn,
    sql`SELECT s.user_id, s.enterprise_id, e.name AS enterprise_name
          FROM enterprise_staff s JOIN enterprises e ON e.id = s.enterprise_id
         WHERE s.enterprise_id = ${enterpriseId}`,
  );

export interface JobFields {
  title: string;
  wageMin: number;
  wageMax: number;
  placeId: number;
  placePath: string;
  headcount: number;
  skills: string[];
  housing: boolean;
  commuteNote: string;
  status: string;
}

export async function insert(conn: Conn, enterpriseId: number, f: JobFields, by: number) {
  const [row] = await rows<{ id: number }>(
    conn,
    sql`INSERT INTO jobs (enterprise_id, title, wage_min, wage_max, place_id, place_path, headcount, skills, housing,
                          commute_note, status, created_by)
        VALUES (${enterpriseId}, ${f.title}, ${f.wageMin}, ${f.wageMax}, ${f.placeId}, ${f.placePath}, ${f.headcount},
                ${pgArray(f.skills)}::text[], ${f.housing}, ${f.commuteNote}, ${f.status}, ${by})
        RETURNING id`,
  );
  return Number(row.id);
}

/** Writes the job from `version`; false when someone saved in between. */
export async function update(conn: Conn, id: number, version: number, f: JobFields) {
  const done = await rows<{ id: number }>(
    conn,
    sql`UPDATE jobs SET title = ${f.title}, wage_min = ${f.wageMin}, wage_max = ${f.wageMax}, place_id = ${f.placeId},
               place_path = ${f.placePath}, headcount = ${f.headcount}, skills = ${pgArray(f.skills)}::text[],
               housing = ${f.housing}, commute_note = ${f.commuteNote}, status = ${f.status},
               version = version + 1, updated_at = now()
         WHERE id = ${id} AND version = ${version} RETURNING id`,
  );
  return done.length === 1;
}

export async function findById(conn: Conn, id: number) {
  const [row] = await rows<JobRow>(conn, sql`${JOB_SELECT} WHERE j.id = ${id}`);
  return row;
}

/** A page of the jobs in `scope`, open first and newest first, with the total. */
export async function list(
  conn: Conn,
  scope: SQL,
  f: { status?: string; q?: string },
  limit: number,
  offset: number,
) {
  const parts = [scope];
  if (f.status) parts.push(sql`j.status = ${f.status}`);
  if (f.q) parts.push(sql`j.title ILIKE ${`%${like(f.q)}`}`);
  const where = sql.join(parts, sql` AND `);
  const [items, [count]] = await Promise.all([
    rows<JobRow>(
      conn,
      sql`${JOB_SELECT} WHERE ${where} ORDER BY j.status = 'closed', j.id DESC LIMIT ${limit} OFFSET ${offset}`,
    ),
    rows<{ total: number }>(conn, sql`SELECT count(*)::int AS total FROM jobs j WHERE ${where}`),
  ]);
  return { items, total: count.total };
}

/** An enterprise of the register as a job needs it: its name and where it sits. */
export async function enterpriseOf(conn: Conn, id: number) {
  const [row] = await rows<{ id: number; name: string; place_id: number; place_path: string }>(
    conn,
    sql`SELECT id, name, place_id, place_path FROM enterprises WHERE id = ${id}`,
  );
  return row;
}
