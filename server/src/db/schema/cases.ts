import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  varchar,
} from 'drizzle-orm/pg-core';
import { employmentRecords } from './employment.ts';
import { monitoringLeads } from './monitoring.ts';
import { places } from './places.ts';
import { households } from './registry.ts';
import { users } from './users.ts';

/**
 * Every version of a region's procedure policy (notice length, step deadlines and order, elimination
 * rules, what the notice shows); a place without its own follows the nearest region above it, and the
 * rows without a place are the national default. The highest version of a place is in force.
 */
export const procedurePolicies = pgTable(
  'procedure_policies',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    placeId: bigint('place_id', { mode: 'number' }).references(() => places.id),
    version: integer('version').notNull(),
    policy: jsonb('policy').notNull(),
    note: text('note').notNull().default(''),
    createdBy: bigint('created_by', { mode: 'number' }).references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('procedure_policies_version').on(sql`coalesce(${t.placeId}, 0)`, t.version)],
);

/**
 * A monitoring case: a lead taken through the identification procedure, assistance and risk
 * elimination. A household has at most one case that has not ended. `residence_path` and
 * `origin_path` are copied from the household so both sides' lists read one index.
 */
export const monitoringCases = pgTable(
  'monitoring_cases',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    householdId: bigint('household_id', { mode: 'number' })
      .notNull()
      .references(() => households.id),
    leadId: bigint('lead_id', { mode: 'number' })
      .notNull()
      .references(() => monitoringLeads.id),
    residencePath: text('residence_path').notNull(),
    originPath: text('origin_path'),
    step: varchar('step', { length: 24 }).notNull(),
    category: varchar('category', { length: 32 }),
    riskTypes: text('risk_types')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** The screening rule version that raised the lead, if screening did. */
    ruleVersion: integer('rule_version'),
    /** The procedure policy version the case runs under, from when it was opened. */
    procedurePolicyId: bigint('procedure_policy_id', { mode: 'number' }).references(
      () => procedurePolicies.id,
    ),
    verification: jsonb('verification'),
    comparison: jsonb('comparison'),
    /** The community review (民主评议) of the last notice: date, attendees, result. */
    review: jsonb('review'),
    /** When the identified household was entered into the national monitoring system. */
    nationalEntryOn: date('national_entry_on'),
    basicNeeds: jsonb('basic_needs'),
    /** The household's poverty status before identification, restored when the risk is eliminated. */
    priorStatus: varchar('prior_status', { length: 16 }),
    stepDueAt: timestamp('step_due_at', { withTimezone: true }),
    decisionDueAt: timestamp('decision_due_at', { withTimezone: true }).notNull(),
    noticeFrom: date('notice_from'),
    noticeUntil: date('notice_until'),
    /** When the 15-day alert went out, so it goes out once. */
    alertedAt: timestamp('alerted_at', { withTimezone: true }),
    openedAt: timestamp('opened_at', { withTimezone: true }).notNull().defaultNow(),
    identifiedAt: timestamp('identified_at', { withTimezone: true }),
    assistedSince: timestamp('assisted_since', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('monitoring_cases_one_live')
      .on(t.householdId)
      .where(sql`step NOT IN ('eliminated', 'not_identified')`),
    index('monitoring_cases_residence_idx').using('btree', sql`${t.residencePath} text_pattern_ops`, t.step),
    index('monitoring_cases_origin_idx').using('btree', sql`${t.originPath} text_pattern_ops`, t.step),
  ],
);

/** Every move of a case: who, when, from which step to which, why, with what record. */
export const monitoringCaseEvents = pgTable(
  'monitoring_case_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    caseId: bigint('case_id', { mode: 'number' })
      .notNull()
      .references(() => monitoringCases.id),
    action: varchar('action', { length: 32 }).notNull(),
    fromStep: varchar('from_step', { length: 24 }),
    toStep: varchar('to_step', { length: 24 }).notNull(),
    actorId: bigint('actor_id', { mode: 'number' }).references(() => users.id),
    reason: text('reason'),
    data: jsonb('data').notNull().default({}),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('monitoring_case_events_case_idx').on(t.caseId, t.id)],
);

/** An assistance measure of a case (帮扶措施). */
export const assistanceMeasures = pgTable(
  'assistance_measures',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    caseId: bigint('case_id', { mode: 'number' })
      .notNull()
      .references(() => monitoringCases.id),
    type: varchar('type', { length: 24 }).notNull(),
    providerKind: varchar('provider_kind', { length: 16 }).notNull(),
    providerName: varchar('provider_name', { length: 100 }).notNull(),
    description: text('description').notNull().default(''),
    startOn: date('start_on').notNull(),
    endOn: date('end_on'),
    amount: integer('amount'),
    outcome: text('outcome').notNull().default(''),
    outlivesElimination: boolean('outlives_elimination').notNull().default(false),
    /** The job a member was placed in through an employment measure (set by the hire). */
    employmentRecordId: bigint('employment_record_id', { mode: 'number' }).references(
      () => employmentRecords.id,
    ),
    createdBy: bigint('created_by', { mode: 'number' }).references(() => users.id),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('assistance_measures_case_idx').on(t.caseId)],
);
