import { sql } from 'drizzle-orm';
import type { Conn } from '../../db/client.ts';
import { ancestorSql } from '../../platform/access/scope.ts';
import { rows } from './incidents.sql.ts';

/** Users who handle incidents at a place of the ladder: those scoped exactly to it with the level's role. */
export async function handlersAt(conn: Conn, placeId: number, role: string): Promise<number[]> {
  const found = await rows<{ id: number }>(
    conn,
    sql`SELECT u.id FROM users u JOIN user_scopes s ON s.user_id = u.id
         WHERE s.place_id = ${placeId} AND ${role} = ANY(u.roles) AND NOT u.disabled`,
  );
  return found.map((u) => Number(u.id));
}

/** The users of a department. */
export async function departmentUsers(conn: Conn, departmentId: number): Promise<number[]> {
  const found = await rows<{ user_id: number }>(
    conn,
    sql`SELECT user_id FROM user_departments WHERE department_id = ${departmentId}`,
  );
  return found.map((u) => Number(u.user_id));
}

/** Whether a department belongs to the county that `placePath` lies in. */
export async function isCountyDepartment(conn: Conn, departmentId: number, placePath: string) {
  const [dept] = await rows<{ id: number }>(
    conn,
    sql`SELECT d.id FROM departments d JOIN places c ON c.id = d.county_id
         WHERE d.id = ${departmentId} AND ${ancestorSql(sql`c.path`, placePath)}`,
  );
  return !!dept;
}

/** Whether a user holds a scope covering `placePath`. */
export async function worksOver(conn: Conn, userId: number, placePath: string) {
  const [ok] = await rows<Record<string, unknown>>(
    conn,
    sql`SELECT 1 FROM user_scopes s JOIN places p ON p.id = s.place_id
         WHERE s.user_id = ${userId} AND ${ancestorSql(sql`p.path`, placePath)} LIMIT 1`,
  );
  return !!ok;
}

/** Active users holding one of `roles` whose scope covers `placePath`, by name (at most 200). */
export const usersOver = (conn: Conn, placePath: string, roles: readonly string[]) =>
  rows<{ id: number; display_name: string; roles: string[] }>(
    conn,
    sql`SELECT DISTINCT u.id, u.display_name, u.roles FROM users u
          JOIN user_scopes s ON s.user_id = u.id JOIN places p ON p.id = s.place_id
         WHERE NOT u.disabled AND u.roles && ARRAY[${sql.join(
           roles.map((r) => sql`${r}`),
           sql`, `,
         )}]::text[] AND ${ancestorSql(sql`p.path`, placePath)}
         ORDER BY u.display_name LIMIT 200`,
  );

/** The departments of the county that `placePath` lies in. */
export const countyDepartments = (conn: Conn, placePath: string) =>
  rows<{ id: number; name_zh: string; name_en: string }>(
    conn,
    sql`SELECT d.id, d.name_zh, d.name_en FROM departments d JOIN places c ON c.id = d.county_id
         WHERE ${ancestorSql(sql`c.path`, placePath)} ORDER BY d.code`,
  );
