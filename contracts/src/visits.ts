import { z } from 'zod';
import { Id, IdParam, IsoDay as IsoDate, pageOf, Paging, Version } from './common.ts';
import { LABOUR_CAPACITIES, POVERTY_STATUSES } from './registry-codes.ts';

export const VisitCreate = z.object({
  householdId: Id,
  visitedOn: IsoDate,
  /** A code of the visit_kind dictionary. */
  kind: z.string().regex(/^[a-z_]{1,32}$/),
  findings: z.string().trim().max(4000).default(''),
  followUps: z.string().trim().max(2000).default(''),
  /** The finding is meant to become an incident (done in one step by POST /api/visits/:id/incident). */
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
export type VisitQuery = z.infer<typeof VisitQuery>;

export const VisitPhoto = z.object({ id: Id, contentType: z.string(), bytes: z.number().int() });
export type VisitPhoto = z.infer<typeof VisitPhoto>;

const PlanFields = z.object({
  name: z.string().trim().min(2).max(64),
  /** A code of the person_tag dictionary a living member carries; null: any. */
  tag: z
    .string()
    .regex(/^[a-z_]{1,32}$/)
    .nullable()
    .default(null),
  povertyStatus: z.enum(POVERTY_STATUSES).nullable().default(null),
  /** A living member of this labour capacity; null: any. */
  labourCapacity: z.enum(LABOUR_CAPACITIES).nullable().default(null),
  intervalDays: z.number().int().min(1).max(366),
});

/** A visit plan of a community: households matching every criterion set are due every `intervalDays`. */
export const VisitPlan = PlanFields.extend({ id: Id, communityId: Id.nullable(), version: z.number().int() });
export type VisitPlan = z.infer<typeof VisitPlan>;

export const VisitPlanCreate = PlanFields.extend({ communityId: Id });
export type VisitPlanCreate = z.infer<typeof VisitPlanCreate>;
export const VisitPlanUpdate = PlanFields.extend({ version: Version });
export type VisitPlanUpdate = z.infer<typeof VisitPlanUpdate>;
export const VisitPlanDelete = z.object({ version: z.coerce.number().pipe(Version) });
export type VisitPlanDelete = z.infer<typeof VisitPlanDelete>;

/** The community whose plans are asked for. */
export const VisitPlansQuery = z.object({ communityId: IdParam });
export type VisitPlansQuery = z.infer<typeof VisitPlansQuery>;
/** What a client sends as `VisitPlansQuery`. */
export type VisitPlansQueryInput = z.input<typeof VisitPlansQuery>;
/** A community's plans; `inherited` when it has none of its own and follows the default plans. */
export const VisitPlans = z.object({ communityId: Id, inherited: z.boolean(), plans: z.array(VisitPlan) });
export type VisitPlans = z.infer<typeof VisitPlans>;

/** Turns a visit's finding into an incident; title and description default to the finding. */
export const VisitIncidentCreate = z.object({
  categoryCode: z.string().regex(/^[a-z_]{1,32}$/),
  title: z.string().trim().min(2).max(100).optional(),
  description: z.string().trim().max(2000).optional(),
});
export type VisitIncidentCreate = z.infer<typeof VisitIncidentCreate>;

export const VisitIncident = z.object({
  visit: Visit,
  incident: z.object({ id: Id, code: z.string(), title: z.string(), status: z.string() }),
});
export type VisitIncident = z.infer<typeof VisitIncident>;

export const DUE_STATUSES = ['overdue', 'due'] as const;

export const DueQuery = Paging.extend({
  /** One grid; grid workers see their own grids without it. */
  gridId: Id.optional(),
  communityId: Id.optional(),
  status: z.enum(DUE_STATUSES).optional(),
  /** The day it is computed for (default today). */
  on: IsoDate.optional(),
  /** Households falling due within this many days count as due. */
  within: z.coerce.number().int().min(0).max(60).default(7),
});
export type DueQuery = z.infer<typeof DueQuery>;

export const DueHousehold = z.object({
  householdId: Id,
  householdNo: z.string(),
  headName: z.string(),
  dwellingName: z.string().nullable(),
  gridId: Id,
  gridName: z.string(),
  planName: z.string(),
  intervalDays: z.number().int(),
  lastVisitedOn: z.string().nullable(),
  /** Last visit + interval; null when never visited. */
  dueOn: z.string().nullable(),
  status: z.enum(DUE_STATUSES),
});
export type DueHousehold = z.infer<typeof DueHousehold>;

export const DueList = pageOf(DueHousehold).extend({ on: z.string(), overdue: z.number().int() });
export type DueList = z.infer<typeof DueList>;

export const CoverageQuery = z.object({ communityId: Id, from: IsoDate, to: IsoDate });
export type CoverageQuery = z.infer<typeof CoverageQuery>;

export const CoverageRow = z.object({
  id: Id,
  name: z.string(),
  due: z.number().int(),
  visited: z.number().int(),
  /** visited ÷ due, null when nothing was due. */
  rate: z.number().nullable(),
});
export type CoverageRow = z.infer<typeof CoverageRow>;

export const Coverage = z.object({
  from: z.string(),
  to: z.string(),
  grids: z.array(CoverageRow),
  workers: z.array(CoverageRow),
});
export type Coverage = z.infer<typeof Coverage>;
