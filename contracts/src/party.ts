import { z } from 'zod';
import { Id, Version } from './common.ts';

/**
 * What an organization is under the party's rules: a primary committee (基层党委), a general branch
 * (党总支), a branch (党支部), a party group (党小组) or a party-member household (党员中心户).
 */
export const PARTY_ORG_KINDS = ['committee', 'general_branch', 'branch', 'group', 'household'] as const;
export type PartyOrgKind = (typeof PARTY_ORG_KINDS)[number];

/** One level of the party organization tree and the place level it is bound to; configurable data. */
export const PartyLevel = z.object({
  depth: z.number().int(),
  placeLevel: z.string(),
  labelZh: z.string(),
  labelEn: z.string(),
  kind: z.enum(PARTY_ORG_KINDS),
});
export type PartyLevel = z.infer<typeof PartyLevel>;

/**
 * Where an organization stands against the party's rules: too few full members (fewer than 3), a
 * branch large enough to become a general branch (over 50), or one from which a primary committee
 * may be set up (100 or more); each with the limit and the rule's source.
 */
export const PARTY_ORG_CHECKS = ['too_few_full_members', 'general_branch_due', 'committee_possible'] as const;
export const PartyOrgCheck = z.object({
  code: z.enum(PARTY_ORG_CHECKS),
  limit: z.number().int(),
  sourceZh: z.string(),
  sourceEn: z.string(),
});
export type PartyOrgCheck = z.infer<typeof PartyOrgCheck>;

export const PartyOrg = z.object({
  id: Id,
  parentId: Id.nullable(),
  depth: z.number().int(),
  labelZh: z.string(),
  labelEn: z.string(),
  kind: z.enum(PARTY_ORG_KINDS),
  name: z.string(),
  place: z.object({ id: Id, name: z.string(), level: z.string() }),
  members: z.array(z.object({ personId: Id, name: z.string(), probationary: z.boolean() })),
  /** Members of the organization and of those under it; full members leave out probationary ones. */
  memberCount: z.number().int(),
  fullMemberCount: z.number().int(),
  checks: z.array(PartyOrgCheck),
  version: z.number().int(),
});
export type PartyOrg = z.infer<typeof PartyOrg>;

export const PartyOrgCreate = z.object({
  placeId: Id,
  name: z.string().trim().min(1).max(100),
});
export type PartyOrgCreate = z.infer<typeof PartyOrgCreate>;

export const PartyOrgUpdate = z.object({ name: z.string().trim().min(1).max(100), version: Version });
export type PartyOrgUpdate = z.infer<typeof PartyOrgUpdate>;

/** Place levels a party level may be bound to, top down; the last level is always the dwelling. */
export const PARTY_PLACE_LEVELS = ['township', 'community', 'grid', 'building', 'dwelling'] as const;

/**
 * The party levels, top down: 3 to 5 of PARTY_PLACE_LEVELS in tree order, taking in the community
 * and ending at the dwelling (the party-member household); depth is the position.
 */
export const PartyLevelsUpdate = z.object({
  levels: z
    .array(
      z.object({
        placeLevel: z.enum(PARTY_PLACE_LEVELS),
        labelZh: z.string().trim().min(1).max(32),
        labelEn: z.string().trim().min(1).max(64),
        /** By default a committee on a township or community, a branch on a grid, a group on a building. */
        kind: z.enum(PARTY_ORG_KINDS).optional(),
      }),
    )
    .min(3)
    .max(5),
});
export type PartyLevelsUpdate = z.infer<typeof PartyLevelsUpdate>;

/** A party member living under an organization's place, and the organization they belong to. */
export const PartyCandidate = z.object({
  personId: Id,
  name: z.string(),
  dwelling: z.string(),
  orgId: Id.nullable(),
});
export type PartyCandidate = z.infer<typeof PartyCandidate>;

export const PartyMembersUpdate = z.object({
  personIds: z.array(Id).max(200),
  /** Those of `personIds` who are probationary members (预备党员). */
  probationaryIds: z.array(Id).max(200).default([]),
});
export type PartyMembersUpdate = z.infer<typeof PartyMembersUpdate>;

export const LinkedHouseholdsUpdate = z.object({ householdIds: z.array(Id).max(100) });
export type LinkedHouseholdsUpdate = z.infer<typeof LinkedHouseholdsUpdate>;

export const HouseholdRef = z.object({
  id: Id,
  householdNo: z.string(),
  headName: z.string(),
  dwelling: z.string(),
});
export type HouseholdRef = z.infer<typeof HouseholdRef>;

export const LinkedHouseholds = z.object({
  orgId: Id,
  households: z.array(HouseholdRef),
  /** Fewer linked households than the norm's minimum (5 by default). */
  underMin: z.boolean(),
});
export type LinkedHouseholds = z.infer<typeof LinkedHouseholds>;

/** Who looks after whom in a community, and the households nobody looks after. */
export const CareMap = z.object({
  norm: z.object({ min: z.number().int(), max: z.number().int() }),
  carers: z.array(
    z.object({
      orgId: Id,
      name: z.string(),
      household: HouseholdRef.nullable(),
      linked: z.array(HouseholdRef),
      underMin: z.boolean(),
    }),
  ),
  unlooked: z.array(HouseholdRef),
  unlookedTotal: z.number().int(),
});
export type CareMap = z.infer<typeof CareMap>;
