import { sql } from 'drizzle-orm';
import { bigint, index, integer, pgTable, text, timestamp, uniqueIndex, varchar } from 'drizzle-orm/pg-core';
import { places } from './places.ts';

/**
 * An enterprise, cooperative or individual business of the register (企业库), known by its unified
 * social credit code and sitting on a county, township or community (`place_path` copies that
 * place's path for scope). One with a `workshop_type` is a workshop (帮扶车间). The contact's phone
 * is sealed, with its masked form beside it.
 */
export const enterprises = pgTable(
  'enterprises',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    creditCode: varchar('credit_code', { length: 18 }).notNull(),
    name: varchar('name', { length: 128 }).notNull(),
    kind: varchar('kind', { length: 32 }).notNull(),
    placeId: bigint('place_id', { mode: 'number' })
      .notNull()
      .references(() => places.id),
    placePath: text('place_path').notNull(),
    address: varchar('address', { length: 200 }).notNull().default(''),
    contactName: varchar('contact_name', { length: 64 }).notNull().default(''),
    contactPhoneCipher: text('contact_phone_cipher'),
    contactPhoneMasked: varchar('contact_phone_masked', { length: 24 }),
    workshopType: varchar('workshop_type', { length: 32 }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('enterprises_credit_code_unique').on(t.creditCode),
    index('enterprises_place_idx').using('btree', sql`${t.placePath} text_pattern_ops`, t.name),
  ],
);
