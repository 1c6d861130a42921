import { sql } from 'drizzle-orm';

/** The values a workflow action sets on an incident, computed by the database when it writes them. */
export const NOW = sql`now()`;

/** The deadline pushed back by `hours`. */
export const dueAtPlus = (hours: number) => sql`due_at + make_interval(hours => ${hours})`;

/** `hours` from now. */
export const hoursFromNow = (hours: number) => sql`now() + make_interval(hours => ${hours})`;
