import { sql, type SQL } from 'drizzle-orm';
import type { Conn } from '../../db/client.ts';
import { rows } from '../../db/rows.ts';
import { underSql } from '../../platform/access/scope.ts';
import {
  COURSE_SELECT,
  employedAfterSql,
  ENROLMENT_SELECT,
  type CourseRow,
  type EnrolmentRow,
} from './training.sql.ts';

export interface CourseFields {
  title: string;
  provider: string;
  kind: string;
  startOn: string;
  endOn: string;
  hours: number;
  capacity: number;
}

export async function insertCourse(
  conn: Conn,
  place: { id: number; path: string },
  f: CourseFields,
  userId: number,
) {
  const [row] = await rows<{ id: number }>(
    conn,
    sql`INSERT INTO training_courses (title, provider, kind, place_id, place_path, start_on, end_on, hours, capacity, created_by)
        VALUES (${f.title}, ${f.provider}, ${f.kind}, ${place.id}, ${place.path}, ${f.startOn}, ${f.endOn}, ${f.hours},
                ${f.capacity}, ${userId})
        RETURNING id`,
  );
  return Number(row.id);
}

/** Writes the course from `version`; false when stale. The seats' check refuses a capacity below the enrolled. */
export async function updateCourse(conn: Conn, id: number, version: number, f: CourseFields) {
  const done = await rows<{ id: number }>(
    conn,
    sql`UPDATE training_courses
           SET title = ${f.title}, provider = ${f.provider}, kind = ${f.kind}, start_on = ${f.startOn}, end_on = ${f.endOn},
               hours = ${f.hours}, capacity = ${f.capacity}, version = version + 1, updated_at = now()
         WHERE id = ${id} AND version = ${version} RETURNING id`,
  );
  return done.length === 1;
}

export async function findCourse(conn: Conn, id: number, seen: SQL) {
  const [row] = await rows<CourseRow>(conn, sql`${COURSE_SELECT(seen)} WHERE c.id = ${id}`);
  return row;
}

export interface CourseFilters {
  kind?: string;
  status?: 'upcoming' | 'running' | 'finished';
  on: string;
}

/** One page of the courses `scope` admits (a condition on `c`), newest first, with the total. */
export async function listCourses(
  conn: Conn,
  scope: SQL,
  seen: SQL,
  f: CourseFilters,
  limit: number,
  offset: number,
) {
  const c = [scope];
  if (f.kind) c.push(sql`c.kind = ${f.kind}`);
  if (f.status === 'upcoming') c.push(sql`c.start_on > ${f.on}::date`);
  if (f.status === 'running') c.push(sql`c.start_on <= ${f.on}::date AND c.end_on >= ${f.on}::date`);
  if (f.status === 'finished') c.push(sql`c.end_on < ${f.on}::date`);
  const where = sql.join(c, sql` AND `);
  const [items, [{ total }]] = await Promise.all([
    rows<CourseRow>(
      conn,
      sql`${COURSE_SELECT(seen)} WHERE ${where} ORDER BY c.start_on DESC, c.id DESC LIMIT ${limit} OFFSET ${offset}`,
    ),
    rows<{ total: number }>(conn, sql`SELECT count(*)::int AS total FROM training_courses c WHERE ${where}`),
  ]);
  return { items, total };
}

/** The most hours anyone attended the course. */
export async function mostHoursAttended(conn: Conn, courseId: number) {
  const [row] = await rows<{ most: string | number }>(
    conn,
    sql`SELECT coalesce(max(hours_attended), 0) AS most FROM training_enrolments WHERE course_id = ${courseId}`,
  );
  return Number(row.most);
}

/** The enrolments of a course whose person `seen` (a condition on `p`) admits, by name. */
export const enrolmentsOf = (conn: Conn, courseId: number, seen: SQL, on: string) =>
  rows<EnrolmentRow>(
    conn,
    sql`${ENROLMENT_SELECT(on)} WHERE e.course_id = ${courseId} AND ${seen} ORDER BY p.name, e.id`,
  );

export async function findEnrolment(conn: Conn, id: number, on: string) {
  const [row] = await rows<EnrolmentRow>(conn, sql`${ENROLMENT_SELECT(on)} WHERE e.id = ${id}`);
  return row;
}

