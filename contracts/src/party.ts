import { z } from 'zod';
import { Id } from './common.ts';

/** One level of the party organization tree and the place level it is bound to; configurable data. */
export const PartyLevel = z.object({
  depth: z.number().int(),
  placeLevel: z.string(),
  labelZh: z.string(),
  labelEn: z.string(),
});
export type PartyLevel = z.infer<typeof PartyLevel>;

export const PartyOrg = z.object({
  id: Id,
  parentId: Id.nullable(),
  depth: z.number().int(),
  labelZh: z.string(),
  labelEn: z.string(),
  name: z.string(),
  place: z.object({ id: Id, name: z.string(), level: z.string() }),
  members: z.array(z.object({ personId: Id, name: z.string() })),
});
export type PartyOrg = z.infer<typeof PartyOrg>;

export const PartyOrgCreate = z.object({
  placeId: Id,
  name: z.string().trim().min(1).max(100),
});

export const PartyMembersUpdate = z.object({ personIds: z.array(Id).max(200) });

export const LinkedHouseholdsUpdate = z.object({ householdIds: z.array(Id).max(100) });

export const HouseholdRef = z.object({
  id: Id,
  householdNo: z.string(),
  headName: z.string(),
  dwelling: z.string(),
});

export const LinkedHouseholds = z.object({
  orgId: Id,
  households: z.array(HouseholdRef),
  /** Fewer linked households than the norm's minimum (5 by default). */
  underMin: z.boolean(),
});

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
