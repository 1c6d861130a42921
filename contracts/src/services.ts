import { z } from 'zod';
import { CreditCode } from './credit-code.ts';
import { Id, IdParam, IsoDay, pageOf, Paging, Version } from './common.ts';
import { DictionaryEntry } from './registry.ts';

/** Kinds of registered social organization: social group, private non-enterprise unit, foundation, community-level one on file. */
export const SOCIAL_ORG_KINDS = [
  'social_group',
  'private_non_enterprise',
  'foundation',
  'community_org',
] as const;
export type SocialOrgKind = (typeof SOCIAL_ORG_KINDS)[number];

/** The codes of the `service_category` dictionary, the service areas of organizations too. */
export const SERVICE_CATEGORIES = [
  'elder_care',
  'left_behind_children',
  'disability_rehabilitation',
  'adaptation',
  'legal_aid',
  'tutoring',
  'health',
  'employment',
  'other',
] as const;
export type ServiceCategory = (typeof SERVICE_CATEGORIES)[number];

/** Categories whose needs are read only by those working them, as are needs about a minor. */
export const SENSITIVE_CATEGORIES: readonly ServiceCategory[] = [
  'left_behind_children',
  'disability_rehabilitation',
  'health',
];

export const URGENCIES = ['low', 'normal', 'high', 'urgent'] as const;
export type Urgency = (typeof URGENCIES)[number];

export const NEED_STATUSES = ['open', 'referred', 'accepted', 'in_service', 'done', 'rated'] as const;
export type NeedStatus = (typeof NEED_STATUSES)[number];

export const NEED_ACTIONS = ['refer', 'accept', 'decline', 'start', 'finish', 'rate'] as const;
export type NeedAction = (typeof NEED_ACTIONS)[number];

/** What a resident may consent to share with a provider, beyond the category, urgency and community. */
export const CONSENT_SHARES = ['name', 'address', 'detail'] as const;
export type ConsentShare = (typeof CONSENT_SHARES)[number];

export const RESOURCE_KINDS = ['goods', 'money', 'venue', 'time'] as const;
export const DONOR_KINDS = ['enterprise', 'organization', 'department', 'individual'] as const;

const Count = z.number().int().min(0).max(100_000);

export const SocialOrgCreate = z.object({
  creditCode: CreditCode,
  name: z.string().trim().min(1).max(128),
  kind: z.enum(SOCIAL_ORG_KINDS),
  placeId: IdParam,
  serviceAreas: z.array(z.enum(SERVICE_CATEGORIES)).min(1).max(SERVICE_CATEGORIES.length),
  placesServed: z.array(IdParam).min(1).max(50),
  staffCount: Count,
  socialWorkerCount: Count,
  contactName: z.string().trim().max(64).default(''),
});
export type SocialOrgCreate = z.infer<typeof SocialOrgCreate>;
export type SocialOrgCreateInput = z.input<typeof SocialOrgCreate>;

export const SocialOrgUpdate = SocialOrgCreate.partial().extend({ version: Version });
export type SocialOrgUpdate = z.infer<typeof SocialOrgUpdate>;
export type SocialOrgUpdateInput = z.input<typeof SocialOrgUpdate>;

export const SocialOrg = z.object({
  id: Id,
  creditCode: z.string(),
  name: z.string(),
  kind: z.enum(SOCIAL_ORG_KINDS),
  placeId: Id,
  placeName: z.string(),
  serviceAreas: z.array(z.string()),
  placesServed: z.array(z.object({ id: Id, name: z.string() })),
  staffCount: z.number().int(),
  socialWorkerCount: z.number().int(),
  contactName: z.string(),
  version: z.number().int(),
});
export type SocialOrg = z.infer<typeof SocialOrg>;

export const SocialOrgQuery = Paging.extend({
  q: z.string().trim().max(64).optional(),
  category: z.enum(SERVICE_CATEGORIES).optional(),
});
export type SocialOrgQuery = z.infer<typeof SocialOrgQuery>;
export type SocialOrgQueryInput = z.input<typeof SocialOrgQuery>;

export const SocialOrgPage = pageOf(SocialOrg);
export type SocialOrgPage = z.infer<typeof SocialOrgPage>;

/** A need raised by an official for a household in scope (and one of its members), or by a resident for their own. */
export const NeedCreate = z.object({
  category: z.enum(SERVICE_CATEGORIES),
  urgency: z.enum(URGENCIES).default('normal'),
  summary: z.string().trim().min(1).max(200),
  detail: z.string().trim().max(2000).default(''),
  /** The household it concerns; a resident leaves it out (their own). */
  householdId: IdParam.optional(),
  personId: IdParam.nullable().default(null),
  /** What the resident consented to share with a provider; empty when they have not consented. */
  consentShares: z.array(z.enum(CONSENT_SHARES)).max(CONSENT_SHARES.length).default([]),
});
export type NeedCreate = z.infer<typeof NeedCreate>;
export type NeedCreateInput = z.input<typeof NeedCreate>;

