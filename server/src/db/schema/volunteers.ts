import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  index,
  integer,
  numeric,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  varchar,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import { places } from './places.ts';
import { socialOrganizations } from './services.ts';
import { users } from './users.ts';

/** A volunteer team (志愿服务队) of a place, which may belong to a social organization of the services register. */
export const volunteerTeams = pgTable(
  'volunteer_teams',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    name: varchar('name', { length: 64 }).notNull(),
    placeId: bigint('place_id', { mode: 'number' })
      .notNull()
      .references(() => places.id),
    placePath: text('place_path').notNull(),
    orgId: bigint('org_id', { mode: 'number' }).references(() => socialOrganizations.id),
    createdBy: bigint('created_by', { mode: 'number' }).references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('volunteer_teams_place_idx').using('btree', sql`${t.placePath} text_pattern_ops`)],
);

/**
 * A volunteer registered by real name (实名注册): the ID number encrypted, found by blind index and
 * shown masked (ADR 5), skills and availability, the account they sign in with, and the place they
 * serve (`place_path` for scope).
 */
export const volunteers = pgTable(
  'volunteers',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    userId: bigint('user_id', { mode: 'number' }).references(() => users.id),
    name: varchar('name', { length: 64 }).notNull(),
    nameMasked: varchar('name_masked', { length: 64 }).notNull(),
    idCipher: text('id_cipher').notNull(),
    idHash: varchar('id_hash', { length: 32 }).notNull(),
    idMasked: varchar('id_masked', { length: 18 }).notNull(),
    phoneCipher: text('phone_cipher'),
    phoneHash: varchar('phone_hash', { length: 32 }),
    phoneMasked: varchar('phone_masked', { length: 20 }),
    placeId: bigint('place_id', { mode: 'number' })
      .notNull()
      .references(() => places.id),
    placePath: text('place_path').notNull(),
    teamId: bigint('team_id', { mode: 'number' }).references(() => volunteerTeams.id),
    skills: text('skills')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    availability: text('availability')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('volunteers_id_hash_unique').on(t.idHash),
    uniqueIndex('volunteers_user_unique').on(t.userId),
    index('volunteers_place_idx').using('btree', sql`${t.placePath} text_pattern_ops`),
  ],
);

/**
 * A volunteer activity (志愿服务活动): when and where, slots and the skills it asks for. `signed_up`
 * counts the sign-ups, so a slot is held by one conditional update that never passes `slots`.
 */
export const volunteerActivities = pgTable(
  'volunteer_activities',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    title: varchar('title', { length: 128 }).notNull(),
    placeId: bigint('place_id', { mode: 'number' })
      .notNull()
      .references(() => places.id),
    placePath: text('place_path').notNull(),
    address: varchar('address', { length: 128 }).notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    slots: integer('slots').notNull(),
    signedUp: integer('signed_up').notNull().default(0),
    skills: text('skills')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    teamId: bigint('team_id', { mode: 'number' }).references(() => volunteerTeams.id),
    version: integer('version').notNull().default(1),
    createdBy: bigint('created_by', { mode: 'number' }).references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('volunteer_activities_place_idx').using('btree', sql`${t.placePath} text_pattern_ops`, t.startsAt),
    check('volunteer_activities_times', sql`${t.endsAt} > ${t.startsAt}`),
    check('volunteer_activities_slots', sql`${t.signedUp} >= 0 AND ${t.signedUp} <= ${t.slots}`),
  ],
);

/** A volunteer signed up for an activity, with the check-in and check-out and how each was taken (QR or organizer). */
export const volunteerSignups = pgTable(
  'volunteer_signups',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    activityId: bigint('activity_id', { mode: 'number' })
      .notNull()
      .references(() => volunteerActivities.id),
    volunteerId: bigint('volunteer_id', { mode: 'number' })
      .notNull()
      .references(() => volunteers.id),
    checkedInAt: timestamp('checked_in_at', { withTimezone: true }),
    checkedInVia: varchar('checked_in_via', { length: 16 }),
    checkedOutAt: timestamp('checked_out_at', { withTimezone: true }),
    checkedOutVia: varchar('checked_out_via', { length: 16 }),
    signedUpAt: timestamp('signed_up_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('volunteer_signups_unique').on(t.activityId, t.volunteerId),
    index('volunteer_signups_volunteer_idx').on(t.volunteerId),
    check(
      'volunteer_signups_out_after_in',
      sql`${t.checkedOutAt} IS NULL OR ${t.checkedOutAt} >= ${t.checkedInAt}`,
    ),
  ],
);

/**
 * Hours approved by the organizer (志愿服务记录). Append-only: a trigger refuses UPDATE and DELETE;
 * a correction is a new row naming the record it replaces (`corrects_id`) and why. The hours that
 * count are those of the rows no other row corrects.
 */
export const volunteerServiceRecords = pgTable(
  'volunteer_service_records',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    signupId: bigint('signup_id', { mode: 'number' })
      .notNull()
      .references(() => volunteerSignups.id),
    volunteerId: bigint('volunteer_id', { mode: 'number' })
      .notNull()
      .references(() => volunteers.id),
    activityId: bigint('activity_id', { mode: 'number' })
      .notNull()
      .references(() => volunteerActivities.id),
    hours: numeric('hours', { precision: 5, scale: 1, mode: 'number' }).notNull(),
    correctsId: bigint('corrects_id', { mode: 'number' }).references(
      (): AnyPgColumn => volunteerServiceRecords.id,
    ),
    reason: text('reason'),
    approvedBy: bigint('approved_by', { mode: 'number' }).references(() => users.id),
    approvedAt: timestamp('approved_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('volunteer_records_first_unique')
      .on(t.signupId)
      .where(sql`${t.correctsId} IS NULL`),
    uniqueIndex('volunteer_records_corrects_unique').on(t.correctsId),
    index('volunteer_records_volunteer_idx').on(t.volunteerId, t.id),
    check('volunteer_records_hours', sql`${t.hours} >= 0`),
    check('volunteer_records_reason', sql`${t.correctsId} IS NULL OR ${t.reason} IS NOT NULL`),
  ],
);

/** A certificate of service hours (志愿服务证明) with its serial, verified publicly by it. */
export const volunteerCertificates = pgTable(
  'volunteer_certificates',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    serial: varchar('serial', { length: 32 }).notNull(),
    volunteerId: bigint('volunteer_id', { mode: 'number' })
      .notNull()
      .references(() => volunteers.id),
    nameMasked: varchar('name_masked', { length: 64 }).notNull(),
    hours: numeric('hours', { precision: 7, scale: 1, mode: 'number' }).notNull(),
    activities: integer('activities').notNull(),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('volunteer_certificates_serial_unique').on(t.serial),
    index('volunteer_certificates_volunteer_idx').on(t.volunteerId),
  ],
);
