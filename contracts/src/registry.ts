import { z } from 'zod';
import { Id, IsoDay as IsoDate, Paging, Version } from './common.ts';
import {
  EDUCATION_LEVELS,
  ETHNIC_CODES,
  HEALTH_STATUSES,
  HOUSEHOLD_STATUSES,
  LABOUR_CAPACITIES,
  LIFE_EVENTS,
  PERSON_STATUSES,
  POVERTY_STATUSES,
  RELATIONS,
  RESETTLEMENT_TYPES,
  SEXES,
} from './registry-codes.ts';

const PersonName = z
  .string()
  .trim()
  .min(1)
  .max(32)
  .regex(/^[\p{L}\p{M}·•. -]+$/u, 'letters only');
const TagCodes = z.array(z.string().regex(/^[a-z_]{1,32}$/)).max(20);

/** Which side of the dual jurisdiction the caller sees a record from. */
export const JURISDICTION_SIDES = ['residence', 'hukou', 'both'] as const;

const PlaceRef = z.object({ id: Id, name: z.string(), path: z.string() });

export const Person = z.object({
  id: Id,
  householdId: Id,
  relation: z.enum(RELATIONS),
  name: z.string(),
  idNumber: z.string().describe('masked unless revealed'),
  sex: z.enum(SEXES),
  birthDate: z.string().describe('YYYY-MM-DD with person:reveal, else the year alone'),
  age: z.number().int(),
  ethnicity: z.string(),
  phone: z.string().nullable().describe('masked'),
  education: z.enum(EDUCATION_LEVELS).nullable(),
  /** Omitted for callers without person:health. */
  health: z.enum(HEALTH_STATUSES).optional(),
  disabilityGrade: z.number().int().nullable().optional(),
  labourCapacity: z.enum(LABOUR_CAPACITIES),
  tags: z.array(z.string()),
  partyMember: z.boolean(),
  hukou: PlaceRef,
  residence: PlaceRef,
  side: z.enum(JURISDICTION_SIDES),
  status: z.enum(PERSON_STATUSES),
  version: z.number().int(),
});
export type Person = z.infer<typeof Person>;

export const Household = z.object({
  id: Id,
  householdNo: z.string(),
  headName: z.string(),
  memberCount: z.number().int(),
  residence: PlaceRef,
  dwelling: PlaceRef.nullable(),
  originVillage: PlaceRef.nullable(),
  relocationYear: z.number().int().nullable(),
  resettlementType: z.enum(RESETTLEMENT_TYPES),
  povertyStatus: z.enum(POVERTY_STATUSES),
  status: z.enum(HOUSEHOLD_STATUSES),
  side: z.enum(JURISDICTION_SIDES),
  version: z.number().int(),
});
export type Household = z.infer<typeof Household>;

export const HouseholdDetail = Household.extend({ members: z.array(Person) });
export type HouseholdDetail = z.infer<typeof HouseholdDetail>;

export const PersonInput = z.object({
  name: PersonName,
  idNumber: z.string().trim().min(15).max(18),
  relation: z.enum(RELATIONS),
  ethnicity: z.enum(ETHNIC_CODES).default('01'),
  phone: z.string().trim().max(20).optional(),
  education: z.enum(EDUCATION_LEVELS).optional(),
  health: z.enum(HEALTH_STATUSES).default('healthy'),
  disabilityGrade: z.number().int().min(1).max(4).nullable().optional(),
  labourCapacity: z.enum(LABOUR_CAPACITIES),
  tags: TagCodes.default([]),
  partyMember: z.boolean().default(false),
  /** Where the household registration is: the origin village or the resettlement community. */
  hukouPlaceId: Id,
});
export type PersonInput = z.infer<typeof PersonInput>;

export const HouseholdCreate = z.object({
  dwellingId: Id,
  originVillageId: Id.optional(),
  relocationYear: z.number().int().min(2000).max(2100).optional(),
  resettlementType: z.enum(RESETTLEMENT_TYPES),
  povertyStatus: z.enum(POVERTY_STATUSES),
  members: z.array(PersonInput).min(1).max(30),
});
export type HouseholdCreate = z.infer<typeof HouseholdCreate>;

export const HouseholdUpdate = z.object({
  relocationYear: z.number().int().min(2000).max(2100).nullable().optional(),
  resettlementType: z.enum(RESETTLEMENT_TYPES).optional(),
  povertyStatus: z.enum(POVERTY_STATUSES).optional(),
  version: Version,
});
export type HouseholdUpdate = z.infer<typeof HouseholdUpdate>;

/** What an edit names, and nothing else: no default may stand in for a field left out. */
export const PersonUpdate = PersonInput.omit({ idNumber: true, relation: true })
  .partial()
  .extend({
    relation: z.enum(RELATIONS).optional(),
    ethnicity: z.enum(ETHNIC_CODES).optional(),
    health: z.enum(HEALTH_STATUSES).optional(),
    tags: TagCodes.optional(),
    partyMember: z.boolean().optional(),
    version: Version,
  });
