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
  smallint,
  text,
  timestamp,
  uniqueIndex,
  varchar,
} from 'drizzle-orm/pg-core';
import { places } from './places.ts';
import { users } from './users.ts';

/**
 * A household (户) living in a dwelling of a resettlement community. `residence_path` and
 * `origin_path` are the place paths of the dwelling and of the origin village: officials of either
 * side see the household in their scope (dual jurisdiction).
 */
export const households = pgTable(
  'households',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    householdNo: varchar('household_no', { length: 32 }).notNull(),
    dwellingId: bigint('dwelling_id', { mode: 'number' }).references(() => places.id),
    residencePlaceId: bigint('residence_place_id', { mode: 'number' })
      .notNull()
      .references(() => places.id),
    residencePath: text('residence_path').notNull(),
    originVillageId: bigint('origin_village_id', { mode: 'number' }).references(() => places.id),
    originPath: text('origin_path'),
    relocationYear: smallint('relocation_year'),
    resettlementType: varchar('resettlement_type', { length: 24 }).notNull(),
    povertyStatus: varchar('poverty_status', { length: 16 }).notNull(),
    status: varchar('status', { length: 16 }).notNull().default('active'),
    headName: varchar('head_name', { length: 64 }).notNull().default(''),
    memberCount: smallint('member_count').notNull().default(0),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('households_no_unique').on(t.householdNo),
    index('households_residence_idx').using('btree', sql`${t.residencePath} text_pattern_ops`),
    index('households_origin_idx').using('btree', sql`${t.originPath} text_pattern_ops`),
    index('households_dwelling_idx').on(t.dwellingId),
  ],
);

/**
 * A person (人口). ID and phone numbers are stored encrypted, found by blind index, shown masked;
 * `hukou_path` (household registration) and `residence_path` carry the two jurisdictions. Lists of
 * the living also have a covering index per side, written by hand in migrations 0018 and 0021
 * (ADR 0008).
 */
export const persons = pgTable(
  'persons',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    householdId: bigint('household_id', { mode: 'number' })
      .notNull()
      .references(() => households.id),
    relation: varchar('relation', { length: 16 }).notNull(),
    name: varchar('name', { length: 64 }).notNull(),
    initials: varchar('initials', { length: 32 }).notNull().default(''),
    idCipher: text('id_cipher').notNull(),
    idHash: varchar('id_hash', { length: 32 }).notNull(),
    idMasked: varchar('id_masked', { length: 18 }).notNull(),
    sex: varchar('sex', { length: 8 }).notNull(),
    birthDate: date('birth_date', { mode: 'string' }).notNull(),
    ethnicity: varchar('ethnicity', { length: 2 }).notNull().default('01'),
    phoneCipher: text('phone_cipher'),
    phoneHash: varchar('phone_hash', { length: 32 }),
    phoneMasked: varchar('phone_masked', { length: 20 }),
    education: varchar('education', { length: 20 }),
    health: varchar('health', { length: 20 }).notNull().default('healthy'),
    disabilityGrade: smallint('disability_grade'),
    labourCapacity: varchar('labour_capacity', { length: 8 }).notNull(),
    tags: text('tags')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    partyMember: boolean('party_member').notNull().default(false),
    hukouPlaceId: bigint('hukou_place_id', { mode: 'number' })
      .notNull()
      .references(() => places.id),
    hukouPath: text('hukou_path').notNull(),
    residencePlaceId: bigint('residence_place_id', { mode: 'number' })
      .notNull()
      .references(() => places.id),
    residencePath: text('residence_path').notNull(),
    status: varchar('status', { length: 16 }).notNull().default('living'),
    /**
     * The last day of the person's employment records ('infinity' while one has no end, null without
     * records), kept by triggers on `employment_records`: employed on a day when it is that day or later.
     */
    employedThrough: date('employed_through', { mode: 'string' }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('persons_id_hash_unique').on(t.idHash),
    index('persons_household_idx').on(t.householdId),
    index('persons_residence_idx').using('btree', sql`${t.residencePath} text_pattern_ops`),
    index('persons_hukou_idx').using('btree', sql`${t.hukouPath} text_pattern_ops`),
    index('persons_name_idx').using('btree', sql`${t.name} text_pattern_ops`),
    index('persons_initials_idx').using('btree', sql`${t.initials} text_pattern_ops`),
    index('persons_phone_hash_idx').on(t.phoneHash),
    index('persons_tags_idx').using('gin', t.tags),
  ],
);

/** Every change to a household or person: who, when, which event, field by field before → after. */
export const registryHistory = pgTable(
  'registry_history',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    householdId: bigint('household_id', { mode: 'number' }).notNull(),
    personId: bigint('person_id', { mode: 'number' }),
    event: varchar('event', { length: 24 }).notNull(),
    version: integer('version').notNull(),
    changes: jsonb('changes').notNull().default({}),
    note: text('note'),
    eventDate: date('event_date', { mode: 'string' }),
    actorId: bigint('actor_id', { mode: 'number' }),
    actorName: varchar('actor_name', { length: 64 }),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('registry_history_household_idx').on(t.householdId, t.id),
    index('registry_history_person_idx').on(t.personId, t.id),
  ],
);

/** Configurable code lists (vulnerable and special-population tags, …) with both labels. */
export const dictionaryEntries = pgTable(
  'dictionary_entries',
  {
    kind: varchar('kind', { length: 32 }).notNull(),
    code: varchar('code', { length: 32 }).notNull(),
    labelZh: varchar('label_zh', { length: 64 }).notNull(),
    labelEn: varchar('label_en', { length: 64 }).notNull(),
    sort: smallint('sort').notNull().default(0),
    active: boolean('active').notNull().default(true),
  },
  (t) => [primaryKey({ columns: [t.kind, t.code] })],
);

/** Which side of the dual jurisdiction carries a duty (visits, a benefit) for a person. */
export const jurisdictionDuties = pgTable(
  'jurisdiction_duties',
  {
    personId: bigint('person_id', { mode: 'number' })
      .notNull()
      .references(() => persons.id),
    duty: varchar('duty', { length: 32 }).notNull(),
    side: varchar('side', { length: 16 }).notNull(),
    note: text('note'),
  },
  (t) => [primaryKey({ columns: [t.personId, t.duty] })],
);

/** A user's named search filters for a list page. */
export const savedFilters = pgTable(
  'saved_filters',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    userId: bigint('user_id', { mode: 'number' })
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    list: varchar('list', { length: 32 }).notNull(),
    name: varchar('name', { length: 64 }).notNull(),
    params: jsonb('params').notNull().default({}),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('saved_filters_unique').on(t.userId, t.list, t.name)],
);
