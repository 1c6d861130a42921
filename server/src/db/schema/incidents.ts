import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  customType,
  doublePrecision,
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

const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });

/** The category catalogue: deadlines and the level a category starts at, as data. */
export const incidentCategories = pgTable('incident_categories', {
  code: varchar('code', { length: 32 }).primaryKey(),
  nameZh: varchar('name_zh', { length: 64 }).notNull(),
  nameEn: varchar('name_en', { length: 64 }).notNull(),
  acceptHours: smallint('accept_hours').notNull(),
  deadlineHours: integer('deadline_hours').notNull(),
  startLevel: smallint('start_level').notNull().default(0),
  autoEscalate: boolean('auto_escalate').notNull().default(true),
  /** Extensions may add up to this many hours in all; 336 h (two weeks) holds the 10 working days of the 12345 rules. */
  extensionCapHours: integer('extension_cap_hours').notNull().default(336),
  /** Where the cap comes from, in words an official can look up. */
  extensionCapSource: varchar('extension_cap_source', { length: 200 })
    .notNull()
    .default('12345 appraisal rules: extensions at most 10 working days in all'),
  /** `hours`, or `working_days`: then the three limits below count instead, by the holiday calendar. */
  limitUnit: varchar('limit_unit', { length: 16 }).notNull().default('hours'),
  acceptDays: smallint('accept_days').notNull().default(1),
  deadlineDays: smallint('deadline_days').notNull().default(5),
  extensionCapDays: smallint('extension_cap_days').notNull().default(10),
  version: integer('version').notNull().default(0),
  attributes: jsonb('attributes').notNull().default({}),
  active: boolean('active').notNull().default(true),
  sort: smallint('sort').notNull().default(0),
});

/**
 * The Open311 service attributes a region (province, city or county) asks of a category, in place of
 * the category's own (the national default); a place follows the nearest region above it that has some.
 */
export const categoryAttributes = pgTable(
  'category_attributes',
  {
    categoryCode: varchar('category_code', { length: 32 })
      .notNull()
      .references(() => incidentCategories.code),
    placeId: bigint('place_id', { mode: 'number' })
      .notNull()
      .references(() => places.id),
    attributes: jsonb('attributes').notNull(),
    updatedBy: bigint('updated_by', { mode: 'number' }).references(() => users.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.categoryCode, t.placeId] })],
);

/** County departments incidents are dispatched to (civil affairs, human resources, health…). */
export const departments = pgTable(
  'departments',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    countyId: bigint('county_id', { mode: 'number' })
      .notNull()
      .references(() => places.id),
    code: varchar('code', { length: 32 }).notNull(),
    nameZh: varchar('name_zh', { length: 64 }).notNull(),
    nameEn: varchar('name_en', { length: 64 }).notNull(),
  },
  (t) => [uniqueIndex('departments_code_unique').on(t.countyId, t.code)],
);

export const userDepartments = pgTable(
  'user_departments',
  {
    userId: bigint('user_id', { mode: 'number' })
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    departmentId: bigint('department_id', { mode: 'number' })
      .notNull()
      .references(() => departments.id),
  },
  (t) => [primaryKey({ columns: [t.userId, t.departmentId] })],
);

/**
 * An incident (事件/诉求). `place_path` is where it happened (scope of the officials there);
 * `handling_path` is the place whose level handles it now (grid → community → township → county).
 */
