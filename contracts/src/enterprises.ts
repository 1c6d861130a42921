import { z } from 'zod';
import { CreditCode } from './credit-code.ts';
import { Id, IdParam, pageOf, Paging, Version } from './common.ts';
import { normalisePhone } from './id-number.ts';
import { DictionaryEntry } from './registry.ts';

/** Kinds of market entity in the register: company, farmers' cooperative, individual business, … */
export const ENTERPRISE_KINDS = [
  'company',
  'farmer_cooperative',
  'individual_business',
  'social_organization',
  'other',
] as const;
export type EnterpriseKind = (typeof ENTERPRISE_KINDS)[number];

const Phone = z
  .string()
  .trim()
  .max(20)
  .refine((s) => normalisePhone(s) !== null, 'not a phone number');

const WorkshopType = z.string().regex(/^[a-z_]{1,32}$/, 'not a workshop type');

const Fields = {
  creditCode: CreditCode,
  name: z.string().trim().min(1).max(128),
  kind: z.enum(ENTERPRISE_KINDS),
  placeId: IdParam,
  address: z.string().trim().max(200).default(''),
  contactName: z.string().trim().max(64).default(''),
  /** The workshop type of a workshop (帮扶车间), null for any other enterprise. */
  workshopType: WorkshopType.nullable().default(null),
};

export const EnterpriseCreate = z.object({
  ...Fields,
  contactPhone: Phone.nullable().default(null),
});
export type EnterpriseCreate = z.infer<typeof EnterpriseCreate>;
export type EnterpriseCreateInput = z.input<typeof EnterpriseCreate>;

/** A change from the version read; a phone left out stays as it is, null removes it. */
export const EnterpriseUpdate = z.object({
  creditCode: Fields.creditCode.optional(),
  name: Fields.name.optional(),
  kind: Fields.kind.optional(),
  placeId: IdParam.optional(),
  address: z.string().trim().max(200).optional(),
  contactName: z.string().trim().max(64).optional(),
  contactPhone: Phone.nullable().optional(),
  workshopType: WorkshopType.nullable().optional(),
  version: Version,
});
export type EnterpriseUpdate = z.infer<typeof EnterpriseUpdate>;
export type EnterpriseUpdateInput = z.input<typeof EnterpriseUpdate>;

/**
 * A workshop's standing against the recognition criterion: `employed` counts the relocated or formerly
 * poor people holding a current employment record linked to it, each once; `recognised` when that
 * reaches `minimumEmployed`, which makes it eligible for the workshop subsidy.
 */
export const WorkshopStanding = z.object({
  type: z.string(),
  minimumEmployed: z.number().int(),
  employed: z.number().int(),
  recognised: z.boolean(),
});
export type WorkshopStanding = z.infer<typeof WorkshopStanding>;

export const Enterprise = z.object({
  id: Id,
  creditCode: z.string(),
  name: z.string(),
  kind: z.enum(ENTERPRISE_KINDS),
  placeId: Id,
  placeName: z.string(),
  address: z.string(),
  contactName: z.string(),
  contactPhone: z.string().nullable().describe('masked'),
  workshop: WorkshopStanding.nullable(),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type Enterprise = z.infer<typeof Enterprise>;

export const EnterpriseQuery = Paging.extend({
  q: z.string().trim().max(64).optional(),
  kind: z.enum(ENTERPRISE_KINDS).optional(),
  /** `any` for every workshop, `none` for enterprises that are not, else one workshop type. */
  workshop: z.union([z.enum(['any', 'none']), WorkshopType]).optional(),
  placeId: IdParam.optional(),
});
export type EnterpriseQuery = z.infer<typeof EnterpriseQuery>;
export type EnterpriseQueryInput = z.input<typeof EnterpriseQuery>;

export const EnterprisePage = pageOf(Enterprise);
export type EnterprisePage = z.infer<typeof EnterprisePage>;

/** The workshop types and the recognition criterion, with the rule it follows. */
export const WorkshopTypes = z.object({
  types: z.array(DictionaryEntry),
  minimumEmployed: z.number().int(),
  sourceZh: z.string(),
  sourceEn: z.string(),
});
export type WorkshopTypes = z.infer<typeof WorkshopTypes>;
