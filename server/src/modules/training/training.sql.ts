import { sql, type SQL } from 'drizzle-orm';
import { EMPLOYED_AFTER_TRAINING_MONTHS } from '@anju/contracts';
import { ancestorSql } from '../../platform/access/scope.ts';

export interface CourseRow {
  id: number;
  title: string;
  provider: string;
  kind: string;
  place_id: number;
  place_path: string;
  place_name: string;
  start_on: string;
  end_on: string;
  hours: number;
  capacity: number;
  enrolled: number;
  completed: number;
  demand: number;
  version: number;
}

/**
 * Courses (`c`) with their place's name, completions, and the demand for them: people of the
 * labour register living under the course's place and inside `seen` (a condition on `p`) who
 * wish for a training the course's title names.
 */
export const COURSE_SELECT = (seen: SQL) =>
  sql`SELECT c.id, c.title, c.provider, c.kind, c.place_id, c.place_path, pl.name AS place_name,
             to_char(c.start_on, 'YYYY-MM-DD') AS start_on, to_char(c.end_on, 'YYYY-MM-DD') AS end_on,
             c.hours, c.capacity, c.enrolled, c.version,
             (SELECT count(*)::int FROM training_enrolments e WHERE e.course_id = c.id AND e.completed_on IS NOT NULL) AS completed,
             (SELECT count(*)::int FROM labour_profiles lp JOIN persons p ON p.id = lp.person_id
               WHERE p.status = 'living' AND ${seen} AND ${ancestorSql(sql.raw('c.place_path'), sql.raw('p.residence_path'))}
                 AND EXISTS (SELECT 1 FROM unnest(lp.training_wishes) w WHERE position(w IN c.title) > 0)) AS demand
        FROM training_courses c JOIN places pl ON pl.id = c.place_id`;

/**
 * Whether the person of enrolment `e` held a job on some day from completing to 6 months after, up
 * to `on`: derived from employment records, null before completion.
 */
export const employedAfterSql = (on: string): SQL =>
  sql`CASE WHEN e.completed_on IS NULL THEN NULL ELSE EXISTS (
        SELECT 1 FROM employment_records r
         WHERE r.person_id = e.person_id
           AND r.start_on <= least(e.completed_on + make_interval(months => ${EMPLOYED_AFTER_TRAINING_MONTHS}), ${on}::date)
           AND (r.end_on IS NULL OR r.end_on >= e.completed_on)) END`;

export interface EnrolmentRow {
  id: number;
  course_id: number;
  person_id: number;
  household_id: number;
  name: string;
  residence_path: string;
  hours_attended: string | number;
  completed_on: string | null;
  certificate_kind: string | null;
  certificate_no: string | null;
  certificate_on: string | null;
  employed_after: boolean | null;
  version: number;
}

/** Enrolments (`e`) with their person (`p`). */
export const ENROLMENT_SELECT = (on: string) =>
  sql`SELECT e.id, e.course_id, e.person_id, p.household_id, p.name, p.residence_path, e.hours_attended,
             to_char(e.completed_on, 'YYYY-MM-DD') AS completed_on, e.certificate_kind, e.certificate_no,
             to_char(e.certificate_on, 'YYYY-MM-DD') AS certificate_on, ${employedAfterSql(on)} AS employed_after, e.version
        FROM training_enrolments e JOIN persons p ON p.id = e.person_id`;
