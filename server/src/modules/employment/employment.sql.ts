import { sql, type SQL } from 'drizzle-orm';

/**
 * The labour force (劳动力): living people of working age — 16 to 59 for men, 16 to 54 for women, the
 * statistical working age — with full or partial labour capacity. `p` is a person, `on` the day,
 * `capacity` their labour capacity on it (today's by default).
 */
export const labourForceSql = (on: string | SQL, capacity: SQL = sql`p.labour_capacity`): SQL =>
  sql`(p.status = 'living' AND ${capacity} IN ('full', 'partial')
       AND p.birth_date <= (${on}::date - interval '16 years')
       AND p.birth_date > (${on}::date - make_interval(years => CASE WHEN p.sex = 'female' THEN 55 ELSE 60 END)))`;

/** A record (`r`) that is current on the day: no end, or an end on the day or later. */
export const currentSql = (on: string | SQL): SQL => sql`(r.end_on IS NULL OR r.end_on >= ${on}::date)`;

/**
 * A person (`p`) holding a current record on the day, read from the last day of their records that the
 * database keeps on the person (`persons.employed_through`, see migration 0050): the same as a record
 * of theirs with no end or ending on the day or later, without reading the records.
 */
export const employedSql = (on: string): SQL =>
  sql`(p.employed_through IS NOT NULL AND p.employed_through >= ${on}::date)`;

/** A person (`p`) holding no current record on the day: the negation of `employedSql`, as the planner estimates it. */
export const unemployedSql = (on: string): SQL =>
  sql`(p.employed_through IS NULL OR p.employed_through < ${on}::date)`;

/** The households of `households` (a condition on `h`) where no living member holds a current record on the day. */
export const joblessSql = (households: SQL, on: string): SQL =>
  sql`${households} AND NOT EXISTS (SELECT 1 FROM persons p WHERE p.household_id = h.id AND p.status = 'living'
                                      AND ${employedSql(on)})`;

export interface RecordRow {
  id: number;
  person_id: number;
  kind: string;
  employer_name: string;
  enterprise_id: number | null;
  place: string;
  monthly_wage: string | number;
  start_on: string;
  end_on: string | null;
  source: string;
  verified: boolean;
  current: boolean;
  version: number;
}

export const RECORD_COLUMNS = (on: string) =>
  sql`r.id, r.person_id, r.kind, r.employer_name, r.enterprise_id, r.place, r.monthly_wage,
      to_char(r.start_on, 'YYYY-MM-DD') AS start_on, to_char(r.end_on, 'YYYY-MM-DD') AS end_on,
      r.source, r.verified, ${currentSql(on)} AS current, r.version`;

export interface ZeroRow {
  id: number;
  household_id: number;
  household_no: string;
  head_name: string;
  residence_path: string;
  origin_path: string | null;
  flagged_on: string;
  due_on: string;
  cleared_on: string | null;
  cleared_by: 'employed' | 'no_labour' | null;
  days_open: number;
  overdue: boolean;
  help_count: number;
}

/** Zero-employment households (`z`) with their household (`h`), days open and overdue as of `on`. */
export const ZERO_SELECT = (on: string) =>
  sql`SELECT z.id, z.household_id, h.household_no, h.head_name, h.residence_path, h.origin_path,
             to_char(z.flagged_on, 'YYYY-MM-DD') AS flagged_on, to_char(z.due_on, 'YYYY-MM-DD') AS due_on,
             to_char(z.cleared_on, 'YYYY-MM-DD') AS cleared_on, z.cleared_by,
             (coalesce(z.cleared_on, ${on}::date) - z.flagged_on)::int AS days_open,
             (z.cleared_on IS NULL AND z.due_on < ${on}::date) AS overdue,
             (SELECT count(*)::int FROM zero_employment_help x WHERE x.zero_id = z.id) AS help_count
        FROM zero_employment_households z
        JOIN households h ON h.id = z.household_id`;
