import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  date,
  index,
  integer,
  numeric,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  varchar,
} from 'drizzle-orm/pg-core';
import { places } from './places.ts';
import { persons } from './registry.ts';
import { users } from './users.ts';

/**
 * A training course (技能培训) offered in a place (`place_path` copies that place's path for scope):
 * its kind from the `training_kind` dictionary, dates, hours and seats. `enrolled` counts the
 * enrolments, so a seat is taken by one conditional update that never passes `capacity`.
 */
export const trainingCourses = pgTable(
  'training_courses',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    title: varchar('title', { length: 128 }).notNull(),
    provider: varchar('provider', { length: 128 }).notNull(),
    kind: varchar('kind', { length: 32 }).notNull(),
    placeId: bigint('place_id', { mode: 'number' })
      .notNull()
      .references(() => places.id),
    placePath: text('place_path').notNull(),
    startOn: date('start_on', { mode: 'string' }).notNull(),
    endOn: date('end_on', { mode: 'string' }).notNull(),
    hours: integer('hours').notNull(),
    capacity: integer('capacity').notNull(),
    enrolled: integer('enrolled').notNull().default(0),
    version: integer('version').notNull().default(1),
    createdBy: bigint('created_by', { mode: 'number' }).references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('training_courses_place_idx').using('btree', sql`${t.placePath} text_pattern_ops`, t.startOn),
    check('training_courses_dates', sql`${t.endOn} >= ${t.startOn}`),
    check('training_courses_hours', sql`${t.hours} > 0`),
    check('training_courses_seats', sql`${t.enrolled} >= 0 AND ${t.enrolled} <= ${t.capacity}`),
  ],
);

/**
 * A person enrolled in a course: hours attended (never above the course's), the day they completed
 * it and the certificate they got then.
 */
export const trainingEnrolments = pgTable(
  'training_enrolments',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    courseId: bigint('course_id', { mode: 'number' })
      .notNull()
      .references(() => trainingCourses.id),
    personId: bigint('person_id', { mode: 'number' })
      .notNull()
      .references(() => persons.id),
    hoursAttended: numeric('hours_attended', { precision: 6, scale: 1, mode: 'number' }).notNull().default(0),
    completedOn: date('completed_on', { mode: 'string' }),
    certificateKind: varchar('certificate_kind', { length: 32 }),
    certificateNo: varchar('certificate_no', { length: 64 }),
    certificateOn: date('certificate_on', { mode: 'string' }),
    version: integer('version').notNull().default(1),
    enrolledAt: timestamp('enrolled_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('training_enrolments_unique').on(t.courseId, t.personId),
    index('training_enrolments_person_idx').on(t.personId, t.completedOn),
    check('training_enrolments_hours', sql`${t.hoursAttended} >= 0`),
  ],
);
