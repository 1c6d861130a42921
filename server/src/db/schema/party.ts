import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
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
import { households, persons } from './registry.ts';

/** Levels of the party organization tree, each bound to a place level; depth and labels are data. */
export const partyLevels = pgTable('party_levels', {
  depth: smallint('depth').primaryKey(),
  placeLevel: varchar('place_level', { length: 16 }).notNull().unique(),
  labelZh: varchar('label_zh', { length: 32 }).notNull(),
  labelEn: varchar('label_en', { length: 64 }).notNull(),
  /** What an organization of this level is under the party's rules: committee, general_branch, branch, group, household. */
  kind: varchar('kind', { length: 16 }).notNull().default('branch'),
});

/** A party organization bound to one place; `place_path` copies the place's path for scoping. */
export const partyOrgs = pgTable(
  'party_orgs',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    parentId: bigint('parent_id', { mode: 'number' }),
    depth: smallint('depth').notNull(),
    placeId: bigint('place_id', { mode: 'number' })
      .notNull()
      .references(() => places.id),
    placePath: text('place_path').notNull(),
    name: varchar('name', { length: 100 }).notNull(),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('party_orgs_place_unique').on(t.placeId),
    index('party_orgs_parent_idx').on(t.parentId),
    index('party_orgs_path_idx').using('btree', sql`${t.placePath} text_pattern_ops`),
  ],
);

/** Party members (registry persons with party_member) attached to an organization. */
export const partyMembers = pgTable('party_members', {
  personId: bigint('person_id', { mode: 'number' })
    .primaryKey()
    .references(() => persons.id),
  orgId: bigint('org_id', { mode: 'number' })
    .notNull()
    .references(() => partyOrgs.id),
  /** A probationary member (预备党员) does not count towards the full members an organization needs. */
  probationary: boolean('probationary').notNull().default(false),
});

/** A household looked after by a party-member household (an organization of the last level). */
export const partyLinks = pgTable(
  'party_links',
  {
    householdId: bigint('household_id', { mode: 'number' })
      .primaryKey()
      .references(() => households.id),
    orgId: bigint('org_id', { mode: 'number' })
      .notNull()
      .references(() => partyOrgs.id),
    linkedAt: timestamp('linked_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('party_links_org_idx').on(t.orgId)],
);
