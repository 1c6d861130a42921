import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  varchar,
} from 'drizzle-orm/pg-core';
import { places } from './places.ts';
import { users } from './users.ts';

/**
 * A version of a form imported from an XLSForm workbook by the officials of a place: the form as
 * read (`definition`), its XLSForm id and version. A new version is a new row; answers keep theirs.
 */
export const surveyForms = pgTable(
  'survey_forms',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    formKey: varchar('form_key', { length: 128 }).notNull(),
    formVersion: varchar('form_version', { length: 64 }).notNull(),
    title: varchar('title', { length: 256 }).notNull(),
    definition: jsonb('definition').notNull(),
    placeId: bigint('place_id', { mode: 'number' })
      .notNull()
      .references(() => places.id),
    placePath: text('place_path').notNull(),
    createdBy: bigint('created_by', { mode: 'number' }).references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('survey_forms_version_unique').on(t.placeId, t.formKey, t.formVersion),
    index('survey_forms_place_idx').using('btree', sql`${t.placePath} text_pattern_ops`),
  ],
);

/**
 * A campaign: a form version sent to the people of a place (`place_path`) — its households, its
 * residents, or its residents holding a tag — open between two days. An anonymous one keeps no
 * link from an answer to who gave it.
 */
export const surveyCampaigns = pgTable(
  'survey_campaigns',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    formId: bigint('form_id', { mode: 'number' })
      .notNull()
      .references(() => surveyForms.id),
    title: varchar('title', { length: 256 }).notNull(),
    placeId: bigint('place_id', { mode: 'number' })
      .notNull()
      .references(() => places.id),
    placePath: text('place_path').notNull(),
    audience: varchar('audience', { length: 16 }).notNull(),
    tag: varchar('tag', { length: 32 }),
    anonymous: boolean('anonymous').notNull().default(false),
    opensOn: date('opens_on', { mode: 'string' }).notNull(),
    closesOn: date('closes_on', { mode: 'string' }).notNull(),
    version: integer('version').notNull().default(1),
    createdBy: bigint('created_by', { mode: 'number' }).references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('survey_campaigns_place_idx').using('btree', sql`${t.placePath} text_pattern_ops`)],
);

/**
 * One answer to a campaign under the form version it was given under, with the grid (or community)
 * the respondent lives in for the response rates. Named campaigns keep the household and person;
 * in anonymous ones both are null and nothing else leads back to them.
 */
export const surveySubmissions = pgTable(
  'survey_submissions',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    campaignId: bigint('campaign_id', { mode: 'number' })
      .notNull()
      .references(() => surveyCampaigns.id),
    formId: bigint('form_id', { mode: 'number' })
      .notNull()
      .references(() => surveyForms.id),
    gridPath: text('grid_path').notNull(),
    householdId: bigint('household_id', { mode: 'number' }),
    personId: bigint('person_id', { mode: 'number' }),
    channel: varchar('channel', { length: 8 }).notNull(),
    answers: jsonb('answers').notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('survey_submissions_campaign_idx').on(t.campaignId, t.gridPath),
    index('survey_submissions_household_idx').on(t.householdId),
  ],
);

/**
 * Who has answered a campaign (a household, or a person), one row each, so one answer each holds
 * for anonymous campaigns too: no time, no submission id, nothing to join the answers by.
 */
export const surveyRespondents = pgTable(
  'survey_respondents',
  {
    campaignId: bigint('campaign_id', { mode: 'number' })
      .notNull()
      .references(() => surveyCampaigns.id),
    respondent: varchar('respondent', { length: 32 }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.campaignId, t.respondent] })],
);
