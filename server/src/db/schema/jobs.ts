import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
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
import { employmentRecords } from './employment.ts';
import { enterprises } from './enterprises.ts';
import { places } from './places.ts';
import { persons } from './registry.ts';
import { users } from './users.ts';

/** An `enterprise_hr` account works for one enterprise of the register; officials who keep the register link it. */
export const enterpriseStaff = pgTable('enterprise_staff', {
  userId: bigint('user_id', { mode: 'number' })
    .primaryKey()
    .references(() => users.id),
  enterpriseId: bigint('enterprise_id', { mode: 'number' })
    .notNull()
    .references(() => enterprises.id),
  linkedBy: bigint('linked_by', { mode: 'number' }).references(() => users.id),
  linkedAt: timestamp('linked_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * A job an enterprise offers (岗位): wage range, the place where the work is (`place_path` copies
 * that place's path for scope and distance), how many are wanted and the skills asked.
 */
export const jobs = pgTable(
  'jobs',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    enterpriseId: bigint('enterprise_id', { mode: 'number' })
      .notNull()
      .references(() => enterprises.id),
    title: varchar('title', { length: 64 }).notNull(),
    wageMin: numeric('wage_min', { precision: 10, scale: 2, mode: 'number' }).notNull(),
    wageMax: numeric('wage_max', { precision: 10, scale: 2, mode: 'number' }).notNull(),
    placeId: bigint('place_id', { mode: 'number' })
      .notNull()
      .references(() => places.id),
    placePath: text('place_path').notNull(),
    headcount: integer('headcount').notNull(),
    skills: text('skills')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    housing: boolean('housing').notNull().default(false),
    commuteNote: varchar('commute_note', { length: 200 }).notNull().default(''),
    status: varchar('status', { length: 8 }).notNull().default('open'),
    version: integer('version').notNull().default(1),
    createdBy: bigint('created_by', { mode: 'number' }).references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('jobs_place_idx').using('btree', sql`${t.placePath} text_pattern_ops`),
    index('jobs_open_place_idx')
      .using('btree', sql`${t.placePath} text_pattern_ops`)
      .where(sql`${t.status} = 'open'`),
    index('jobs_enterprise_idx').on(t.enterpriseId),
    check('jobs_wage', sql`${t.wageMin} >= 0 AND ${t.wageMax} >= ${t.wageMin}`),
    check('jobs_headcount', sql`${t.headcount} > 0`),
  ],
);

/**
 * A person put forward for a job: applied by the resident, or recommended by an official and waiting
 * for the person's consent (`consented_at`) before the employer sees it. The employer sees the phone
 * only when `show_phone`. A hire links the employment record it made.
 */
export const jobApplications = pgTable(
  'job_applications',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    jobId: bigint('job_id', { mode: 'number' })
      .notNull()
      .references(() => jobs.id),
    personId: bigint('person_id', { mode: 'number' })
      .notNull()
      .references(() => persons.id),
    origin: varchar('origin', { length: 12 }).notNull(),
    status: varchar('status', { length: 12 }).notNull(),
    consentedAt: timestamp('consented_at', { withTimezone: true }),
    consentBy: varchar('consent_by', { length: 12 }),
    consentRecordedBy: bigint('consent_recorded_by', { mode: 'number' }).references(() => users.id),
    showPhone: boolean('show_phone').notNull().default(false),
    interviewOn: date('interview_on', { mode: 'string' }),
    hiredOn: date('hired_on', { mode: 'string' }),
    recordId: bigint('record_id', { mode: 'number' }).references(() => employmentRecords.id),
    note: varchar('note', { length: 200 }).notNull().default(''),
    createdBy: bigint('created_by', { mode: 'number' }).references(() => users.id),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('job_applications_job_person_unique').on(t.jobId, t.personId),
    index('job_applications_person_idx').on(t.personId),
  ],
);
