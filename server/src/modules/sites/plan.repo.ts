import { sql, type SQL } from 'drizzle-orm';
import type { Conn } from '../../db/client.ts';
import { rows } from '../../db/rows.ts';
import { underSql } from '../../platform/access/scope.ts';
import { TASK_SELECT, type TaskRow } from './sites.sql.ts';

export interface TaskFields {
  year: number;
  area: string;
  goal: string;
  title: string;
  owner: string;
  dueOn: string;
}

export async function insertTask(conn: Conn, site: { id: number; path: string }, f: TaskFields) {
  const [row] = await rows<{ id: number }>(
    conn,
    sql`INSERT INTO support_tasks (site_id, site_path, year, area, goal, title, owner, due_on)
        VALUES (${site.id}, ${site.path}, ${f.year}, ${f.area}, ${f.goal}, ${f.title}, ${f.owner}, ${f.dueOn}) RETURNING id`,
  );
  return Number(row.id);
}

/** Writes the task from `version`, done on `on` when progress reaches 100; false when stale. */
export async function updateTask(
  conn: Conn,
  id: number,
  version: number,
  f: { title: string; owner: string; dueOn: string; progress: number; evidence: string },
  on: string,
) {
  const done = await rows<{ id: number }>(
    conn,
    sql`UPDATE support_tasks
           SET title = ${f.title}, owner = ${f.owner}, due_on = ${f.dueOn}, progress = ${f.progress}, evidence = ${f.evidence},
               done_on = CASE WHEN ${f.progress} = 100 THEN coalesce(done_on, ${on}::date) END,
               alerted_at = CASE WHEN ${f.dueOn}::date = due_on THEN alerted_at END,
               version = version + 1
         WHERE id = ${id} AND version = ${version} RETURNING id`,
  );
  return done.length === 1;
}

export async function findTask(conn: Conn, id: number, on: string) {
  const [row] = await rows<TaskRow>(conn, sql`${TASK_SELECT(on)} WHERE t.id = ${id}`);
  return row;
}

/** The tasks of the sites under `path` that `scope` admits (a condition on `t`), of `year`, by site, area and deadline. */
export const tasksUnder = (conn: Conn, path: string, scope: SQL, year: number, on: string) =>
  rows<TaskRow>(
    conn,
    sql`${TASK_SELECT(on)} WHERE ${underSql(sql.raw('t.site_path'), [path])} AND ${scope} AND t.year = ${year}
         ORDER BY sp.name, t.area, t.due_on, t.id`,
  );

/** Marks the unfinished tasks past their deadline as alerted, once; returns them. */
export const lateToAlert = (conn: Conn, on: string) =>
  rows<{ id: number; site_path: string; site_name: string; title: string; owner: string; due_on: string }>(
    conn,
    sql`UPDATE support_tasks t SET alerted_at = now()
          FROM places sp
         WHERE sp.id = t.site_id AND t.done_on IS NULL AND t.due_on < ${on}::date AND t.alerted_at IS NULL
     RETURNING t.id, t.site_path, sp.name AS site_name, t.title, t.owner, to_char(t.due_on, 'YYYY-MM-DD') AS due_on`,
  );
