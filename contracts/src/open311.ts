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

export const OPEN311_DATATYPES = [
  'string',
  'number',
  'datetime',
  'text',
  'singlevaluelist',
  'multivaluelist',
] as const;
/** The most attributes one service asks, so a client's form stays answerable. */
export const MAX_OPEN311_ATTRIBUTES = 30;
const LISTS: readonly string[] = ['singlevaluelist', 'multivaluelist'];

/** One question a service asks (a GeoReport v2 attribute); its order is its place in the list. */
export const Open311Attribute = z
  .object({
    code: z.string().regex(/^[A-Za-z0-9_-]{1,32}$/),
    datatype: z.enum(OPEN311_DATATYPES),
    description: z.string().trim().min(1).max(200),
    required: z.boolean(),
    datatype_description: z.string().trim().max(200).nullable(),
    values: z
      .array(
        z.object({ key: z.string().regex(/^[A-Za-z0-9_-]{1,32}$/), name: z.string().trim().min(1).max(64) }),
      )
      .max(50),
  })
  .superRefine((a, ctx) => {
    const list = LISTS.includes(a.datatype);
    if (list && a.values.length === 0)
      ctx.addIssue({ code: 'custom', path: ['values'], message: 'a list needs values' });
    if (!list && a.values.length > 0)
      ctx.addIssue({ code: 'custom', path: ['values'], message: 'only lists take values' });
    const seen = new Set<string>();
    a.values.forEach((v, i) => {
      if (seen.has(v.key))
        ctx.addIssue({ code: 'custom', path: ['values', i, 'key'], message: 'used twice' });
      seen.add(v.key);
    });
  });
export type Open311Attribute = z.infer<typeof Open311Attribute>;

const AttributeList = z
  .array(Open311Attribute)
  .max(MAX_OPEN311_ATTRIBUTES)
  .superRefine((list, ctx) => {
    const seen = new Set<string>();
    list.forEach((a, i) => {
      if (seen.has(a.code)) ctx.addIssue({ code: 'custom', path: [i, 'code'], message: 'used twice' });
      seen.add(a.code);
    });
  });

/** A category's attributes as Open311 lists it, at a version that changes with their content. */
export const Open311Service = z.object({
  code: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  attributes: z.array(Open311Attribute),
  version: z.string(),
  /** The region whose attributes these are, which a save makes the caller's own; null for the national ones. */
  regionId: z.string().nullable(),
  region: z.string().nullable(),
});
export type Open311Service = z.infer<typeof Open311Service>;

/** New attributes of a category, replacing all of them, at the version they were read at. */
export const Open311AttributesSet = z.object({ attributes: AttributeList, version: z.string().max(64) });
export type Open311AttributesSet = z.infer<typeof Open311AttributesSet>;

export const Open311CodeParams = z.object({ code: z.string().regex(/^[A-Za-z0-9_-]{1,32}$/) });
export type Open311CodeParams = z.infer<typeof Open311CodeParams>;
