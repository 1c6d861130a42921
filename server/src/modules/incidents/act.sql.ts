import { sql, type SQL } from 'drizzle-orm';

/** The values a workflow action sets on an incident, computed by the database when it writes them. */
export const NOW = sql`now()`;

/**
 * A limit of the category row `c` (its acceptance or its handling one) counted from `start` at the
 * place path `path`: so many hours, or to the end of so many working days by the holiday calendar.
 */
export const limitEnd = (start: SQL, limit: 'accept' | 'deadline', path: SQL) =>
  sql`CASE WHEN c.limit_unit = 'working_days'
        THEN working_day_end(${start}, ${sql.raw(`c.${limit}_days`)}, ${path})
        ELSE ${start} + make_interval(hours => ${sql.raw(`c.${limit}_hours`)}) END`;

/** The deadline pushed back by `hours`. */
export const dueAtPlus = (hours: number) => sql`due_at + make_interval(hours => ${hours})`;

/** The deadline pushed back to the end of the `days`-th working day after the day it fell on. */
export const dueAtPlusDays = (days: number) =>
  sql`working_day_end(due_at - interval '1 microsecond', ${days}, place_path)`;

/** The incident's acceptance limit from now, by its category. */
export const acceptDueFromNow = sql`(SELECT ${limitEnd(NOW, 'accept', sql`incidents.place_path`)}
    FROM incident_categories c WHERE c.code = incidents.category_code)`;

/**
 * A deadline column (`accept_due_at` or `due_at`) once the incident falls under category `code`: when
 * it has not passed and the new category's limit differs from the old one's, counted again from the
 * report time by the new limit; otherwise as it was.
 */
export const dueUnderCategory = (code: string, column: 'accept_due_at' | 'due_at') => {
  const limit = column === 'accept_due_at' ? 'accept' : 'deadline';
  const limits = (alias: string) =>
    sql.raw(`(${alias}.limit_unit, ${alias}.${limit}_hours, ${alias}.${limit}_days)`);
  const due = sql.raw(`incidents.${column}`);
  return sql`CASE WHEN ${due} > now() THEN COALESCE(
      (SELECT ${limitEnd(sql`incidents.reported_at`, limit, sql`incidents.place_path`)}
         FROM incident_categories c JOIN incident_categories o ON o.code = incidents.category_code
        WHERE c.code = ${code} AND ${limits('c')} IS DISTINCT FROM ${limits('o')}),
      ${due}) ELSE ${due} END`;
};
