import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  customType,
  date,
  index,
  integer,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  varchar,
} from 'drizzle-orm/pg-core';
import { places } from './places.ts';
import { users } from './users.ts';

const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });

/** An account of a community's funds, of a kind from the `fund_account_kind` dictionary. */
export const fundAccounts = pgTable(
  'fund_accounts',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    placeId: bigint('place_id', { mode: 'number' })
      .notNull()
      .references(() => places.id),
    placePath: text('place_path').notNull(),
    kind: varchar('kind', { length: 32 }).notNull(),
    name: varchar('name', { length: 64 }).notNull(),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('fund_accounts_name_unique').on(t.placeId, t.name),
    index('fund_accounts_place_idx').using('btree', sql`${t.placePath} text_pattern_ops`),
  ],
);

/** A community's budget of one year for one category (`fund_category`), in fen. */
export const fundBudgets = pgTable(
  'fund_budgets',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    placeId: bigint('place_id', { mode: 'number' })
      .notNull()
      .references(() => places.id),
    placePath: text('place_path').notNull(),
    year: smallint('year').notNull(),
    category: varchar('category', { length: 32 }).notNull(),
    amountFen: bigint('amount_fen', { mode: 'bigint' }).notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('fund_budgets_unique').on(t.placeId, t.year, t.category),
    index('fund_budgets_place_idx').using('btree', sql`${t.placePath} text_pattern_ops`, t.year),
    check('fund_budgets_amount', sql`${t.amountFen} >= 0`),
  ],
);

/**
 * An entry of the journal: income or expense on an account, recorded by one person and posted once
 * approved by another (and, above the threshold, by the township or a residents' representatives'
 * decision). A posted entry is never changed or deleted (a trigger refuses it); it is undone by a
 * reversing entry (`reverses_id`).
 */
export const fundEntries = pgTable(
  'fund_entries',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    accountId: bigint('account_id', { mode: 'number' })
      .notNull()
      .references(() => fundAccounts.id),
    placePath: text('place_path').notNull(),
    direction: varchar('direction', { length: 8 }).notNull(),
    amountFen: bigint('amount_fen', { mode: 'bigint' }).notNull(),
    category: varchar('category', { length: 32 }).notNull(),
    occurredOn: date('occurred_on').notNull(),
    summary: varchar('summary', { length: 200 }).notNull(),
    counterparty: varchar('counterparty', { length: 128 }).notNull().default(''),
    decisionRef: varchar('decision_ref', { length: 128 }).notNull().default(''),
    reversesId: bigint('reverses_id', { mode: 'number' }),
    status: varchar('status', { length: 16 }).notNull().default('pending'),
    recordedBy: bigint('recorded_by', { mode: 'number' })
      .notNull()
      .references(() => users.id),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
    approvedBy: bigint('approved_by', { mode: 'number' }).references(() => users.id),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    townshipBy: bigint('township_by', { mode: 'number' }).references(() => users.id),
    townshipAt: timestamp('township_at', { withTimezone: true }),
    rejectedBy: bigint('rejected_by', { mode: 'number' }).references(() => users.id),
    rejectReason: varchar('reject_reason', { length: 200 }),
    postedAt: timestamp('posted_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('fund_entries_account_idx').on(t.accountId, t.status, t.occurredOn),
    index('fund_entries_place_idx').using('btree', sql`${t.placePath} text_pattern_ops`, t.status),
    uniqueIndex('fund_entries_reverses_unique')
      .on(t.reversesId)
      .where(sql`${t.reversesId} IS NOT NULL AND ${t.status} <> 'rejected'`),
    check('fund_entries_amount', sql`${t.amountFen} > 0`),
    check('fund_entries_direction', sql`${t.direction} IN ('income', 'expense')`),
    check('fund_entries_status', sql`${t.status} IN ('pending', 'posted', 'rejected')`),
    check(
      'fund_entries_two_people',
      sql`${t.approvedBy} <> ${t.recordedBy} AND ${t.townshipBy} <> ${t.recordedBy} AND ${t.rejectedBy} <> ${t.recordedBy}`,
    ),
  ],
);

/** A voucher (receipt, invoice, photo or PDF) kept with its entry; added only while the entry is pending. */
export const fundVouchers = pgTable(
  'fund_vouchers',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    entryId: bigint('entry_id', { mode: 'number' })
      .notNull()
      .references(() => fundEntries.id),
    contentType: varchar('content_type', { length: 32 }).notNull(),
    size: integer('size').notNull(),
    content: bytea('content').notNull(),
    addedBy: bigint('added_by', { mode: 'number' })
      .notNull()
      .references(() => users.id),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('fund_vouchers_entry_idx').on(t.entryId)],
);

/** The close of an account's month: its figures as the journal had them, never changed afterwards. */
export const fundCloses = pgTable(
  'fund_closes',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    accountId: bigint('account_id', { mode: 'number' })
      .notNull()
      .references(() => fundAccounts.id),
    month: date('month').notNull(),
    openingFen: bigint('opening_fen', { mode: 'bigint' }).notNull(),
    incomeFen: bigint('income_fen', { mode: 'bigint' }).notNull(),
    expenseFen: bigint('expense_fen', { mode: 'bigint' }).notNull(),
    closingFen: bigint('closing_fen', { mode: 'bigint' }).notNull(),
    closedBy: bigint('closed_by', { mode: 'number' })
      .notNull()
      .references(() => users.id),
    closedAt: timestamp('closed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('fund_closes_unique').on(t.accountId, t.month),
    check('fund_closes_sum', sql`${t.closingFen} = ${t.openingFen} + ${t.incomeFen} - ${t.expenseFen}`),
    check('fund_closes_first_day', sql`extract(day from ${t.month}) = 1`),
  ],
);
