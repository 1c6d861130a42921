import { sql, type SQL } from 'drizzle-orm';
import type { Conn } from '../../db/client.ts';
import { pgArray } from '../../db/array.ts';
import { like, rows } from '../../db/rows.ts';

export interface ProjectRow {
  id: number;
  name: string;
  kind: string;
  category: string;
  owner_department: string;
  place_id: number;
  place_path: string;
  place_name: string;
  org_id: number;
  org_name: string;
  budget: number;
  spent: number;
  starts_on: string;
  ends_on: string;
  summary: string;
  status: string;
  evaluation_grade: string | null;
  evaluation: string | null;
  evaluated_at: string | Date | null;
  served_count: number;
  milestones_done: number;
  milestones_total: number;
  milestones_late: number;
  rating_avg: string | number | null;
  rating_count: number;
  version: number;
}

/** A project (`p`) with its place, provider, spending, people served, milestones and ratings counted. */
const PROJECT_SELECT = sql`SELECT p.id, p.name, p.kind, p.category, p.owner_department, p.place_id, p.place_path,
       pl.name AS place_name, p.org_id, o.name AS org_name, p.budget,
       COALESCE((SELECT sum(r.spent) FROM service_project_reports r WHERE r.project_id = p.id), 0)::int AS spent,
       to_char(p.starts_on, 'YYYY-MM-DD') AS starts_on, to_char(p.ends_on, 'YYYY-MM-DD') AS ends_on,
       p.summary, p.status, p.evaluation_grade, p.evaluation, p.evaluated_at,
       (SELECT count(*) FROM service_project_served s WHERE s.project_id = p.id)::int AS served_count,
       m.done AS milestones_done, m.total AS milestones_total, m.late AS milestones_late,
       rt.average AS rating_avg, rt.ratings AS rating_count, p.version
  FROM service_projects p
  JOIN places pl ON pl.id = p.place_id
  JOIN social_organizations o ON o.id = p.org_id
  CROSS JOIN LATERAL (
    SELECT count(*) FILTER (WHERE done_on IS NOT NULL)::int AS done, count(*)::int AS total,
           count(*) FILTER (WHERE done_on > due_on OR (done_on IS NULL AND due_on < current_date))::int AS late
      FROM service_project_milestones WHERE project_id = p.id) m
  CROSS JOIN LATERAL (
    SELECT round(avg(rating), 2) AS average, count(*)::int AS ratings
      FROM service_project_ratings WHERE project_id = p.id) rt`;

export interface NewProject {
  name: string;
  kind: string;
  category: string;
  ownerDepartment: string;
  placeId: number;
  placePath: string;
  orgId: number;
  budget: number;
  startsOn: string;
  endsOn: string;
  summary: string;
  createdBy: number;
}

export async function insert(tx: Conn, p: NewProject): Promise<number> {
  const [row] = await rows<{ id: number }>(
    tx,
    sql`INSERT INTO service_projects (name, kind, category, owner_department, place_id, place_path, org_id, budget,
                                      starts_on, ends_on, summary, created_by)
        VALUES (${p.name}, ${p.kind}, ${p.category}, ${p.ownerDepartment}, ${p.placeId}, ${p.placePath}, ${p.orgId},
                ${p.budget}, ${p.startsOn}, ${p.endsOn}, ${p.summary}, ${p.createdBy})
        RETURNING id`,
  );
  return Number(row.id);
}

export async function addMilestones(tx: Conn, projectId: number, ms: { title: string; dueOn: string }[]) {
  if (ms.length === 0) return;
  await tx.execute(
    sql`INSERT INTO service_project_milestones (project_id, title, due_on)
        SELECT ${projectId}, t, d::date FROM unnest(${pgArray(ms.map((m) => m.title))}::text[],
                                                   ${pgArray(ms.map((m) => m.dueOn))}::text[]) AS x(t, d)`,
  );
}

