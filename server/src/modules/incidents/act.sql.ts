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
