import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  varchar,
} from 'drizzle-orm/pg-core';
import { enterprises } from './enterprises.ts';
import { households, persons } from './registry.ts';
import { users } from './users.ts';

/**
 * A person's entry in the labour register (劳动力台账): what they can do and where they would work.
 * Labour capacity and education stay on the person in the registry.
 */
export const labourProfiles = pgTable('labour_profiles', {
  personId: bigint('person_id', { mode: 'number' })
    .primaryKey()
    .references(() => persons.id),
  skills: text('skills')
    .array()
    .notNull()
    .default(sql`'{}'::text[]`),
  trainingWishes: text('training_wishes')
    .array()
    .notNull()
    .default(sql`'{}'::text[]`),
  workPreference: varchar('work_preference', { length: 16 }),
  notWorkingReason: varchar('not_working_reason', { length: 24 }),
  note: text('note').notNull().default(''),
  version: integer('version').notNull().default(1),
  updatedBy: bigint('updated_by', { mode: 'number' }).references(() => users.id),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * One job a person holds or held. The employer is named in `employer_name`; `enterprise_id` links
 * the enterprise of the register when the employer is in it. A person is employed while one of
 * their records has no end or ends today or later.
 */
export const employmentRecords = pgTable(
  'employment_records',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    personId: bigint('person_id', { mode: 'number' })
      .notNull()
      .references(() => persons.id),
    kind: varchar('kind', { length: 32 }).notNull(),
    employerName: varchar('employer_name', { length: 128 }).notNull(),
    enterpriseId: bigint('enterprise_id', { mode: 'number' }).references(() => enterprises.id),
    place: varchar('place', { length: 128 }).notNull().default(''),
    monthlyWage: numeric('monthly_wage', { precision: 10, scale: 2, mode: 'number' }).notNull(),
    startOn: date('start_on', { mode: 'string' }).notNull(),
    endOn: date('end_on', { mode: 'string' }),
    source: varchar('source', { length: 24 }).notNull(),
    verified: boolean('verified').notNull().default(false),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('employment_records_person_idx').on(t.personId, t.endOn),
    index('employment_records_enterprise_idx')
      .on(t.enterpriseId, t.endOn)
      .where(sql`${t.enterpriseId} IS NOT NULL`),
    check('employment_records_wage', sql`${t.monthlyWage} >= 0`),
    check('employment_records_dates', sql`${t.endOn} IS NULL OR ${t.endOn} >= ${t.startOn}`),
  ],
);

/** Every change to an employment record: who, when, field by field before → after. */
export const employmentHistory = pgTable(
  'employment_history',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    recordId: bigint('record_id', { mode: 'number' })
      .notNull()
      .references(() => employmentRecords.id),
    event: varchar('event', { length: 16 }).notNull(),
    version: integer('version').notNull(),
    changes: jsonb('changes').notNull().default({}),
    actorId: bigint('actor_id', { mode: 'number' }),
    actorName: varchar('actor_name', { length: 64 }),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('employment_history_record_idx').on(t.recordId, t.id)],
);

/**
 * A zero-employment household (零就业家庭): flagged when it has labour and nobody employed, to be
 * cleared by `due_on`; `cleared_on` is the day a member was employed again (or no labour was left).
 */
export const zeroEmploymentHouseholds = pgTable(
  'zero_employment_households',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    householdId: bigint('household_id', { mode: 'number' })
      .notNull()
      .references(() => households.id),
    flaggedOn: date('flagged_on', { mode: 'string' }).notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    clearedOn: date('cleared_on', { mode: 'string' }),
    clearedBy: varchar('cleared_by', { length: 16 }),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('zero_employment_open_unique')
      .on(t.householdId)
      .where(sql`${t.clearedOn} IS NULL`),
    index('zero_employment_household_idx').on(t.householdId, t.flaggedOn),
  ],
);

/** Help given to a zero-employment household: a referral, a public-welfare post, training, other. */
export const zeroEmploymentHelp = pgTable(
  'zero_employment_help',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    zeroId: bigint('zero_id', { mode: 'number' })
      .notNull()
      .references(() => zeroEmploymentHouseholds.id),
    kind: varchar('kind', { length: 24 }).notNull(),
    note: text('note').notNull().default(''),
    givenOn: date('given_on', { mode: 'string' }).notNull(),
    actorId: bigint('actor_id', { mode: 'number' }).references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('zero_employment_help_zero_idx').on(t.zeroId, t.id)],
);
