import { z } from 'zod';
import { Id, IdParam, IsoDay as Day, Paging, Version } from './common.ts';
import { CASE_ACTIONS, CASE_STEPS, SCREENING_RULES } from './monitoring.ts';

const Code = z.string().regex(/^[a-z_]{1,32}$/, 'must be a dictionary code');

/** Who owns a step of a case: officials of the household's residence community, township or county. */
export const CASE_OWNERS = ['community', 'township', 'county'] as const;
export type CaseOwner = (typeof CASE_OWNERS)[number];

/** What the home verification checks (入户核实); every item must be confirmed to pass it. */
export const VERIFICATION_ITEMS = [
  'members_present',
  'income_checked',
  'expenses_checked',
  'housing_checked',
  'labour_checked',
  'risk_confirmed',
] as const;

/**
 * The department-data items compared against the household (部门数据比对) as first seeded; the items in
 * force are the active entries of the `comparison_item` dictionary, and every one must be answered.
 */
export const COMPARISON_CHECKS = [
  'vehicle',
  'business_registration',
  'property',
  'bank_deposit',
  'public_employee',
  'civil_affairs',
  'medical_insurance',
] as const;

/** The basic needs that must be secured before a risk is eliminated (两不愁三保障 and drinking water). */
export const BASIC_NEEDS = [
  'food_clothing',
  'compulsory_education',
  'basic_medical',
  'housing_safety',
  'drinking_water',
] as const;

/** The household's signed consent to verification and to its data being compared and published. */
export const Consent = z.object({
  signedBy: z.string().trim().min(1).max(40),
  signedOn: Day,
  form: z.enum(['signature', 'fingerprint']),
});
export type Consent = z.infer<typeof Consent>;

export const Verification = z.object({
  items: z.record(z.enum(VERIFICATION_ITEMS), z.boolean()),
  consent: Consent,
  category: Code,
  riskTypes: z.array(Code).min(1).max(11),
  note: z.string().trim().max(2000).default(''),
});
export type Verification = z.infer<typeof Verification>;

export const Comparison = z.object({
  /** Per comparison item, true where a department's data found something (a car, a company, …). */
  hits: z.record(Code, z.boolean()),
  note: z.string().trim().max(2000).default(''),
});
export type Comparison = z.infer<typeof Comparison>;

export const REVIEW_RESULTS = ['agreed', 'not_agreed'] as const;

/** The community review (民主评议) held before a notice: when, who attended, what it decided. */
export const CommunityReview = z.object({
  heldOn: Day,
  /** Who attended: the committee, party-member and resident representatives, by name or role. */
  attendees: z.string().trim().min(1).max(500),
  attendeeCount: z.number().int().min(1).max(500),
  result: z.enum(REVIEW_RESULTS),
  /** Votes for, where the review voted. */
  votesFor: z.number().int().min(0).max(500).nullable().default(null),
  note: z.string().trim().max(2000).default(''),
});
export type CommunityReview = z.infer<typeof CommunityReview>;

/** An action on a case. `reason` is required to send back, reject or roll back. */
export const CaseAct = z.object({
  action: z.enum(CASE_ACTIONS),
  version: Version,
  reason: z.string().trim().max(1000).optional(),
  /** verify */
  verification: Verification.optional(),
  /** compare */
  comparison: Comparison.optional(),
  /** publish_notice: the day the notice went up on the community board; today when absent. */
  noticeFrom: Day.optional(),
  /** publish_notice: the community review the notice follows, which must have agreed. */
  review: CommunityReview.optional(),
  /** record_national_entry: the day the household was entered into the national monitoring system. */
  nationalEntryOn: Day.optional(),
  /** propose_elimination */
  basicNeeds: z.record(z.enum(BASIC_NEEDS), z.boolean()).optional(),
});
export type CaseAct = z.infer<typeof CaseAct>;

/** A case opened from a lead. */
export const CaseOpen = z.object({ leadId: IdParam });
export type CaseOpen = z.infer<typeof CaseOpen>;
/** What a client sends as `CaseOpen`. */
export type CaseOpenInput = z.input<typeof CaseOpen>;

export const CaseEvent = z.object({
  id: Id,
  action: z.string(),
  fromStep: z.enum(CASE_STEPS).nullable(),
  toStep: z.enum(CASE_STEPS),
  actorName: z.string().nullable(),
  reason: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
  at: z.string(),
});
export type CaseEvent = z.infer<typeof CaseEvent>;

export const MonitoringCase = z.object({
  id: Id,
  householdId: Id,
  householdNo: z.string(),
  headName: z.string(),
  communityName: z.string(),
  leadId: Id,
  leadSource: z.string(),
  flags: z.array(z.enum(SCREENING_RULES)),
  ruleVersion: z.number().int().nullable(),
  step: z.enum(CASE_STEPS),
  owner: z.enum(CASE_OWNERS).nullable(),
  category: z.string().nullable(),
  riskTypes: z.array(z.string()),
  /** When the current step should be done. */
  stepDueAt: z.string().nullable(),
  /** Lead + 15 days, until the county decides. */
  decisionDueAt: z.string(),
  overdue: z.boolean(),
  /** The first and the last whole day of the running notice. */
  noticeFrom: z.string().nullable(),
  noticeUntil: z.string().nullable(),
  nationalEntryOn: z.string().nullable(),
  openedAt: z.string(),
  identifiedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  version: z.number().int(),
});
export type MonitoringCase = z.infer<typeof MonitoringCase>;

