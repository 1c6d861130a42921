import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  date,
  foreignKey,
  index,
  integer,
  numeric,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  varchar,
} from 'drizzle-orm/pg-core';
import { places } from './places.ts';
import { households } from './registry.ts';
import { users } from './users.ts';

/**
 * A public facility (school, kindergarten, clinic, care centre, market, bus stop…) standing on a
 * place (`place_path` copies its path for scope), its kind a code of the `facility_kind` dictionary.
 * `capacity` counts places, beds or doctors by the kind's unit.
 */
export const siteFacilities = pgTable(
  'site_facilities',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    name: varchar('name', { length: 128 }).notNull(),
    kind: varchar('kind', { length: 32 }).notNull(),
    placeId: bigint('place_id', { mode: 'number' })
      .notNull()
      .references(() => places.id),
    placePath: text('place_path').notNull(),
    capacity: integer('capacity').notNull(),
    state: varchar('state', { length: 24 }).notNull(),
    version: integer('version').notNull().default(1),
    createdBy: bigint('created_by', { mode: 'number' }).references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('site_facilities_place_idx').using('btree', sql`${t.placePath} text_pattern_ops`),
    check('site_facilities_capacity', sql`${t.capacity} >= 0`),
  ],
);

/** The sites (communities) a facility serves. */
export const siteFacilitySites = pgTable(
  'site_facility_sites',
  {
    facilityId: bigint('facility_id', { mode: 'number' })
      .notNull()
      .references(() => siteFacilities.id, { onDelete: 'cascade' }),
    siteId: bigint('site_id', { mode: 'number' })
      .notNull()
      .references(() => places.id),
    sitePath: text('site_path').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.facilityId, t.siteId] }),
    index('site_facility_sites_site_idx').using('btree', sql`${t.sitePath} text_pattern_ops`),
  ],
);

/** An industry project supporting a site (配套产业): its investment, fund source and whether it still runs. */
export const industryProjects = pgTable(
  'industry_projects',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    name: varchar('name', { length: 128 }).notNull(),
    kind: varchar('kind', { length: 24 }).notNull(),
    placeId: bigint('place_id', { mode: 'number' })
      .notNull()
      .references(() => places.id),
    placePath: text('place_path').notNull(),
    investment: numeric('investment', { precision: 14, scale: 2, mode: 'number' }).notNull(),
    fundSource: varchar('fund_source', { length: 32 }).notNull(),
    status: varchar('status', { length: 16 }).notNull().default('running'),
    startedOn: date('started_on', { mode: 'string' }).notNull(),
    version: integer('version').notNull().default(1),
    createdBy: bigint('created_by', { mode: 'number' }).references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('industry_projects_place_idx').using('btree', sql`${t.placePath} text_pattern_ops`),
    check('industry_projects_investment', sql`${t.investment} >= 0`),
  ],
);

/** A household linked to a project and how it benefits (a job, dividends from assets invested for it, land rent). */
export const industryBeneficiaries = pgTable(
  'industry_beneficiaries',
  {
    projectId: bigint('project_id', { mode: 'number' })
      .notNull()
      .references(() => industryProjects.id),
    householdId: bigint('household_id', { mode: 'number' })
      .notNull()
      .references(() => households.id),
    benefit: varchar('benefit', { length: 16 }).notNull(),
    assetAmount: numeric('asset_amount', { precision: 12, scale: 2, mode: 'number' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.projectId, t.householdId] }),
    index('industry_beneficiaries_household_idx').on(t.householdId),
  ],
);

/** What a project paid a household and when: only a household linked to the project is paid. */
export const industryPayments = pgTable(
  'industry_payments',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    projectId: bigint('project_id', { mode: 'number' }).notNull(),
    householdId: bigint('household_id', { mode: 'number' }).notNull(),
    kind: varchar('kind', { length: 16 }).notNull(),
    amount: numeric('amount', { precision: 12, scale: 2, mode: 'number' }).notNull(),
    paidOn: date('paid_on', { mode: 'string' }).notNull(),
    note: varchar('note', { length: 200 }).notNull().default(''),
    createdBy: bigint('created_by', { mode: 'number' }).references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    foreignKey({
      columns: [t.projectId, t.householdId],
      foreignColumns: [industryBeneficiaries.projectId, industryBeneficiaries.householdId],
    }),
    index('industry_payments_project_idx').on(t.projectId, t.paidOn),
    index('industry_payments_household_idx').on(t.householdId, t.paidOn),
    check('industry_payments_amount', sql`${t.amount} > 0`),
  ],
);

/**
 * A task of a site's yearly follow-up support plan: its area and goal, the owner answerable for it,
 * deadline, progress (%) and evidence; `done_on` is set when progress reaches 100, `alerted_at` when
 * its lateness was told.
 */
export const supportTasks = pgTable(
  'support_tasks',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    siteId: bigint('site_id', { mode: 'number' })
      .notNull()
      .references(() => places.id),
    sitePath: text('site_path').notNull(),
    year: smallint('year').notNull(),
    area: varchar('area', { length: 24 }).notNull(),
    goal: varchar('goal', { length: 200 }).notNull(),
    title: varchar('title', { length: 200 }).notNull(),
    owner: varchar('owner', { length: 64 }).notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    progress: smallint('progress').notNull().default(0),
    evidence: varchar('evidence', { length: 500 }).notNull().default(''),
    doneOn: date('done_on', { mode: 'string' }),
    alertedAt: timestamp('alerted_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('support_tasks_site_idx').using('btree', sql`${t.sitePath} text_pattern_ops`, t.year),
    check('support_tasks_progress', sql`${t.progress} BETWEEN 0 AND 100`),
    check('support_tasks_owner', sql`length(${t.owner}) > 0`),
  ],
);
