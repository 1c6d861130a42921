import { z } from 'zod';
import { Id, Paging } from './common.ts';

const IsoDate = z.string().date();

export const VisitCreate = z.object({
  householdId: Id,
  visitedOn: IsoDate,
  /** A code of the visit_kind dictionary. */
  kind: z.string().regex(/^[a-z_]{1,32}$/),
  findings: z.string().trim().max(4000).default(''),
  followUps: z.string().trim().max(2000).default(''),
  /** The finding should become an incident; the incidents module picks these up. */
  becomesIncident: z.boolean().default(false),
});
export type VisitCreate = z.infer<typeof VisitCreate>;

export const Visit = z.object({
  id: Id,
  householdId: Id,
  householdNo: z.string(),
  headName: z.string(),
  gridId: Id,
  visitorName: z.string(),
  visitedOn: z.string(),
  kind: z.string(),
  findings: z.string(),
  followUps: z.string(),
  becomesIncident: z.boolean(),
  incidentId: Id.nullable(),
  photoIds: z.array(Id),
  createdAt: z.string(),
});
export type Visit = z.infer<typeof Visit>;

export const VisitQuery = Paging.extend({
  householdId: Id.optional(),
  gridId: Id.optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
});

export const VisitPhoto = z.object({ id: Id, contentType: z.string(), bytes: z.number().int() });

/** A visit plan: households with a member tagged `tag` (null: all others) are due every `intervalMonths`. */
export const VisitPlan = z.object({ tag: z.string().nullable(), intervalMonths: z.number().int() });

export const CoverageQuery = z.object({ communityId: Id, from: IsoDate, to: IsoDate });

export const CoverageRow = z.object({
  id: Id,
  name: z.string(),
  due: z.number().int(),
  visited: z.number().int(),
  /** visited ÷ due, null when nothing was due. */
  rate: z.number().nullable(),
});

export const Coverage = z.object({
  from: z.string(),
  to: z.string(),
  grids: z.array(CoverageRow),
  workers: z.array(CoverageRow),
});