export const incidents = pgTable(
  'incidents',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    code: varchar('code', { length: 24 }).notNull(),
    categoryCode: varchar('category_code', { length: 32 })
      .notNull()
      .references(() => incidentCategories.code),
    title: varchar('title', { length: 100 }).notNull(),
    description: text('description').notNull().default(''),
    source: varchar('source', { length: 16 }).notNull(),
    reporterUserId: bigint('reporter_user_id', { mode: 'number' }),
    reporterName: varchar('reporter_name', { length: 32 }),
    reporterPhoneCipher: text('reporter_phone_cipher'),
    reporterPhoneMasked: varchar('reporter_phone_masked', { length: 20 }),
    placeId: bigint('place_id', { mode: 'number' })
      .notNull()
      .references(() => places.id),
    placePath: text('place_path').notNull(),
    householdId: bigint('household_id', { mode: 'number' }),
    /** How the reporter said where: their home, a building, a public area or a point on the map. */
    locationKind: varchar('location_kind', { length: 16 }),
    lat: doublePrecision('lat'),
    lng: doublePrecision('lng'),
    level: smallint('level').notNull(),
    handlingPlaceId: bigint('handling_place_id', { mode: 'number' }).notNull(),
    assigneeUserId: bigint('assignee_user_id', { mode: 'number' }),
    departmentId: bigint('department_id', { mode: 'number' }),
    status: varchar('status', { length: 16 }).notNull(),
    supervised: boolean('supervised').notNull().default(false),
    overdue: boolean('overdue').notNull().default(false),
    acceptDueAt: timestamp('accept_due_at', { withTimezone: true }).notNull(),
    dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
    reportedAt: timestamp('reported_at', { withTimezone: true }).notNull(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    repliedAt: timestamp('replied_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    satisfaction: varchar('satisfaction', { length: 24 }),
    /** When the reporter rated the outcome (once, after closing). */
    ratedAt: timestamp('rated_at', { withTimezone: true }),
    attributes: jsonb('attributes').notNull().default({}),
    /** Shown in the keyless Open311 feed (category, status, times, community), as an official decided. */
    publicFeed: boolean('public_feed').notNull().default(false),
    /** With its description in that feed too. */
    publicDescription: boolean('public_description').notNull().default(false),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('incidents_code_unique').on(t.code),
    index('incidents_place_idx').using('btree', sql`${t.placePath} text_pattern_ops`, t.reportedAt.desc()),
    // scoped lists of open incidents (the daily view) read only the open ones of an area
    index('incidents_open_place_idx')
      .using('btree', sql`${t.placePath} text_pattern_ops`)
      .where(sql`${t.status} NOT IN ('closed', 'recalled')`),
    index('incidents_reporter_idx').on(t.reporterUserId, t.reportedAt.desc()),
    // a household's incidents (its detail, poverty-return screening of one household)
    index('incidents_household_idx')
      .on(t.householdId, t.reportedAt.desc())
      .where(sql`${t.householdId} IS NOT NULL`),
    index('incidents_assignee_idx')
      .on(t.assigneeUserId)
      .where(sql`${t.closedAt} IS NULL`),
    index('incidents_department_idx')
      .on(t.departmentId)
      .where(sql`${t.departmentId} IS NOT NULL`),
    index('incidents_due_idx')
      .on(t.dueAt)
      .where(sql`${t.status} NOT IN ('closed', 'recalled') AND NOT ${t.overdue}`),
  ],
);

/** Every step of an incident, append-only: the timeline. */
export const incidentSteps = pgTable(
  'incident_steps',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    incidentId: bigint('incident_id', { mode: 'number' })
      .notNull()
      .references(() => incidents.id),
    action: varchar('action', { length: 16 }).notNull(),
    fromStatus: varchar('from_status', { length: 16 }),
    toStatus: varchar('to_status', { length: 16 }).notNull(),
    actorId: bigint('actor_id', { mode: 'number' }),
    actorName: varchar('actor_name', { length: 64 }),
    note: text('note'),
    data: jsonb('data').notNull().default({}),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('incident_steps_incident_idx').on(t.incidentId, t.id)],
);

/**
 * Each unit's own acceptance clock (签收时限) once it is no longer the incident's live one: a rung the
 * incident was escalated away from, with whether it accepted in time; and each department it was
 * dispatched to, which accepts (签收) by starting it. The live rung's clock stays on the incident.
 */
export const incidentAcceptances = pgTable(
  'incident_acceptances',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    incidentId: bigint('incident_id', { mode: 'number' })
      .notNull()
      .references(() => incidents.id),
    level: smallint('level').notNull(),
    placeId: bigint('place_id', { mode: 'number' }).references(() => places.id),
    departmentId: bigint('department_id', { mode: 'number' }).references(() => departments.id),
    dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
  },
  (t) => [
    index('incident_acceptances_incident_idx').on(t.incidentId, t.id),
    index('incident_acceptances_department_idx').on(t.departmentId),
  ],
);

/** Photos taken with a step (the report, progress, the reply), kept in the database like visit photos. */
export const incidentPhotos = pgTable(
  'incident_photos',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    incidentId: bigint('incident_id', { mode: 'number' })
      .notNull()
      .references(() => incidents.id),
    stepId: bigint('step_id', { mode: 'number' })
      .notNull()
      .references(() => incidentSteps.id),
    contentType: varchar('content_type', { length: 16 }).notNull(),
    bytes: integer('bytes').notNull(),
    content: bytea('content').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('incident_photos_incident_idx').on(t.incidentId, t.stepId)],
);
