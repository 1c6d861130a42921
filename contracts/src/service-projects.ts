import { z } from 'zod';
import { Id, IdParam, IsoDay, pageOf, Paging, Version } from './common.ts';
import { Resource, SERVICE_CATEGORIES, SOCIAL_ORG_KINDS } from './services.ts';

/** A service purchased by a department (政府购买服务) or a charity project (公益项目). */
export const SERVICE_PROJECT_KINDS = ['purchased', 'charity'] as const;
export type ServiceProjectKind = (typeof SERVICE_PROJECT_KINDS)[number];

export const SERVICE_PROJECT_STATUSES = ['active', 'evaluated'] as const;
export type ServiceProjectStatus = (typeof SERVICE_PROJECT_STATUSES)[number];

/** Grades of the final evaluation. */
export const EVALUATION_GRADES = ['excellent', 'good', 'pass', 'fail'] as const;
export type EvaluationGrade = (typeof EVALUATION_GRADES)[number];

const Yuan = z.number().int().min(0).max(1_000_000_000);

export const MilestoneCreate = z.object({
  title: z.string().trim().min(1).max(128),
  dueOn: IsoDay,
});
export type MilestoneCreate = z.infer<typeof MilestoneCreate>;

export const ServiceProjectCreate = z
  .object({
    name: z.string().trim().min(1).max(128),
    kind: z.enum(SERVICE_PROJECT_KINDS),
    category: z.enum(SERVICE_CATEGORIES),
    ownerDepartment: z.string().trim().min(1).max(128),
    placeId: IdParam,
    orgId: IdParam,
    budget: Yuan,
    startsOn: IsoDay,
    endsOn: IsoDay,
    summary: z.string().trim().max(2000).default(''),
    milestones: z.array(MilestoneCreate).max(50).default([]),
    needIds: z.array(IdParam).max(500).default([]),
  })
  .refine((p) => p.endsOn >= p.startsOn, { path: ['endsOn'], message: 'must not be before the first day' });
export type ServiceProjectCreate = z.infer<typeof ServiceProjectCreate>;
export type ServiceProjectCreateInput = z.input<typeof ServiceProjectCreate>;

/** Adds people served: the households of needs, or households directly. */
export const ServiceProjectServedAdd = z
  .object({
    needIds: z.array(IdParam).max(500).default([]),
    householdIds: z.array(IdParam).max(500).default([]),
  })
  .refine((s) => s.needIds.length + s.householdIds.length > 0, {
    path: ['needIds'],
    message: 'name a need or a household',
  });
export type ServiceProjectServedAdd = z.infer<typeof ServiceProjectServedAdd>;
export type ServiceProjectServedAddInput = z.input<typeof ServiceProjectServedAdd>;

export const MilestoneDone = z.object({ version: Version, doneOn: IsoDay });
export type MilestoneDone = z.infer<typeof MilestoneDone>;

export const ProgressReportCreate = z.object({
  note: z.string().trim().min(1).max(2000),
  spent: Yuan.default(0),
  milestoneId: IdParam.nullable().default(null),
});
export type ProgressReportCreate = z.infer<typeof ProgressReportCreate>;
export type ProgressReportCreateInput = z.input<typeof ProgressReportCreate>;

export const ServiceProjectRatingCreate = z.object({
  rating: z.number().int().min(1).max(5),
  comment: z.string().trim().max(500).default(''),
});
export type ServiceProjectRatingCreate = z.infer<typeof ServiceProjectRatingCreate>;
export type ServiceProjectRatingCreateInput = z.input<typeof ServiceProjectRatingCreate>;

export const ServiceProjectComplaintCreate = z.object({ summary: z.string().trim().min(1).max(500) });
export type ServiceProjectComplaintCreate = z.infer<typeof ServiceProjectComplaintCreate>;

export const ServiceProjectEvaluation = z.object({
  version: Version,
  grade: z.enum(EVALUATION_GRADES),
  evaluation: z.string().trim().min(1).max(2000),
});
export type ServiceProjectEvaluation = z.infer<typeof ServiceProjectEvaluation>;

export const ServiceProjectSummary = z.object({
  id: Id,
  name: z.string(),
  kind: z.enum(SERVICE_PROJECT_KINDS),
  category: z.string(),
  ownerDepartment: z.string(),
  placeId: Id,
  placeName: z.string(),
  orgId: Id,
  orgName: z.string(),
  budget: z.number().int(),
  spent: z.number().int(),
  startsOn: z.string(),
  endsOn: z.string(),
  status: z.enum(SERVICE_PROJECT_STATUSES),
  servedCount: z.number().int(),
  milestonesDone: z.number().int(),
  milestonesTotal: z.number().int(),
  milestonesLate: z.number().int(),
  ratingAvg: z.number().nullable(),
  ratingCount: z.number().int(),
  version: z.number().int(),
});
export type ServiceProjectSummary = z.infer<typeof ServiceProjectSummary>;

