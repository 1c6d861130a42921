import { sql, type SQL } from 'drizzle-orm';
import type { Conn } from '../../db/client.ts';

export async function rows<T>(conn: Conn, query: SQL): Promise<T[]> {
  return (await conn.execute(query)).rows as T[];
}

export interface IncidentRow {
  id: number;
  code: string;
  category_code: string;
  title: string;
  description: string;
  source: string;
  reporter_user_id: number | null;
  place_id: number;
  place_path: string;
  place_name: string;
  household_id: number | null;
  level: number;
  handling_place_id: number;
  handling_path: string;
  handling_name: string;
  assignee_user_id: number | null;
  department_id: number | null;
  status: string;
  supervised: boolean;
  overdue: boolean;
  accept_due_at: Date;
  due_at: Date;
  reported_at: Date;
  accepted_at: Date | null;
  replied_at: Date | null;
  closed_at: Date | null;
  satisfaction: string | null;
  rated_at: Date | null;
  version: number;
}

export const INCIDENT_SELECT = sql.raw(`
  SELECT i.id, i.code, i.category_code, i.title, i.description, i.source, i.reporter_user_id,
         i.place_id, i.place_path, pp.name AS place_name, i.household_id, i.level,
         i.handling_place_id, hp.path AS handling_path, hp.name AS handling_name,
         i.assignee_user_id, i.department_id, i.status, i.supervised, i.overdue, i.accept_due_at, i.due_at,
         i.reported_at, i.accepted_at, i.replied_at, i.closed_at, i.satisfaction, i.rated_at, i.version
    FROM incidents i
    JOIN places pp ON pp.id = i.place_id
    JOIN places hp ON hp.id = i.handling_place_id`);

/** The ancestor of a place path at a place level (grid, community, township, county), in one indexed lookup. */
export const ancestorAt = (path: SQL, level: SQL) => sql`(
  SELECT a.id FROM places a
   WHERE a.id = ANY(string_to_array(trim(both '/' from ${path}), '/')::bigint[]) AND a.level = ${level}
   LIMIT 1)`;
