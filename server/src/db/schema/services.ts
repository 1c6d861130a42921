import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  varchar,
} from 'drizzle-orm/pg-core';
import { places } from './places.ts';
import { households, persons } from './registry.ts';
import { users } from './users.ts';

/**
 * A registered social organization (社会组织) known by its unified social credit code, kept on the
 * place that registered it (`place_path` for scope); `service_areas` are codes of the
 * `service_category` dictionary.
 */
export const socialOrganizations = pgTable(
  'social_organizations',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    creditCode: varchar('credit_code', { length: 18 }).notNull(),
    name: varchar('name', { length: 128 }).notNull(),
    kind: varchar('kind', { length: 32 }).notNull(),
    placeId: bigint('place_id', { mode: 'number' })
      .notNull()
      .references(() => places.id),
    placePath: text('place_path').notNull(),
    serviceAreas: text('service_areas')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    staffCount: integer('staff_count').notNull().default(0),
    socialWorkerCount: integer('social_worker_count').notNull().default(0),
    contactName: varchar('contact_name', { length: 64 }).notNull().default(''),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('social_organizations_credit_code_unique').on(t.creditCode),
    index('social_organizations_place_idx').using('btree', sql`${t.placePath} text_pattern_ops`, t.name),
    check(
      'social_organizations_counts',
      sql`${t.staffCount} >= 0 AND ${t.socialWorkerCount} BETWEEN 0 AND ${t.staffCount}`,
    ),
  ],
);

/** The places an organization serves: it serves every place under each. */
export const socialOrgPlaces = pgTable(
  'social_org_places',
  {
    orgId: bigint('org_id', { mode: 'number' })
      .notNull()
      .references(() => socialOrganizations.id, { onDelete: 'cascade' }),
    placeId: bigint('place_id', { mode: 'number' })
      .notNull()
      .references(() => places.id),
    placePath: text('place_path').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.placeId] }),
    index('social_org_places_path_idx').using('btree', sql`${t.placePath} text_pattern_ops`),
  ],
);

/** A `social_org_staff` account works for one organization. */
export const socialOrgStaff = pgTable(
  'social_org_staff',
  {
    userId: bigint('user_id', { mode: 'number' })
      .primaryKey()
      .references(() => users.id, { onDelete: 'cascade' }),
    orgId: bigint('org_id', { mode: 'number' })
      .notNull()
      .references(() => socialOrganizations.id, { onDelete: 'cascade' }),
  },
  (t) => [index('social_org_staff_org_idx').on(t.orgId)],
);

/**
 * A service need of the needs list (需求清单): its category (`service_category` dictionary), who it
 * concerns, where they live (`place_path`, the household's residence path, for scope), what the
 * resident consented to share with a provider, and where it stands in the workflow. A `sensitive`
 * need (a minor, health or disability) is read only by those working it.
 */
export const serviceNeeds = pgTable(
  'service_needs',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    category: varchar('category', { length: 32 }).notNull(),
    urgency: varchar('urgency', { length: 16 }).notNull(),
    summary: varchar('summary', { length: 200 }).notNull(),
    detail: text('detail').notNull().default(''),
    householdId: bigint('household_id', { mode: 'number' })
      .notNull()
      .references(() => households.id),
    personId: bigint('person_id', { mode: 'number' }).references(() => persons.id),
    placePath: text('place_path').notNull(),
    sensitive: boolean('sensitive').notNull(),
    source: varchar('source', { length: 16 }).notNull(),
    raisedBy: bigint('raised_by', { mode: 'number' }).references(() => users.id),
    consentAt: timestamp('consent_at', { withTimezone: true }),
    consentShares: text('consent_shares')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    status: varchar('status', { length: 16 }).notNull().default('open'),
    orgId: bigint('org_id', { mode: 'number' }).references(() => socialOrganizations.id),
    dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
    alertedAt: timestamp('alerted_at', { withTimezone: true }),
    rating: smallint('rating'),
    ratingComment: varchar('rating_comment', { length: 500 }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('service_needs_place_idx').using('btree', sql`${t.placePath} text_pattern_ops`, t.status),
    index('service_needs_org_idx').on(t.orgId, t.status),
    index('service_needs_household_idx').on(t.householdId),
    index('service_needs_due_idx').on(t.status, t.dueAt),
    check('service_needs_rating', sql`${t.rating} IS NULL OR ${t.rating} BETWEEN 1 AND 5`),
  ],
);

/** The timeline of a need: every step, by whom, to which organization. */
export const serviceNeedEvents = pgTable(
  'service_need_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    needId: bigint('need_id', { mode: 'number' })
      .notNull()
      .references(() => serviceNeeds.id, { onDelete: 'cascade' }),
    action: varchar('action', { length: 16 }).notNull(),
    fromStatus: varchar('from_status', { length: 16 }),
    toStatus: varchar('to_status', { length: 16 }).notNull(),
    actorId: bigint('actor_id', { mode: 'number' }).references(() => users.id),
    orgId: bigint('org_id', { mode: 'number' }).references(() => socialOrganizations.id),
    note: varchar('note', { length: 500 }).notNull().default(''),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('service_need_events_need_idx').on(t.needId, t.at)],
);

/**
 * A resource of the resources list (资源清单): goods, money, a venue or time, offered by an
 * enterprise, organization, department or individual, with the quantity still to allocate.
 */
export const serviceResources = pgTable(
  'service_resources',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    kind: varchar('kind', { length: 16 }).notNull(),
    name: varchar('name', { length: 128 }).notNull(),
    donorKind: varchar('donor_kind', { length: 16 }).notNull(),
    donorName: varchar('donor_name', { length: 128 }).notNull(),
    quantity: integer('quantity').notNull(),
    remaining: integer('remaining').notNull(),
    unit: varchar('unit', { length: 16 }).notNull(),
    availableFrom: date('available_from').notNull(),
    availableTo: date('available_to'),
    placeId: bigint('place_id', { mode: 'number' })
      .notNull()
      .references(() => places.id),
    placePath: text('place_path').notNull(),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('service_resources_place_idx').using('btree', sql`${t.placePath} text_pattern_ops`),
    check('service_resources_remaining', sql`${t.remaining} >= 0 AND ${t.remaining} <= ${t.quantity}`),
    check('service_resources_dates', sql`${t.availableTo} IS NULL OR ${t.availableTo} >= ${t.availableFrom}`),
  ],
);

/** Some of a resource given to a need. */
export const resourceAllocations = pgTable(
  'resource_allocations',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    resourceId: bigint('resource_id', { mode: 'number' })
      .notNull()
      .references(() => serviceResources.id),
    needId: bigint('need_id', { mode: 'number' })
      .notNull()
      .references(() => serviceNeeds.id),
    quantity: integer('quantity').notNull(),
    actorId: bigint('actor_id', { mode: 'number' }).references(() => users.id),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('resource_allocations_resource_idx').on(t.resourceId),
    index('resource_allocations_need_idx').on(t.needId),
    check('resource_allocations_quantity', sql`${t.quantity} > 0`),
  ],
);
