import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  varchar,
} from 'drizzle-orm/pg-core';

/** One tree from province down to dwelling; `path` is '/id/id/…/' so a subtree is a prefix match. */
export const places = pgTable(
  'places',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    parentId: bigint('parent_id', { mode: 'number' }),
    level: varchar('level', { length: 16 }).notNull(),
    code: varchar('code', { length: 32 }),
    name: text('name').notNull(),
    initials: varchar('initials', { length: 64 }).notNull().default(''),
    path: text('path').notNull(),
    depth: smallint('depth').notNull(),
    childCount: integer('child_count').notNull().default(0),
    attributes: jsonb('attributes').notNull().default({}),
    /** Where a building stands on the community map, WGS84; grids have boundaries of their own. */
    lng: doublePrecision('lng'),
    lat: doublePrecision('lat'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('places_parent_idx').on(t.parentId, t.name),
    index('places_path_idx').using('btree', sql`${t.path} text_pattern_ops`),
    index('places_code_idx').using('btree', sql`${t.code} text_pattern_ops`),
    index('places_initials_idx').using('btree', sql`${t.initials} text_pattern_ops`),
    uniqueIndex('places_code_unique')
      .on(t.code)
      .where(sql`${t.code} is not null`),
    check(
      'places_level_check',
      sql`${t.level} in ('province','city','county','township','village','community','grid','building','dwelling')`,
    ),
  ],
);
