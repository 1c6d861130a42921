import { sql } from 'drizzle-orm';
import {
  bigint,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  index,
  varchar,
} from 'drizzle-orm/pg-core';
import { places } from './places.ts';
import { households } from './registry.ts';
import { users } from './users.ts';

/**
 * A household's income and rigid expenditure for a year ('year') or its mid-year update, in whole
 * yuan. `member_count` is the household's size when the record was entered; the per-capita net
 * income is computed by the database so every reader gets the same figure.
 */
export const householdIncomes = pgTable(
  'household_incomes',
  {
    householdId: bigint('household_id', { mode: 'number' })
      .notNull()
      .references(() => households.id),
    year: smallint('year').notNull(),
    period: varchar('period', { length: 8 }).notNull(),
    wage: integer('wage').notNull(),
    operating: integer('operating').notNull(),
    property: integer('property').notNull(),
    transfer: integer('transfer').notNull(),
    productionCosts: integer('production_costs').notNull(),
    medicalExpense: integer('medical_expense').notNull(),
    schoolingExpense: integer('schooling_expense').notNull(),
    /** Where the wage came from: declared by the household, or accepted from its employment records. */
    wageSource: varchar('wage_source', { length: 24 }).notNull().default('declared'),
    memberCount: smallint('member_count').notNull(),
    netIncome: integer('net_income')
      .notNull()
      .generatedAlwaysAs(sql`wage + operating + property + transfer - production_costs`),
    perCapitaNet: numeric('per_capita_net', { precision: 12, scale: 2, mode: 'number' })
      .notNull()
      .generatedAlwaysAs(
        sql`round((wage + operating + property + transfer - production_costs)::numeric / greatest(member_count, 1), 2)`,
      ),
    version: integer('version').notNull().default(1),
    enteredBy: bigint('entered_by', { mode: 'number' }).references(() => users.id),
    enteredAt: timestamp('entered_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.householdId, t.year, t.period] })],
);

/** The monitoring line (yuan per person a year) of a year for a province, city or county. */
export const monitoringLines = pgTable(
  'monitoring_lines',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    year: smallint('year').notNull(),
    placeId: bigint('place_id', { mode: 'number' })
      .notNull()
      .references(() => places.id),
    amount: integer('amount').notNull(),
    /** Where the figure was published (document, issuer, date), shown beside it. */
    source: text('source').notNull().default(''),
  },
  (t) => [uniqueIndex('monitoring_lines_unique').on(t.year, t.placeId)],
);

/**
 * Every version of the screening rules, each of a region (a province, city or county; none for the
 * national default). A place screens by the highest version of the nearest region above it that has
 * rules; versions are numbered across all regions, so a lead or a case names its rules by version alone.
 */
export const screeningRuleSets = pgTable(
  'screening_rule_sets',
  {
    version: integer('version').primaryKey(),
    placeId: bigint('place_id', { mode: 'number' }).references(() => places.id),
    rules: jsonb('rules').notNull(),
    note: text('note').notNull().default(''),
    createdBy: bigint('created_by', { mode: 'number' }).references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('screening_rule_sets_place_idx').on(t.placeId, t.version)],
);

/**
 * A monitoring lead: a household that may be slipping back into poverty, from screening, a visit,
 * the household itself or a department's data. A household has at most one open lead.
 */
export const monitoringLeads = pgTable(
  'monitoring_leads',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    householdId: bigint('household_id', { mode: 'number' })
      .notNull()
      .references(() => households.id),
    source: varchar('source', { length: 24 }).notNull(),
    status: varchar('status', { length: 16 }).notNull().default('open'),
    year: smallint('year'),
    flags: text('flags')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    ruleVersion: integer('rule_version'),
    detail: jsonb('detail').notNull().default({}),
    createdBy: bigint('created_by', { mode: 'number' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** When the alert for a lead left unopened past the decision days went out, so it goes out once. */
    alertedAt: timestamp('alerted_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('monitoring_leads_one_open')
      .on(t.householdId)
      .where(sql`status = 'open'`),
    index('monitoring_leads_household_idx').on(t.householdId, t.id),
  ],
);
