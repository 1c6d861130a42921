import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  varchar,
} from 'drizzle-orm/pg-core';
import { places } from './places.ts';
import { users } from './users.ts';

/**
 * One disclosure (居务/财务公开) of a community for a period: a draft (finance drafted from the
 * ledgers), approved by someone other than its drafter, then published with the hash of its content.
 * A published version is never changed or deleted (a trigger refuses it); a correction is a new
 * version that supersedes it, and the old one stays archived.
 */
export const disclosures = pgTable(
  'disclosures',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    placeId: bigint('place_id', { mode: 'number' })
      .notNull()
      .references(() => places.id),
    placePath: text('place_path').notNull(),
    kind: varchar('kind', { length: 32 }).notNull(),
    period: varchar('period', { length: 8 }).notNull(),
    title: varchar('title', { length: 200 }).notNull(),
    content: jsonb('content').notNull(),
    status: varchar('status', { length: 16 }).notNull().default('draft'),
    supersedesId: bigint('supersedes_id', { mode: 'number' }),
    draftedBy: bigint('drafted_by', { mode: 'number' })
      .notNull()
      .references(() => users.id),
    approvedBy: bigint('approved_by', { mode: 'number' }).references(() => users.id),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    hash: varchar('hash', { length: 64 }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    dueOn: date('due_on').notNull(),
  },
  (t) => [
    index('disclosures_place_idx').using('btree', sql`${t.placePath} text_pattern_ops`, t.kind, t.period),
    index('disclosures_public_idx').on(t.placeId, t.status, t.publishedAt),
    check('disclosures_status', sql`${t.status} IN ('draft', 'approved', 'published')`),
    check('disclosures_two_people', sql`${t.approvedBy} <> ${t.draftedBy}`),
    check('disclosures_published_hash', sql`${t.status} <> 'published' OR ${t.hash} IS NOT NULL`),
  ],
);