export const Milestone = z.object({
  id: Id,
  title: z.string(),
  dueOn: z.string(),
  doneOn: z.string().nullable(),
  /** Reached after its day, or not reached and its day passed. */
  late: z.boolean(),
  version: z.number().int(),
});
export type Milestone = z.infer<typeof Milestone>;

export const ProgressReport = z.object({
  id: Id,
  note: z.string(),
  spent: z.number().int(),
  milestoneTitle: z.string().nullable(),
  authorName: z.string().nullable(),
  at: z.string(),
  photoIds: z.array(Id),
});
export type ProgressReport = z.infer<typeof ProgressReport>;

/** A household served, as officials see it. */
export const ServiceProjectServed = z.object({
  householdId: Id,
  headName: z.string(),
  needId: Id.nullable(),
  needSummary: z.string().nullable(),
});
export type ServiceProjectServed = z.infer<typeof ServiceProjectServed>;

export const ServiceProjectDetail = ServiceProjectSummary.extend({
  summary: z.string(),
  evaluationGrade: z.enum(EVALUATION_GRADES).nullable(),
  evaluation: z.string().nullable(),
  evaluatedAt: z.string().nullable(),
  milestones: z.array(Milestone),
  reports: z.array(ProgressReport),
  /** Officials only; empty for providers and residents. */
  served: z.array(ServiceProjectServed),
  complaints: z.array(z.object({ summary: z.string(), at: z.string() })),
  /** The reader's own rating, if they are served and rated. */
  myRating: z.number().int().nullable(),
  can: z.object({
    manage: z.boolean(),
    report: z.boolean(),
    rate: z.boolean(),
    evaluate: z.boolean(),
  }),
});
export type ServiceProjectDetail = z.infer<typeof ServiceProjectDetail>;

export const ServiceProjectQuery = Paging.extend({
  q: z.string().trim().max(64).optional(),
  status: z.enum(SERVICE_PROJECT_STATUSES).optional(),
  kind: z.enum(SERVICE_PROJECT_KINDS).optional(),
  orgId: IdParam.optional(),
});
export type ServiceProjectQuery = z.infer<typeof ServiceProjectQuery>;
export type ServiceProjectQueryInput = z.input<typeof ServiceProjectQuery>;

export const ServiceProjectPage = pageOf(ServiceProjectSummary);
export type ServiceProjectPage = z.infer<typeof ServiceProjectPage>;

export const NormSource = z.object({ value: z.number(), sourceZh: z.string(), sourceEn: z.string() });
export type NormSource = z.infer<typeof NormSource>;

/**
 * An organization's credibility from its projects:
 * score = onTime·rate(on time) + rating·(avg − 1)/4 − complaintPoints·complaints per project, within 0–100;
 * a part with no record counts as `priorPercent`.
 */
export const Credibility = z.object({
  orgId: Id,
  score: z.number(),
  projects: z.number().int(),
  milestonesDue: z.number().int(),
  milestonesOnTime: z.number().int(),
  ratingCount: z.number().int(),
  ratingAvg: z.number().nullable(),
  complaints: z.number().int(),
  parts: z.object({ onTime: z.number(), rating: z.number(), complaints: z.number() }),
  weights: z.object({
    onTime: NormSource,
    rating: NormSource,
    complaintPoints: NormSource,
    priorPercent: NormSource,
  }),
});
export type Credibility = z.infer<typeof Credibility>;

/** A provider ranked for a need, with the parts of its score. */
export const ProviderMatch = z.object({
  rank: z.number().int(),
  orgId: Id,
  orgName: z.string(),
  orgKind: z.enum(SOCIAL_ORG_KINDS),
  credibility: z.number(),
  capacity: z.number().int(),
  capacityLeft: z.number().int(),
  parts: z.object({ credibility: z.number(), capacity: z.number() }),
  score: z.number(),
});
export type ProviderMatch = z.infer<typeof ProviderMatch>;

export const NeedMatches = z.object({
  providers: z.array(ProviderMatch),
  weights: z.object({ credibility: NormSource, capacity: NormSource, casesPerStaff: NormSource }),
  /** Resources available today at the need's place or a place above it, in the caller's scope. */
  resources: z.array(Resource),
});
export type NeedMatches = z.infer<typeof NeedMatches>;