/** Adds households served (a household already served keeps its first need). */
export async function addServed(
  tx: Conn,
  projectId: number,
  served: { householdId: number; needId: number | null }[],
) {
  if (served.length === 0) return;
  await tx.execute(
    sql`INSERT INTO service_project_served (project_id, household_id, need_id)
        SELECT ${projectId}, h, NULLIF(n, 0) FROM unnest(${pgArray(served.map((s) => s.householdId))}::bigint[],
                                                        ${pgArray(served.map((s) => s.needId ?? 0))}::bigint[]) AS x(h, n)
        ON CONFLICT DO NOTHING`,
  );
}

export async function findById(conn: Conn, id: number) {
  const [row] = await rows<ProjectRow>(conn, sql`${PROJECT_SELECT} WHERE p.id = ${id}`);
  return row;
}

/** Locks a project's row for a write that depends on it (spending against its budget, its status). */
export async function lock(tx: Conn, id: number) {
  await tx.execute(sql`SELECT id FROM service_projects WHERE id = ${id} FOR UPDATE`);
}

export interface ProjectFilter {
  q?: string;
  status?: string;
  kind?: string;
  orgId?: number;
}

/** A page of projects seen through `scope` (a condition on `p`), newest first, with the total. */
export async function list(conn: Conn, scope: SQL, f: ProjectFilter, limit: number, offset: number) {
  const parts = [scope];
  if (f.q) parts.push(sql`p.name LIKE ${`%${like(f.q)}`}`);
  if (f.status) parts.push(sql`p.status = ${f.status}`);
  if (f.kind) parts.push(sql`p.kind = ${f.kind}`);
  if (f.orgId !== undefined) parts.push(sql`p.org_id = ${f.orgId}`);
  const where = sql.join(parts, sql` AND `);
  const [items, [count]] = await Promise.all([
    rows<ProjectRow>(
      conn,
      sql`${PROJECT_SELECT} WHERE ${where} ORDER BY p.starts_on DESC, p.id DESC LIMIT ${limit} OFFSET ${offset}`,
    ),
    rows<{ total: number }>(conn, sql`SELECT count(*)::int AS total FROM service_projects p WHERE ${where}`),
  ]);
  return { items, total: count.total };
}

export const servedHouseholds = async (conn: Conn, id: number) =>
  (
    await rows<{ household_id: number }>(
      conn,
      sql`SELECT household_id FROM service_project_served WHERE project_id = ${id}`,
    )
  ).map((r) => Number(r.household_id));

export const served = (conn: Conn, id: number) =>
  rows<{ household_id: number; head_name: string; need_id: number | null; need_summary: string | null }>(
    conn,
    sql`SELECT s.household_id, h.head_name, s.need_id, n.summary AS need_summary
          FROM service_project_served s
          JOIN households h ON h.id = s.household_id
          LEFT JOIN service_needs n ON n.id = s.need_id
         WHERE s.project_id = ${id} ORDER BY h.head_name, s.household_id`,
  );

export const milestones = (conn: Conn, id: number) =>
  rows<{ id: number; title: string; due_on: string; done_on: string | null; late: boolean; version: number }>(
    conn,
    sql`SELECT id, title, to_char(due_on, 'YYYY-MM-DD') AS due_on, to_char(done_on, 'YYYY-MM-DD') AS done_on,
               COALESCE(done_on > due_on, due_on < current_date) AS late, version
          FROM service_project_milestones WHERE project_id = ${id} ORDER BY due_on, id`,
  );

export const reports = (conn: Conn, id: number) =>
  rows<{
    id: number;
    note: string;
    spent: number;
    milestone_title: string | null;
    author_name: string | null;
    created_at: string | Date;
    photo_ids: number[];
  }>(
    conn,
    sql`SELECT r.id, r.note, r.spent, m.title AS milestone_title, u.display_name AS author_name, r.created_at,
               ARRAY(SELECT ph.id FROM service_project_photos ph WHERE ph.report_id = r.id ORDER BY ph.id) AS photo_ids
          FROM service_project_reports r
          LEFT JOIN service_project_milestones m ON m.id = r.milestone_id
          LEFT JOIN users u ON u.id = r.author_id
         WHERE r.project_id = ${id} ORDER BY r.created_at DESC, r.id DESC`,
  );

