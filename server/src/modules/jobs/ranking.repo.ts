import { sql, type SQL } from 'drizzle-orm';
import type { Conn } from '../../db/client.ts';
import { pgArray } from '../../db/array.ts';
import { rows } from '../../db/rows.ts';
import { underSql } from '../../platform/access/scope.ts';
import { labourForceSql, unemployedSql } from '../employment/placement.service.ts';
import { JOB_SELECT, type JobRow } from './jobs.sql.ts';
import { prefixOf } from './jobs.policy.ts';

/**
 * A score's parts: skills in common weigh 3 each, distance (3 same community, 2 same township,
 * 1 same county, 0 elsewhere) 2 a step, a work preference that fits where the job is 1.
 */
const SCORE = sql`cardinality(m.matched) * 3 + m.distance * 2 + m.preference`;

/** How near `column` lies to the place of `path`, by the community, township and county they share. */
function distanceSql(column: SQL, path: string): SQL {
  const under = (n: number) => {
    const prefix = prefixOf(path, n);
    return underSql(column, prefix === null ? [] : [prefix]);
  };
  return sql`CASE WHEN ${under(5)} THEN 3 WHEN ${under(4)} THEN 2 WHEN ${under(3)} THEN 1 ELSE 0 END`;
}

/** A preference fits: nearby work within the county, work in the province within it; work outside never here. */
const preferenceSql = (preference: SQL, distance: SQL, inProvince: SQL) =>
  sql`(CASE ${preference} WHEN 'nearby' THEN ${distance} >= 1 WHEN 'in_province' THEN ${inProvince} ELSE false END)::int`;

export interface CandidateRow {
  id: number;
  name: string;
  age: number;
  household_no: string;
  work_preference: string | null;
  matched: string[];
  distance: number;
  preference: number;
  score: number;
  application_status: string | null;
}

/**
 * The unemployed labour force living in `scope` ranked for a job, best first, in one statement. The
 * scope is a prefix of `persons.residence_path`, answered by `persons_residence_idx` (text_pattern_ops);
 * whether a person is in work is read from the person (`persons.employed_through`), each person's
 * labour entry comes by the `labour_profiles` primary key; the household number and an application
 * already made (`job_applications_job_person_unique`) are read for the ranked page only.
 */
export function candidates(
  conn: Conn,
  job: { id: number; skills: string[]; place_path: string },
  scope: SQL,
  on: string,
  limit: number,
) {
  const distance = distanceSql(sql.raw('p.residence_path'), job.place_path);
  const province = prefixOf(job.place_path, 1);
  return rows<CandidateRow>(
    conn,
    sql`SELECT t.*, (SELECT h.household_no FROM households h WHERE h.id = t.household_id) AS household_no,
               (SELECT a.status FROM job_applications a WHERE a.job_id = ${job.id} AND a.person_id = t.id) AS application_status
          FROM (SELECT m.*, ${SCORE} AS score FROM (
                  SELECT p.id, p.name, extract(year FROM age(${on}::date, p.birth_date))::int AS age, p.household_id,
                         lp.work_preference,
                         ARRAY(SELECT s FROM unnest(coalesce(lp.skills, '{}'::text[])) s
                                WHERE s = ANY(${pgArray(job.skills)}::text[])) AS matched,
                         ${distance} AS distance,
                         ${preferenceSql(sql.raw('lp.work_preference'), distance, underSql(sql.raw('p.residence_path'), province ? [province] : []))} AS preference
                    FROM persons p
                    LEFT JOIN labour_profiles lp ON lp.person_id = p.id
                   WHERE ${scope} AND ${labourForceSql(on)} AND ${unemployedSql(on)}
                ) m
                ORDER BY score DESC, m.distance DESC, m.id
                LIMIT ${limit}) t
         ORDER BY t.score DESC, t.distance DESC, t.id`,
  );
}

export type JobMatchRow = JobRow & { matched: string[]; distance: number; preference: number; score: number };

/**
 * The open jobs of a person's province ranked for them (skills, where they live, their preference),
 * best first, in one statement: the province is a prefix of `jobs.place_path`, answered by the partial
 * `jobs_open_place_idx` (text_pattern_ops, open jobs only).
 */
export function bestJobs(
  conn: Conn,
  person: { residencePath: string; skills: string[]; workPreference: string | null },
  limit: number,
) {
  const province = prefixOf(person.residencePath, 1);
  const distance = distanceSql(sql.raw('jr.place_path'), person.residencePath);
  return rows<JobMatchRow>(
    conn,
    sql`SELECT jr.*, m.matched, m.distance, m.preference, ${SCORE} AS score
          FROM (${JOB_SELECT} WHERE j.status = 'open' AND ${underSql(sql.raw('j.place_path'), province ? [province] : [])}) jr
          CROSS JOIN LATERAL (
            SELECT ARRAY(SELECT s FROM unnest(jr.skills) s WHERE s = ANY(${pgArray(person.skills)}::text[])) AS matched,
                   ${distance} AS distance,
                   ${preferenceSql(sql`${person.workPreference}::text`, distance, sql`true`)} AS preference
          ) m
         ORDER BY score DESC, m.distance DESC, jr.id DESC
         LIMIT ${limit}`,
  );
}
