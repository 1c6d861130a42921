import { z } from 'zod';
import { Id, IdParam, IsoDay, IsoInstant, Version } from './common.ts';
import { Fen, FUND_CATEGORIES, FUND_DIRECTIONS } from './funds.ts';

/** Codes of the `disclosure_kind` dictionary; finance follows a monthly schedule, the rest a quarterly one. */
export const DISCLOSURE_KINDS = [
  'party_affairs',
  'community_affairs',
  'finance',
  'subsidy_list',
  'monitoring_result',
] as const;
export type DisclosureKind = (typeof DISCLOSURE_KINDS)[number];

export const DISCLOSURE_STATUSES = ['draft', 'approved', 'published'] as const;

/** A month `YYYY-MM` (finance) or a quarter `YYYY-Qn` (everything else). */
export const DisclosurePeriod = z
  .string()
  .regex(/^(19|20)[0-9]{2}-(0[1-9]|1[0-2]|Q[1-4])$/, 'must be YYYY-MM or YYYY-Qn');
export type DisclosurePeriod = z.infer<typeof DisclosurePeriod>;

/**
 * A row of a name list as it may be shown: the masked name, household size and amount, nothing else.
 * The server masks the name it is given and keeps only the masked form.
 */
export const DisclosureNameRow = z.strictObject({
  name: z.string().trim().min(1).max(32),
  householdSize: z.number().int().min(1).max(30),
  amountFen: z.number().int().min(0).max(100_000_000),
});
export type DisclosureNameRow = z.infer<typeof DisclosureNameRow>;

export const DisclosureCreate = z
  .object({
    placeId: IdParam,
    kind: z.enum(DISCLOSURE_KINDS),
    period: DisclosurePeriod,
    title: z.string().trim().min(1).max(200),
    text: z.string().trim().max(5000).default(''),
    names: z.array(DisclosureNameRow).max(10_000).default([]),
  })
  .strict();
export type DisclosureCreate = z.infer<typeof DisclosureCreate>;
export type DisclosureCreateInput = z.input<typeof DisclosureCreate>;

export const DisclosureContent = z.object({
  text: z.string(),
  finance: z
    .object({
      accounts: z.array(
        z.object({ name: z.string(), openingFen: Fen, incomeFen: Fen, expenseFen: Fen, closingFen: Fen }),
      ),
      entries: z.array(
        z.object({
          occurredOn: IsoDay,
          summary: z.string(),
          direction: z.enum(FUND_DIRECTIONS),
          category: z.enum(FUND_CATEGORIES),
          amountFen: Fen,
        }),
      ),
    })
    .nullable(),
  names: z.array(z.object({ maskedName: z.string(), householdSize: z.number().int(), amountFen: Fen })),
});
export type DisclosureContent = z.infer<typeof DisclosureContent>;

export const Disclosure = z.object({
  id: Id,
  placeId: Id,
  placeName: z.string(),
  /** The community's code: its public page is `/open/<code>`. */
  placeCode: z.string().nullable(),
  kind: z.enum(DISCLOSURE_KINDS),
  period: z.string(),
  title: z.string(),
  content: DisclosureContent,
  status: z.enum(DISCLOSURE_STATUSES),
  dueOn: IsoDay,
  late: z.boolean(),
  publishedAt: IsoInstant.nullable(),
  hash: z.string().nullable(),
  supersedesId: Id.nullable(),
  draftedBy: z.string(),
  approvedBy: z.string().nullable(),
  actions: z.array(z.enum(['approve', 'publish', 'correct'])),
  version: Version,
});
export type Disclosure = z.infer<typeof Disclosure>;

export const DisclosureQuery = z.object({ placeId: IdParam.optional() });
export type DisclosureQuery = z.infer<typeof DisclosureQuery>;

export const DisclosureStep = z.object({ action: z.enum(['approve', 'publish']), version: Version });
export type DisclosureStep = z.infer<typeof DisclosureStep>;

/** An item a community owes for a period: when it is due and whether it was published in time. */
export const DisclosureDue = z.object({
  placeId: Id,
  placeName: z.string(),
  kind: z.enum(DISCLOSURE_KINDS),
  period: z.string(),
  dueOn: IsoDay,
  publishedAt: IsoInstant.nullable(),
  late: z.boolean(),
});
export type DisclosureDue = z.infer<typeof DisclosureDue>;

export const PublicDisclosureItem = z.object({
  id: Id,
  kind: z.enum(DISCLOSURE_KINDS),
  period: z.string(),
  title: z.string(),
  content: DisclosureContent,
  publishedAt: IsoInstant,
  hash: z.string(),
  /** A later version replaced it; it stays in the archive. */
  superseded: z.boolean(),
});
export type PublicDisclosureItem = z.infer<typeof PublicDisclosureItem>;

export const PublicDisclosures = z.object({
  community: z.object({ code: z.string(), name: z.string() }),
  items: z.array(PublicDisclosureItem),
});
export type PublicDisclosures = z.infer<typeof PublicDisclosures>;

export const CommunityCodeParams = z.object({ code: z.string().regex(/^[0-9A-Za-z_-]{1,40}$/) });
export type CommunityCodeParams = z.infer<typeof CommunityCodeParams>;
