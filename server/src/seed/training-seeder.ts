import { sql } from 'drizzle-orm';
import { labourForceSql } from '../modules/employment/employment.sql.ts';
import { pgArray } from '../db/array.ts';
import { norms } from '../platform/norms.ts';
import { defineSeeder } from './registry.ts';

/**
 * The courses of every community, relative to today: two finished months ago (most completed with a
 * certificate), one running, one to come. Their titles name the training wishes of the labour
 * register, so each shows its demand.
 */
export const COURSES = [
  {
    title: '家政服务培训班',
    kind: 'vocational_skills',
    provider: '县职业技能培训学校',
    start: -200,
    days: 25,
    hours: 40,
    capacity: 30,
  },
  {
    title: '电商直播创业培训',
    kind: 'entrepreneurship',
    provider: '县人社局创业指导中心',
    start: -120,
    days: 20,
    hours: 56,
    capacity: 25,
  },
  {
    title: '中式烹调岗前培训',
    kind: 'pre_job',
    provider: '安置区就业服务站',
    start: -10,
    days: 30,
    hours: 48,
    capacity: 30,
  },
  {
    title: '养老护理员培训',
    kind: 'vocational_skills',
    provider: '县职业技能培训学校',
    start: 15,
    days: 30,
    hours: 64,
    capacity: 20,
  },
] as const;

const CERTIFICATES = ['training_certificate', 'skill_level', 'vocational_qualification'];

/** A number in [0, 1) from a SQL key and a salt. */
const uniform = (key: string, salt: string, seed: number) =>
  `(('x' || substr(md5(${key} || '${salt}${seed}'), 1, 8))::bit(32)::bigint / 4294967296.0)`;

/**
 * Training in every community: the courses above, people of the labour force living there enrolled
 * (those wishing for the course first) up to four fifths of the places, hours attended, and on the
 * finished courses completions at the attendance norm with their certificates.
 */
export const trainingSeeder = defineSeeder({
  name: 'training',
  dependsOn: ['employment'],
  async run(ctx) {
    const ids = ctx.places.communities.map((c) => c.id);
    if (ids.length === 0) return;
    const db = ctx.database.db;
    const on = new Date().toISOString().slice(0, 10);
    const templates = sql.join(
      COURSES.map(
        (c) =>
          sql`(${c.title}, ${c.kind}, ${c.provider}, ${c.start}::int, ${c.days}::int, ${c.hours}::int, ${c.capacity}::int)`,
      ),
      sql`, `,
    );
    const courses = (
      await db.execute(
        sql`INSERT INTO training_courses (title, provider, kind, place_id, place_path, start_on, end_on, hours, capacity)
            SELECT t.title, t.provider, t.kind, pl.id, pl.path, ${on}::date + t.start, ${on}::date + t.start + t.days,
                   t.hours, t.capacity
              FROM places pl
             CROSS JOIN (VALUES ${templates}) AS t(title, kind, provider, start, days, hours, capacity)
             WHERE pl.id = ANY(${pgArray(ids)}::bigint[])
            RETURNING id`,
      )
    ).rows as { id: number }[];
    const u = (salt: string) => sql.raw(uniform('p.id::text || c.id::text', salt, ctx.seed));
    const [pct] = await norms(db, 'training_completion_attendance_pct');
    await db.execute(
      sql`INSERT INTO training_enrolments (course_id, person_id, hours_attended, completed_on, certificate_kind,
                                           certificate_no, certificate_on)
          SELECT x.course_id, x.person_id, x.hours, x.completed_on,
                 CASE WHEN x.completed_on IS NOT NULL THEN (${pgArray(CERTIFICATES)}::text[])[1 + x.person_id % 3] END,
                 CASE WHEN x.completed_on IS NOT NULL THEN 'PX' || x.course_id || '-' || lpad(x.person_id::text, 8, '0') END,
                 x.completed_on + 7
            FROM (SELECT c.id AS course_id, e.person_id, e.hours,
                         CASE WHEN c.end_on < ${on}::date AND e.hours >= c.hours * ${pct} / 100.0 THEN c.end_on END AS completed_on
                    FROM training_courses c
                   CROSS JOIN LATERAL (
                         SELECT p.id AS person_id,
                                round((CASE WHEN c.end_on < ${on}::date
                                            THEN CASE WHEN ${u('pass')} < 0.9 THEN 0.82 + 0.18 * ${u('hours')} ELSE 0.5 END
                                            ELSE 0.9 * greatest(0, ${on}::date - c.start_on) / (c.end_on - c.start_on + 1) END
                                       * c.hours * 2)::numeric) / 2 AS hours
                           FROM persons p LEFT JOIN labour_profiles lp ON lp.person_id = p.id
                          WHERE p.residence_path LIKE c.place_path || '%' AND ${labourForceSql(on)}
                          ORDER BY EXISTS (SELECT 1 FROM unnest(lp.training_wishes) w WHERE position(w IN c.title) > 0) DESC,
                                   ${u('order')}
                          LIMIT (c.capacity * 4 / 5)) e
                   WHERE c.id = ANY(${pgArray(courses.map((c) => Number(c.id)))}::bigint[]) AND c.start_on <= ${on}::date) x`,
    );
    const [counts] = (
      await db.execute(
        sql`WITH s AS (UPDATE training_courses c
                          SET enrolled = (SELECT count(*) FROM training_enrolments e WHERE e.course_id = c.id)
                        WHERE c.id = ANY(${pgArray(courses.map((c) => Number(c.id)))}::bigint[])
                    RETURNING enrolled)
            SELECT coalesce(sum(enrolled), 0)::int AS enrolled FROM s`,
      )
    ).rows as { enrolled: number }[];
    ctx.log(`training: ${courses.length} courses, ${counts.enrolled} enrolments`);
  },
});