export const complaints = (conn: Conn, id: number) =>
  rows<{ summary: string; at: string | Date }>(
    conn,
    sql`SELECT summary, at FROM service_project_complaints WHERE project_id = ${id} ORDER BY at DESC, id DESC`,
  );

export async function findMilestone(conn: Conn, id: number) {
  const [row] = await rows<{ id: number; project_id: number; version: number }>(
    conn,
    sql`SELECT id, project_id, version FROM service_project_milestones WHERE id = ${id}`,
  );
  return row;
}

/** Marks a milestone reached on a day, from the version read; false when stale. */
export async function markMilestone(tx: Conn, id: number, version: number, doneOn: string) {
  const found = await rows<{ id: number }>(
    tx,
    sql`UPDATE service_project_milestones SET done_on = ${doneOn}, version = version + 1
         WHERE id = ${id} AND version = ${version} RETURNING id`,
  );
  return found.length === 1;
}

export async function insertReport(
  tx: Conn,
  r: { projectId: number; milestoneId: number | null; note: string; spent: number; authorId: number },
) {
  const [row] = await rows<{ id: number }>(
    tx,
    sql`INSERT INTO service_project_reports (project_id, milestone_id, note, spent, author_id)
        VALUES (${r.projectId}, ${r.milestoneId}, ${r.note}, ${r.spent}, ${r.authorId}) RETURNING id`,
  );
  return Number(row.id);
}

export async function findReport(conn: Conn, id: number) {
  const [row] = await rows<{ id: number; project_id: number }>(
    conn,
    sql`SELECT id, project_id FROM service_project_reports WHERE id = ${id}`,
  );
  return row;
}

export async function insertPhoto(tx: Conn, reportId: number, contentType: string, content: Buffer) {
  const [row] = await rows<{ id: number }>(
    tx,
    sql`INSERT INTO service_project_photos (report_id, content_type, bytes, content)
        VALUES (${reportId}, ${contentType}, ${content.length}, ${content}) RETURNING id`,
  );
  return Number(row.id);
}

export async function findPhoto(conn: Conn, id: number) {
  const [row] = await rows<{ project_id: number; content_type: string; content: Uint8Array }>(
    conn,
    sql`SELECT r.project_id, ph.content_type, ph.content
          FROM service_project_photos ph JOIN service_project_reports r ON r.id = ph.report_id
         WHERE ph.id = ${id}`,
  );
  return row;
}

/** A household's one rating of a project; false when it rated already. */
export async function insertRating(
  tx: Conn,
  r: { projectId: number; householdId: number; rating: number; comment: string; by: number },
) {
  const found = await rows<{ project_id: number }>(
    tx,
    sql`INSERT INTO service_project_ratings (project_id, household_id, rating, comment, rated_by)
        VALUES (${r.projectId}, ${r.householdId}, ${r.rating}, ${r.comment}, ${r.by})
        ON CONFLICT DO NOTHING RETURNING project_id`,
  );
  return found.length === 1;
}

export async function ratingOf(conn: Conn, projectId: number, householdId: number) {
  const [row] = await rows<{ rating: number }>(
    conn,
    sql`SELECT rating FROM service_project_ratings WHERE project_id = ${projectId} AND household_id = ${householdId}`,
  );
  return row ? row.rating : null;
}

export async function insertComplaint(tx: Conn, projectId: number, summary: string, by: number) {
  await tx.execute(
    sql`INSERT INTO service_project_complaints (project_id, summary, recorded_by) VALUES (${projectId}, ${summary}, ${by})`,
  );
}

/** Closes an active project with its final evaluation, from the version read; false when stale or closed. */
export async function evaluate(
  tx: Conn,
  id: number,
  version: number,
  e: { grade: string; evaluation: string; by: number },
) {
  const found = await rows<{ id: number }>(
    tx,
    sql`UPDATE service_projects SET status = 'evaluated', evaluation_grade = ${e.grade}, evaluation = ${e.evaluation},
               evaluated_at = now(), evaluated_by = ${e.by}, version = version + 1
         WHERE id = ${id} AND version = ${version} AND status = 'active' RETURNING id`,
  );
  return found.length === 1;
}