export const MEASURE_TYPES = [
  'industry',
  'employment',
  'public_welfare_post',
  'health',
  'education',
  'housing',
  'drinking_water',
  'social_assistance',
  'small_loan',
  'other',
] as const;
export type MeasureType = (typeof MEASURE_TYPES)[number];
export const PROVIDER_KINDS = ['department', 'enterprise', 'social_org'] as const;

export const MeasureInput = z
  .object({
    type: z.enum(MEASURE_TYPES),
    providerKind: z.enum(PROVIDER_KINDS),
    providerName: z.string().trim().min(1).max(100),
    description: z.string().trim().max(1000).default(''),
    startOn: Day,
    endOn: Day.nullable().default(null),
    /** Yuan, where the measure has an amount (a loan, a subsidy, a wage). */
    amount: z.number().int().min(0).max(100_000_000).nullable().default(null),
    outcome: z.string().trim().max(1000).default(''),
    /** Keeps running after the risk is eliminated (policy stays after the household leaves monitoring). */
    outlivesElimination: z.boolean().default(false),
    version: Version.optional(),
  })
  .refine((m) => !m.endOn || m.endOn >= m.startOn, { path: ['endOn'], message: 'is before startOn' });
export type MeasureInput = z.infer<typeof MeasureInput>;

export const Measure = z.object({
  id: Id,
  caseId: Id,
  type: z.enum(MEASURE_TYPES),
  providerKind: z.enum(PROVIDER_KINDS),
  providerName: z.string(),
  description: z.string(),
  startOn: Day,
  endOn: Day.nullable(),
  amount: z.number().int().nullable(),
  outcome: z.string(),
  outlivesElimination: z.boolean(),
  running: z.boolean(),
  /** The job a member was hired into through this employment measure (linked by the hire). */
  placement: z
    .object({
      recordId: Id,
      personName: z.string(),
      employerName: z.string(),
      kind: z.string(),
      monthlyWage: z.number(),
      startOn: Day,
      endOn: Day.nullable(),
    })
    .nullable(),
  version: z.number().int(),
});
export type Measure = z.infer<typeof Measure>;

/** The criteria a risk must meet to be eliminated; each says whether it is met and why not. */
export const ELIMINATION_CRITERIA = ['income_stable', 'basic_needs', 'no_new_risk', 'has_labour'] as const;
export const EliminationCheck = z.object({
  ok: z.boolean(),
  criteria: z.array(
    z.object({
      code: z.enum(ELIMINATION_CRITERIA),
      met: z.boolean(),
      params: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
    }),
  ),
});
export type EliminationCheck = z.infer<typeof EliminationCheck>;

export const ANNOUNCEMENT_KINDS = ['identification', 'elimination'] as const;
export type AnnouncementKind = (typeof ANNOUNCEMENT_KINDS)[number];

export const CaseDetail = MonitoringCase.extend({
  verification: Verification.nullable(),
  comparison: Comparison.nullable(),
  review: CommunityReview.nullable(),
  /** The procedure policy the case runs under: its version and the whole days its notice runs. */
  policy: z.object({ id: Id, version: z.number().int(), noticeDays: z.number().int() }),
  /** The result announcements (结果公告) published at the county's approvals, archived, newest last. */
  announcements: z.array(z.object({ kind: z.enum(ANNOUNCEMENT_KINDS), on: Day })),
  events: z.array(CaseEvent),
  measures: z.array(Measure),
  /** The actions the caller may take now. */
  actions: z.array(z.enum(CASE_ACTIONS)),
  /** Whether the caller may add and edit measures. */
  canAssist: z.boolean(),
});
export type CaseDetail = z.infer<typeof CaseDetail>;

export const CaseQuery = Paging.extend({
  under: Id.optional(),
  q: z.string().trim().max(64).optional(),
  step: z.enum(CASE_STEPS).optional(),
  /** Only cases past a deadline. */
  overdue: z.enum(['true', 'false']).optional(),
  /** Only cases whose current step the caller owns. */
  mine: z.enum(['true', 'false']).optional(),
  category: Code.optional(),
});
export type CaseQuery = z.infer<typeof CaseQuery>;

export const OverviewQuery = z.object({
  under: Id.optional(),
  months: z.coerce.number().int().min(1).max(36).default(12),
});
export type OverviewQuery = z.infer<typeof OverviewQuery>;

const Count = z.object({ code: z.string(), count: z.number().int() });
export const MonitoringOverview = z.object({
  byCategory: z.array(Count),
  byRiskType: z.array(Count),
  byStep: z.array(Count),
  overdue: z.number().int(),
  /** Identified households whose risk was eliminated, of all identified. */
  elimination: z.object({ identified: z.number().int(), eliminated: z.number().int(), rate: z.number() }),
  trend: z.array(
    z.object({
      month: z.string().regex(/^\d{4}-\d{2}$/),
      leads: z.number().int(),
      identified: z.number().int(),
      eliminated: z.number().int(),
      /** Cases under monitoring at the month's end. */
      monitored: z.number().int(),
    }),
  ),
});
export type MonitoringOverview = z.infer<typeof MonitoringOverview>;
