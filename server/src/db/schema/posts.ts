import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  date,
  index,
  integer,
  numeric,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  varchar,
} from 'drizzle-orm/pg-core';
import { employmentRecords } from './employment.ts';
import { places } from './places.ts';
import { persons } from './registry.ts';
import { users } from './users.ts';

/**
 * A public-welfare post (公益性岗位) of a community: its type (the `post_type` dictionary), its term
 * and monthly subsidy. `place_path` copies the community's path for scope.
 */
export const publicWelfarePosts = pgTable(
  'public_welfare_posts',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    placeId: bigint('place_id', { mode: 'number' })
      .notNull()
      .references(() => places.id),
    placePath: text('place_path').notNull(),
    postType: varchar('post_type', { length: 32 }).notNull(),
    title: varchar('title', { length: 128 }).notNull(),
    termStart: date('term_start', { mode: 'string' }).notNull(),
    termEnd: date('term_end', { mode: 'string' }).notNull(),
    monthlySubsidy: numeric('monthly_subsidy', { precision: 10, scale: 2, mode: 'number' }).notNull(),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('public_welfare_posts_place_idx').using('btree', sql`${t.placePath} text_pattern_ops`, t.id),
    check('public_welfare_posts_subsidy', sql`${t.monthlySubsidy} >= 0`),
    check('public_welfare_posts_term', sql`${t.termEnd} >= ${t.termStart}`),
  ],
);

/**
 * A person holding a post from `start_on` until the holding is ended (`end_on`, `end_reason`); the
 * holder's employment record (`record_id`, kind public-welfare post) starts and ends with it. A post
 * has at most one open holding.
 */
export const postHoldings = pgTable(
  'post_holdings',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    postId: bigint('post_id', { mode: 'number' })
      .notNull()
      .references(() => publicWelfarePosts.id),
    personId: bigint('person_id', { mode: 'number' })
      .notNull()
      .references(() => persons.id),
    recordId: bigint('record_id', { mode: 'number' })
      .notNull()
      .references(() => employmentRecords.id),
    startOn: date('start_on', { mode: 'string' }).notNull(),
    endOn: date('end_on', { mode: 'string' }),
    endReason: varchar('end_reason', { length: 24 }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('post_holdings_open_unique')
      .on(t.postId)
      .where(sql`${t.endOn} IS NULL`),
    index('post_holdings_post_idx').on(t.postId, t.startOn),
    index('post_holdings_person_idx').on(t.personId),
    check('post_holdings_dates', sql`${t.endOn} IS NULL OR ${t.endOn} >= ${t.startOn}`),
  ],
);

/** Days a holder worked in a month (`month` is its first day). */
export const postAttendance = pgTable(
  'post_attendance',
  {
    holdingId: bigint('holding_id', { mode: 'number' })
      .notNull()
      .references(() => postHoldings.id),
    month: date('month', { mode: 'string' }).notNull(),
    daysWorked: smallint('days_worked').notNull(),
    version: integer('version').notNull().default(1),
    updatedBy: bigint('updated_by', { mode: 'number' }).references(() => users.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.holdingId, t.month] }),
    check('post_attendance_days', sql`${t.daysWorked} BETWEEN 0 AND 31`),
  ],
);
