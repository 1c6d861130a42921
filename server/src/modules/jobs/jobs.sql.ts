import { sql } from 'drizzle-orm';

export interface JobRow {
  id: number;
  enterprise_id: number;
  enterprise_name: string;
  enterprise_path: string;
  title: string;
  wage_min: string | number;
  wage_max: string | number;
  place_id: number;
  place_name: string;
  place_path: string;
  headcount: number;
  skills: string[];
  housing: boolean;
  commute_note: string;
  status: 'open' | 'closed';
  applicants: number;
  hired: number;
  version: number;
  updated_at: string | Date;
}

/** A job (`j`) with its enterprise (`e`), the place of the work (`pl`) and its applicants the employer sees. */
export const JOB_SELECT = sql`SELECT j.id, j.enterprise_id, e.name AS enterprise_name, e.place_path AS enterprise_path,
       j.title, j.wage_min, j.wage_max, j.place_id, pl.name AS place_name, j.place_path, j.headcount, j.skills,
       j.housing, j.commute_note, j.status,
       (SELECT count(*)::int FROM job_applications a WHERE a.job_id = j.id AND a.consented_at IS NOT NULL) AS applicants,
       (SELECT count(*)::int FROM job_applications a WHERE a.job_id = j.id AND a.status = 'hired') AS hired,
       j.version, j.updated_at
  FROM jobs j JOIN enterprises e ON e.id = j.enterprise_id JOIN places pl ON pl.id = j.place_id`;

export interface ApplicationRow {
  id: number;
  job_id: number;
  job_title: string;
  enterprise_id: number;
  enterprise_name: string;
  job_path: string;
  person_id: number;
  name: string;
  age: number;
  phone_masked: string | null;
  phone_cipher: string | null;
  residence_path: string;
  hukou_path: string;
  household_id: number;
  skills: string[] | null;
  origin: 'applied' | 'recommended';
  status: string;
  consented: boolean;
  show_phone: boolean;
  interview_on: string | null;
  hired_on: string | null;
  record_id: number | null;
  month3: boolean | null;
  month6: boolean | null;
  note: string;
  version: number;
  created_at: string | Date;
}

/**
 * Whether the person (`a.person_id`) holds a current record `months` after the hire day, as of `on`;
 * null until that day comes (稳岗).
 */
const retainedSql = (months: number, on: string) =>
  sql`CASE WHEN a.hired_on IS NULL OR a.hired_on + make_interval(months => ${months}) > ${on}::date THEN NULL
           ELSE EXISTS (SELECT 1 FROM employment_records r WHERE r.person_id = a.person_id
                           AND r.start_on <= a.hired_on + make_interval(months => ${months})
                           AND (r.end_on IS NULL OR r.end_on >= a.hired_on + make_interval(months => ${months}))) END`;

/** An application (`a`) with its job (`j`), enterprise (`e`), person (`p`) and the person's skills, as of `on`. */
export const APPLICATION_SELECT = (on: string) =>
  sql`SELECT a.id, a.job_id, j.title AS job_title, j.enterprise_id, e.name AS enterprise_name, j.place_path AS job_path,
             a.person_id, p.name, extract(year FROM age(${on}::date, p.birth_date))::int AS age,
             p.phone_masked, p.phone_cipher, p.residence_path, p.hukou_path, p.household_id, lp.skills,
             a.origin, a.status, a.consented_at IS NOT NULL AS consented, a.show_phone,
             to_char(a.interview_on, 'YYYY-MM-DD') AS interview_on, to_char(a.hired_on, 'YYYY-MM-DD') AS hired_on,
             a.record_id, ${retainedSql(3, on)} AS month3, ${retainedSql(6, on)} AS month6,
             a.note, a.version, a.created_at
        FROM job_applications a
        JOIN jobs j ON j.id = a.job_id
        JOIN enterprises e ON e.id = j.enterprise_id
        JOIN persons p ON p.id = a.person_id
        LEFT JOIN labour_profiles lp ON lp.person_id = a.person_id`;