/** One step of the workflow: the organization for `refer`, the stars and comment for `rate`. */
export const NeedStep = z.object({
  action: z.enum(NEED_ACTIONS),
  version: Version,
  orgId: IdParam.optional(),
  note: z.string().trim().max(500).default(''),
  rating: z.number().int().min(1).max(5).optional(),
});
export type NeedStep = z.infer<typeof NeedStep>;
export type NeedStepInput = z.input<typeof NeedStep>;

export const NeedEvent = z.object({
  action: z.string(),
  fromStatus: z.string().nullable(),
  toStatus: z.string(),
  actorName: z.string().nullable(),
  orgName: z.string().nullable(),
  note: z.string(),
  at: z.string(),
});
export type NeedEvent = z.infer<typeof NeedEvent>;

/** A need as its reader may see it: a provider gets the name, address and detail only when consented. */
export const Need = z.object({
  id: Id,
  category: z.string(),
  urgency: z.enum(URGENCIES),
  summary: z.string(),
  detail: z.string().nullable(),
  communityName: z.string(),
  householdId: Id.nullable(),
  personName: z.string().nullable(),
  address: z.string().nullable(),
  sensitive: z.boolean(),
  source: z.string(),
  consent: z.boolean(),
  consentShares: z.array(z.string()),
  status: z.enum(NEED_STATUSES),
  orgId: Id.nullable(),
  orgName: z.string().nullable(),
  dueAt: z.string(),
  overdue: z.boolean(),
  rating: z.number().int().nullable(),
  ratingComment: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  /** The steps the reader may take now. */
  actions: z.array(z.enum(NEED_ACTIONS)),
});
export type Need = z.infer<typeof Need>;

export const NeedDetail = Need.extend({ timeline: z.array(NeedEvent) });
export type NeedDetail = z.infer<typeof NeedDetail>;

export const NeedQuery = Paging.extend({
  status: z.enum(NEED_STATUSES).optional(),
  category: z.enum(SERVICE_CATEGORIES).optional(),
  urgency: z.enum(URGENCIES).optional(),
  overdue: z.enum(['true']).optional(),
});
export type NeedQuery = z.infer<typeof NeedQuery>;
export type NeedQueryInput = z.input<typeof NeedQuery>;

export const NeedPage = pageOf(Need);
export type NeedPage = z.infer<typeof NeedPage>;

export const ResourceCreate = z
  .object({
    kind: z.enum(RESOURCE_KINDS),
    name: z.string().trim().min(1).max(128),
    donorKind: z.enum(DONOR_KINDS),
    donorName: z.string().trim().min(1).max(128),
    quantity: z.number().int().min(1).max(100_000_000),
    unit: z.string().trim().min(1).max(16),
    availableFrom: IsoDay,
    availableTo: IsoDay.nullable().default(null),
    placeId: IdParam,
  })
  .refine((r) => r.availableTo === null || r.availableTo >= r.availableFrom, {
    path: ['availableTo'],
    message: 'must not be before the first day',
  });
export type ResourceCreate = z.infer<typeof ResourceCreate>;
export type ResourceCreateInput = z.input<typeof ResourceCreate>;

export const Resource = z.object({
  id: Id,
  kind: z.enum(RESOURCE_KINDS),
  name: z.string(),
  donorKind: z.enum(DONOR_KINDS),
  donorName: z.string(),
  quantity: z.number().int(),
  remaining: z.number().int(),
  unit: z.string(),
  availableFrom: z.string(),
  availableTo: z.string().nullable(),
  placeId: Id,
  placeName: z.string(),
});
export type Resource = z.infer<typeof Resource>;

export const ResourceQuery = Paging.extend({
  kind: z.enum(RESOURCE_KINDS).optional(),
  available: z.enum(['true']).optional(),
});
export type ResourceQuery = z.infer<typeof ResourceQuery>;
export type ResourceQueryInput = z.input<typeof ResourceQuery>;

export const ResourcePage = pageOf(Resource);
export type ResourcePage = z.infer<typeof ResourcePage>;

export const AllocationCreate = z.object({
  needId: IdParam,
  quantity: z.number().int().min(1).max(100_000_000),
});
export type AllocationCreate = z.infer<typeof AllocationCreate>;
export type AllocationCreateInput = z.input<typeof AllocationCreate>;

export const Allocation = z.object({
  id: Id,
  resourceId: Id,
  needId: Id,
  quantity: z.number().int(),
  remaining: z.number().int(),
});
export type Allocation = z.infer<typeof Allocation>;

/** The service categories with their labels. */
export const ServiceCategories = z.object({ categories: z.array(DictionaryEntry) });
export type ServiceCategories = z.infer<typeof ServiceCategories>;
