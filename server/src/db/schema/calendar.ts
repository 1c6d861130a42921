import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  date,
  integer,
  pgTable,
  primaryKey,
  smallint,
  timestamp,
  uniqueIndex,
  varchar,
} from 'drizzle-orm/pg-core';
import { places } from './places.ts';

/**
 * A year's holiday calendar: the national one (no place) as the State Council publishes it, or a
 * county's own, which applies to the places under it instead of the national one for that year.
 */
export const holidayCalendars = pgTable(
  'holiday_calendars',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    placeId: bigint('place_id', { mode: 'number' }).references(() => places.id),
    year: smallint('year').notNull(),
    /** Where the dates come from, in words an official can look up. */
    source: varchar('source', { length: 200 }).notNull().default(''),
    version: integer('version').notNull().default(0),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('holiday_calendars_place_year').on(sql`coalesce(${t.placeId}, 0)`, t.year),
    check('holiday_calendars_year', sql`${t.year} BETWEEN 2000 AND 2100`),
  ],
);

/** The days that differ from the week's rhythm: a holiday on a weekday, or a weekend day worked (调休). */
export const holidayCalendarDays = pgTable(
  'holiday_calendar_days',
  {
    calendarId: bigint('calendar_id', { mode: 'number' })
      .notNull()
      .references(() => holidayCalendars.id, { onDelete: 'cascade' }),
    day: date('day').notNull(),
    /** `holiday` or `workday`. */
    kind: varchar('kind', { length: 16 }).notNull(),
    name: varchar('name', { length: 32 }).notNull().default(''),
  },
  (t) => [
    primaryKey({ columns: [t.calendarId, t.day] }),
    check('holiday_calendar_days_kind', sql`${t.kind} IN ('holiday', 'workday')`),
  ],
);
