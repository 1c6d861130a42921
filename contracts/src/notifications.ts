import { z } from 'zod';
import { Id, Paging, Version } from './common.ts';

/** Kinds of notification; the web labels each as `notifications.<kind>`. */
export const NOTIFICATION_KINDS = [
  'account_locked',
  'password_reset',
  'incident_reported',
  'incident_dispatched',
  'incident_escalated',
  'incident_supervised',
  'incident_overdue',
  'case_overdue',
  /** An account was created without roles: the security administrator grants them. */
  'account_needs_roles',
  /** What the reporter of an incident is told, in plain words, as it moves on. */
  'report_accepted',
  'report_in_hand',
  'report_returned',
  'report_escalated',
  'report_extended',
  'report_replied',
  'report_closed',
  /** A household of the recipient's grid or community has labour and nobody employed. */
  'zero_employment',
  /** A need was referred to the recipient's organization. */
  'service_referred',
  /** A need of the recipient's community or organization passed its deadline to be referred or answered. */
  'service_overdue',
  /** A task of a site's follow-up support plan passed its deadline unfinished. */
  'support_task_late',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const Notification = z.object({
  id: Id,
  kind: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  link: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type Notification = z.infer<typeof Notification>;

export const NotificationQuery = Paging.extend({
  unread: z.enum(['true', 'false']).optional(),
});
export type NotificationQuery = z.infer<typeof NotificationQuery>;

export const NotificationPage = z.object({
  items: z.array(Notification),
  total: z.number().int(),
  unread: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type NotificationPage = z.infer<typeof NotificationPage>;

/** Languages an outbound message (SMS, WeChat) may be written in. */
export const MESSAGE_LOCALES = ['zh-CN', 'en-US'] as const;
export type MessageLocale = (typeof MESSAGE_LOCALES)[number];

/**
 * How a person is told: the in-app bell always; the deployment's SMS or WeChat gateway (the webhook
 * channel) when they opt in and give a mobile number.
 */
export const NotificationPreferences = z.object({
  inApp: z.literal(true),
  webhook: z.boolean(),
  /** The number messages go to, masked (138****5678); null when none was given. */
  phoneMasked: z.string().nullable(),
  locale: z.enum(MESSAGE_LOCALES),
  /** Whether this deployment has a gateway; without one only the bell tells anyone anything. */
  webhookAvailable: z.boolean(),
  version: z.number().int(),
});
export type NotificationPreferences = z.infer<typeof NotificationPreferences>;

export const NotificationPreferencesUpdate = z.object({
  webhook: z.boolean(),
  /** A new number; left out keeps the one stored, an empty string removes it. */
  phone: z.string().trim().max(20).optional(),
  locale: z.enum(MESSAGE_LOCALES),
  version: Version,
});
export type NotificationPreferencesUpdate = z.infer<typeof NotificationPreferencesUpdate>;
