import { sql, type SQL } from 'drizzle-orm';
import { currentSql, labourForceSql } from './employment.sql.ts';

export interface PostRow {
  id: number;
  place_id: number;
  place_path: string;
  place_name: string;
  post_type: string;
  title: string;
  term_start: string;
  term_end: string;
  monthly_subsidy: string | number;
  version: number;
}

/** A post (`pp`) with the name of its community. */
export const POST_SELECT = sql`SELECT pp.id, pp.place_id, pp.place_path, pl.name AS place_name, pp.post_type, pp.title,
       to_char(pp.term_start, 'YYYY-MM-DD') AS term_start, to_char(pp.term_end, 'YYYY-MM-DD') AS term_end,
       pp.monthly_subsidy, pp.version
  FROM public_welfare_posts pp JOIN places pl ON pl.id = pp.place_id`;

export interface HoldingRow {
  id: number;
  post_id: number;
  person_id: number;
  record_id: number;
  name: string;
  household_id: number;
  start_on: string;
  end_on: string | null;
  end_reason: string | null;
  should_exit: string[];
  version: number;
}

/**
 * Why the holder of an open holding (`ph`, person `p`, post `pp`) should exit on day `on`: died or
 * moved out per the registry, holds another current job, left the labour force, the term is over,
 * or the holding's employment record was ended from the record form.
 */
const shouldExitSql = (on: string): SQL =>
  sql`CASE WHEN ph.end_on IS NOT NULL THEN '{}'::text[] ELSE array_remove(ARRAY[
        CASE WHEN p.status = 'deceased' THEN 'deceased' END,
        CASE WHEN p.status = 'moved_out' OR (p.status = 'living' AND p.residence_path NOT LIKE pp.place_path || '%')
             THEN 'moved_out' END,
        CASE WHEN EXISTS (SELECT 1 FROM employment_records r WHERE r.person_id = p.id AND r.id <> ph.record_id
                            AND ${currentSql(on)}) THEN 'other_job' END,
        CASE WHEN p.status = 'living' AND NOT ${labourForceSql(on)} THEN 'not_labour' END,
        CASE WHEN pp.term_end < ${on}::date THEN 'term_ended' END,
        CASE WHEN EXISTS (SELECT 1 FROM employment_records r WHERE r.id = ph.record_id AND NOT ${currentSql(on)})
             THEN 'record_ended' END], NULL) END`;

/** Holdings (`ph`) with their holder (`p`) and post (`pp`), as of day `on`. */
export const HOLDING_SELECT = (on: string) =>
  sql`SELECT ph.id, ph.post_id, ph.person_id, ph.record_id, p.name, p.household_id,
             to_char(ph.start_on, 'YYYY-MM-DD') AS start_on, to_char(ph.end_on, 'YYYY-MM-DD') AS end_on,
             ph.end_reason, ${shouldExitSql(on)} AS should_exit, ph.version
        FROM post_holdings ph
        JOIN persons p ON p.id = ph.person_id
        JOIN public_welfare_posts pp ON pp.id = ph.post_id`;