/**
 * Enrols a person: the enrolment row (none when they are enrolled already), then one seat taken by a
 * conditional update that waits for the course's row lock and never passes the capacity.
 */
export async function enrol(conn: Conn, courseId: number, personId: number) {
  const [row] = await rows<{ id: number }>(
    conn,
    sql`INSERT INTO training_enrolments (course_id, person_id) VALUES (${courseId}, ${personId})
        ON CONFLICT (course_id, person_id) DO NOTHING RETURNING id`,
  );
  if (!row) return 'enrolled_already' as const;
  const seat = await rows<{ id: number }>(
    conn,
    sql`UPDATE training_courses SET enrolled = enrolled + 1
         WHERE id = ${courseId} AND enrolled < capacity RETURNING id`,
  );
  return seat.length === 1 ? Number(row.id) : ('full' as const);
}

/** Sets the hours attended from `version`; false when stale. */
export async function setAttendance(conn: Conn, id: number, version: number, hours: number) {
  const done = await rows<{ id: number }>(
    conn,
    sql`UPDATE training_enrolments SET hours_attended = ${hours}, version = version + 1
         WHERE id = ${id} AND version = ${version} RETURNING id`,
  );
  return done.length === 1;
}

export async function complete(
  conn: Conn,
  id: number,
  version: number,
  c: { completedOn: string; certificateKind: string; certificateNo: string; certificateOn: string },
) {
  const done = await rows<{ id: number }>(
    conn,
    sql`UPDATE training_enrolments
           SET completed_on = ${c.completedOn}, certificate_kind = ${c.certificateKind}, certificate_no = ${c.certificateNo},
               certificate_on = ${c.certificateOn}, version = version + 1
         WHERE id = ${id} AND version = ${version} RETURNING id`,
  );
  return done.length === 1;
}

export interface PersonTrainingRow extends EnrolmentRow {
  title: string;
  kind: string;
  hours: number;
  start_on: string;
  end_on: string;
}

export async function householdPaths(conn: Conn, id: number) {
  const [row] = await rows<{ id: number; residence_path: string; origin_path: string | null }>(
    conn,
    sql`SELECT id, residence_path, origin_path FROM households WHERE id = ${id}`,
  );
  return row;
}

/** The courses the members of a household took whom `seen` admits (a condition on `p` and `h`), newest first. */
export const trainingsOfHousehold = (conn: Conn, householdId: number, seen: SQL, on: string) =>
  rows<PersonTrainingRow>(
    conn,
    sql`SELECT x.*, c.title, c.kind, c.hours, to_char(c.start_on, 'YYYY-MM-DD') AS start_on,
               to_char(c.end_on, 'YYYY-MM-DD') AS end_on
          FROM (${ENROLMENT_SELECT(on)} JOIN households h ON h.id = p.household_id
                 WHERE p.household_id = ${householdId} AND ${seen}) x
          JOIN training_courses c ON c.id = x.course_id
         ORDER BY c.start_on DESC, x.id DESC`,
  );

export interface CompletionFigureRow {
  /** The row of all people under the place; else one child place's. */
  total: boolean;
  child_id: number | null;
  completions: number;
  employed_after: number;
}

/**
 * Completions since `since` by people living under `path`, and how many of them were employed
 * within 6 months after, in total and by the child place at `childDepth` — one statement, the child
 * read from the residence path.
 */
export const completionFigures = (conn: Conn, path: string, childDepth: number, since: string, on: string) =>
  rows<CompletionFigureRow>(
    conn,
    sql`SELECT grouping(x.child_id) = 1 AS total, x.child_id, count(*)::int AS completions,
               count(*) FILTER (WHERE x.employed_after)::int AS employed_after
          FROM (SELECT nullif(split_part(p.residence_path, '/', ${childDepth + 2}), '')::bigint AS child_id,
                       ${employedAfterSql(on)} AS employed_after
                  FROM training_enrolments e JOIN persons p ON p.id = e.person_id
                 WHERE e.completed_on >= ${since}::date AND e.completed_on <= ${on}::date
                   AND ${underSql(sql.raw('p.residence_path'), [path])}) x
         GROUP BY GROUPING SETS ((), (x.child_id))`,
  );