export type PersonUpdate = z.infer<typeof PersonUpdate>;

export const LifeEventInput = z.object({
  event: z.enum(LIFE_EVENTS),
  date: IsoDate,
  note: z.string().trim().max(500).optional(),
  /** birth and move_in: the new member. */
  person: PersonInput.optional(),
  /** death, move_out, marriage, split: the member concerned. */
  personId: Id.optional(),
  /** split: the members leaving for a new household in `dwellingId`; change_dwelling: the new dwelling. */
  personIds: z.array(Id).max(30).optional(),
  dwellingId: Id.optional(),
  /** merge: the household absorbed into this one. */
  otherHouseholdId: Id.optional(),
  version: Version,
});
export type LifeEventInput = z.infer<typeof LifeEventInput>;

export const HistoryEntry = z.object({
  id: Id,
  event: z.string(),
  personId: Id.nullable(),
  version: z.number().int(),
  changes: z.record(z.string(), z.unknown()),
  note: z.string().nullable(),
  eventDate: z.string().nullable(),
  actorName: z.string().nullable(),
  at: z.string(),
});
export type HistoryEntry = z.infer<typeof HistoryEntry>;

export const PERSON_SORTS = ['name', 'age', 'household', 'updated'] as const;

export const PersonQuery = Paging.extend({
  under: Id.optional(),
  q: z.string().trim().max(32).optional().describe('name, pinyin initials, or building-room such as 3-502'),
  phoneTail: z
    .string()
    .trim()
    .regex(/^\d{4}$/, 'the last 4 digits of the phone number')
    .optional()
    .describe('shown in the masked phone number, so it may travel in the address'),
  tags: z
    .string()
    .max(400)
    .optional()
    .transform((s) => (s ? s.split(',') : undefined)),
  labour: z.enum(LABOUR_CAPACITIES).optional(),
  sex: z.enum(SEXES).optional(),
  status: z.enum(PERSON_STATUSES).default('living'),
  ageMin: z.coerce.number().int().min(0).max(130).optional(),
  ageMax: z.coerce.number().int().min(0).max(130).optional(),
  side: z.enum(['residence', 'hukou']).optional(),
  sort: z.enum(PERSON_SORTS).default('household'),
  order: z.enum(['asc', 'desc']).default('asc'),
});
export type PersonQuery = z.infer<typeof PersonQuery>;

/**
 * The person list found by a whole ID or phone number, sent in a POST body so that the number never
 * sits in an address, a request log or a saved filter; the other filters as in `PersonQuery`.
 */
export const PersonSearch = PersonQuery.extend({
  idNumber: z.string().trim().min(15).max(18).optional(),
  phone: z.string().trim().min(7).max(20).optional(),
}).refine((s) => s.idNumber !== undefined || s.phone !== undefined, {
  message: 'give the ID number or the phone number',
  path: ['idNumber'],
});
export type PersonSearch = z.infer<typeof PersonSearch>;

export const HouseholdQuery = Paging.extend({
  under: Id.optional(),
  q: z.string().trim().max(32).optional(),
  povertyStatus: z.enum(POVERTY_STATUSES).optional(),
  status: z.enum(HOUSEHOLD_STATUSES).default('active'),
});
export type HouseholdQuery = z.infer<typeof HouseholdQuery>;

export const RevealRequest = z.object({ field: z.enum(['idNumber', 'phone']) });
export type RevealRequest = z.infer<typeof RevealRequest>;
export const RevealResponse = z.object({
  field: z.enum(['idNumber', 'phone']),
  value: z.string().nullable(),
});
export type RevealResponse = z.infer<typeof RevealResponse>;

export const DictionaryEntry = z.object({
  kind: z.string(),
  code: z.string(),
  labelZh: z.string(),
  labelEn: z.string(),
});
export type DictionaryEntry = z.infer<typeof DictionaryEntry>;

export const SavedFilter = z.object({
  id: Id,
  list: z.string(),
  name: z.string(),
  params: z.record(z.string(), z.string()),
});
export type SavedFilter = z.infer<typeof SavedFilter>;
export const SavedFilterCreate = z.object({
  list: z.enum(['persons', 'households']),
  name: z.string().trim().min(1).max(64),
  params: z
    .record(z.string().max(32), z.string().max(400))
    .refine((p) => Object.keys(p).length <= 30, 'at most 30 conditions')
    .refine(
      (p) => !Object.entries(p).some(([k, v]) => k === 'idNumber' || k === 'phone' || /\d{7}/.test(v)),
      'ID and phone numbers are never saved in a filter',
    ),
});
export type SavedFilterCreate = z.infer<typeof SavedFilterCreate>;

export const DutyAssignment = z.object({
  duty: z.string().regex(/^[a-z_]{1,32}$/),
  side: z.enum(['residence', 'hukou']),
  note: z.string().trim().max(200).nullable().optional(),
});
export type DutyAssignment = z.infer<typeof DutyAssignment>;
