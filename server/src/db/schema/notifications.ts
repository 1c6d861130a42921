import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  varchar,
} from 'drizzle-orm/pg-core';
import { users } from './users.ts';

/** Messages to one user, kept until read so they survive restarts; delivered live over SSE. */
export const notifications = pgTable(
  'notifications',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    userId: bigint('user_id', { mode: 'number' })
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: varchar('kind', { length: 48 }).notNull(),
    params: jsonb('params').notNull().default({}),
    link: text('link'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [
    index('notifications_user_idx')
      .on(t.userId, t.id.desc())
      .where(sql`${t.readAt} is null`),
  ],
);

/** How a person wants to be told besides the bell; a row once they have chosen. */
export const notificationPreferences = pgTable('notification_preferences', {
  userId: bigint('user_id', { mode: 'number' })
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  /** Messages also go to the deployment's SMS or WeChat gateway. */
  webhook: boolean('webhook').notNull().default(false),
  phoneCipher: text('phone_cipher'),
  phoneMasked: varchar('phone_masked', { length: 24 }),
  locale: varchar('locale', { length: 8 }).notNull().default('zh-CN'),
  version: integer('version').notNull().default(1),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * A notification owed to an outbound channel, written by a trigger in the statement that writes the
 * notification (so none is lost however it was written): pending → queued (a job) → sent or failed.
 */
export const notificationDeliveries = pgTable(
  'notification_deliveries',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    notificationId: bigint('notification_id', { mode: 'number' })
      .notNull()
      .references(() => notifications.id, { onDelete: 'cascade' }),
    channel: varchar('channel', { length: 16 }).notNull().default('webhook'),
    state: varchar('state', { length: 16 }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [
    index('notification_deliveries_open_idx')
      .on(t.state, t.id)
      .where(sql`${t.state} <> 'sent'`),
  ],
);
