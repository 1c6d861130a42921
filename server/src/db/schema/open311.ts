import { bigint, index, pgTable, timestamp, uniqueIndex, varchar } from 'drizzle-orm/pg-core';
import { places } from './places.ts';
import { users } from './users.ts';

/**
 * API keys of systems that report through Open311 GeoReport v2 (a county's 12345 hotline…), each
 * bound to a place it may report and read in. Only the SHA-256 of a key is kept.
 */
export const open311Keys = pgTable(
  'open311_keys',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    name: varchar('name', { length: 48 }).notNull(),
    keyHash: varchar('key_hash', { length: 64 }).notNull(),
    placeId: bigint('place_id', { mode: 'number' })
      .notNull()
      .references(() => places.id),
    createdBy: bigint('created_by', { mode: 'number' })
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('open311_keys_hash_unique').on(t.keyHash),
    index('open311_keys_created_idx').on(t.createdAt.desc()),
  ],
);
