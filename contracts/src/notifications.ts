import { z } from 'zod';
import { Id, Paging } from './common.ts';

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
