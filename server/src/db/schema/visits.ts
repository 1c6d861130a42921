import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  customType,
  date,
  index,
  integer,
  pgTable,
  smallint,
  text,
  timestamp,
  varchar,
} from 'drizzle-orm/pg-core';
import { places } from './places.ts';
import { households } from './registry.ts';
import { users } from './users.ts';

const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });

/**
 * A grid worker's (or party member's) visit to a household. `becomes_incident` marks a finding
 * meant to become an incident; `incident_id` is the incident it became (POST /api/visits/:id/incident).
 */
export const visits = pgTable(
  'visits',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    householdId: bigint('household_id', { mode: 'number' })
      .notNull()
      .references(() => households.id),
    gridId: bigint('grid_id', { mode: 'number' })
      .notNull()
      .references(() => places.id),
    householdPath: text('household_path').notNull(),
    visitorId: bigint('visitor_id', { mode: 'number' })
      .notNull()
      .references(() => users.id),
    visitedOn: date('visited_on', { mode: 'string' }).notNull(),
    kind: varchar('kind', { length: 32 }).notNull(),
    findings: text('findings').notNull().default(''),
    followUps: text('follow_ups').notNull().default(''),
    becomesIncident: boolean('becomes_incident').notNull().default(false),
    incidentId: bigint('incident_id', { mode: 'number' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('visits_household_idx').on(t.householdId, t.visitedOn),
    index('visits_grid_idx').on(t.gridId, t.visitedOn),
    index('visits_visitor_idx').on(t.visitorId, t.visitedOn),
    index('visits_incident_pending_idx')
      .on(t.id)
      .where(sql`${t.becomesIncident} AND ${t.incidentId} IS NULL`),
  ],
);

/** Photos of a visit, kept in the database so every server process serves them. */
export const visitPhotos = pgTable(
  'visit_photos',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    visitId: bigint('visit_id', { mode: 'number' })
      .notNull()
      .references(() => visits.id),
    contentType: varchar('content_type', { length: 16 }).notNull(),
    bytes: integer('bytes').notNull(),
    content: bytea('content').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('visit_photos_visit_idx').on(t.visitId)],
);

/**
 * Visit plans as data, per community: households matching every criterion that is set (a living
 * member tagged `tag`, the household's `poverty_status`, a living member of `labour_capacity`) are
 * due every `interval_days`; the shortest matching plan wins. Rows without a community are the
 * defaults, followed by communities that have no plans of their own.
 */
export const visitPlans = pgTable(
  'visit_plans',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    communityId: bigint('community_id', { mode: 'number' }).references(() => places.id),
    name: varchar('name', { length: 64 }).notNull(),
    tag: varchar('tag', { length: 32 }),
    povertyStatus: varchar('poverty_status', { length: 16 }),
    labourCapacity: varchar('labour_capacity', { length: 8 }),
    intervalDays: smallint('interval_days').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('visit_plans_community_idx').on(t.communityId)],
);
