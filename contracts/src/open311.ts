import { z } from 'zod';
import { Id } from './common.ts';

/** A key a system (a county's 12345 hotline…) uses to report and read incidents over Open311. */
export const Open311Key = z.object({
  id: Id,
  name: z.string(),
  place: z.object({ id: Id, name: z.string(), level: z.string() }),
  createdAt: z.string(),
  revokedAt: z.string().nullable(),
});
export type Open311Key = z.infer<typeof Open311Key>;

export const Open311KeyCreate = z.object({
  name: z.string().trim().min(2).max(48),
  /** The place the key may report and read in. */
  placeId: Id,
});
export type Open311KeyCreate = z.infer<typeof Open311KeyCreate>;

/** The new key in plain text: shown this once, only its hash is kept. */
export const Open311KeyCreated = Open311Key.extend({ key: z.string() });
export type Open311KeyCreated = z.infer<typeof Open311KeyCreated>;

/** Whether an incident is in Open311's keyless public feed, and with its description. */
export const Open311Publication = z.object({
  id: Id,
  publicFeed: z.boolean(),
  publicDescription: z.boolean(),
  version: z.number().int(),
});
export type Open311Publication = z.infer<typeof Open311Publication>;

/** An official's decision on the public feed, at the incident's version. */
export const Open311PublicationSet = Open311Publication.omit({ id: true });
export type Open311PublicationSet = z.infer<typeof Open311PublicationSet>;
