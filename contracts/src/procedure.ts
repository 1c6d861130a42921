import { z } from 'zod';
import { Id, Version } from './common.ts';

/** The steps of identification, which the clock from the lead runs over. */
export const IDENTIFICATION_STEPS = [
  'verification',
  'comparison',
  'community_review',
  'township_review',
  'county_approval',
] as const;
export type IdentificationStep = (typeof IDENTIFICATION_STEPS)[number];

/** The steps that have a deadline in days. */
export const TIMED_STEPS = [
  ...IDENTIFICATION_STEPS,
  'elimination_community',
  'elimination_township',
  'elimination_county',
] as const;
export type TimedStep = (typeof TIMED_STEPS)[number];

/** What a public notice may show; nothing else ever reaches it. */
export const NOTICE_COLUMNS = ['head_name', 'household_size', 'category', 'risk_types', 'proposal'] as const;
export type NoticeColumn = (typeof NOTICE_COLUMNS)[number];

/**
 * How a part-year income record meets the yearly line: its income annualised (× 12 ÷ months), or the
 * line pro-rated to its months. Both decide alike; they differ in the figure shown.
 */
export const PART_YEAR_METHODS = ['annualise', 'prorate_line'] as const;
export type PartYearMethod = (typeof PART_YEAR_METHODS)[number];

const Code = z.string().regex(/^[a-z_]{1,32}$/, 'must be a dictionary code');

/** The procedure rules of a region, kept as data and versioned. */
export const ProcedureRules = z
  .object({
    /** The identification steps in the order they are taken; the review and the two approvals close it. */
    stepOrder: z.array(z.enum(IDENTIFICATION_STEPS)).length(IDENTIFICATION_STEPS.length),
    /** From the lead to the county's decision. */
    decisionDays: z.number().int().min(1).max(30),
    /** Whole days a public notice runs (at least five). */
    noticeDays: z.number().int().min(5).max(30),
    /** Each step's deadline in days; identification steps are counted from the lead, one after another. */
    stepDays: z.record(z.enum(TIMED_STEPS), z.number().int().min(1).max(60)),
    /** Months of assistance, and of income above the line, before a risk may be eliminated. */
    stableMonths: z.number().int().min(1).max(24),
    /** A household with nobody able to work stays monitored. */
    noLabourStaysMonitored: z.boolean(),
    partYear: z.enum(PART_YEAR_METHODS),
    notice: z.object({
      columns: z.array(z.enum(NOTICE_COLUMNS)).min(1).max(NOTICE_COLUMNS.length),
      /** Risk types never printed (by default those revealing health or disability). */
      hiddenRiskTypes: z.array(Code).max(30),
    }),
  })
  .superRefine((r, ctx) => {
    if (new Set(r.stepOrder).size !== r.stepOrder.length)
      ctx.addIssue({ code: 'custom', path: ['stepOrder'], message: 'names a step twice' });
    else if (r.stepOrder.slice(2).join() !== IDENTIFICATION_STEPS.slice(2).join())
      ctx.addIssue({
        code: 'custom',
        path: ['stepOrder'],
        message: 'must end with community_review, township_review, county_approval',
      });
    const total = IDENTIFICATION_STEPS.reduce((sum, s) => sum + r.stepDays[s], 0);
    if (total > r.decisionDays)
      ctx.addIssue({
        code: 'custom',
        path: ['stepDays'],
        message: `add up to ${total} days, more than decisionDays`,
      });
    for (const s of ['community_review', 'elimination_community'] as const)
      if (r.stepDays[s] < r.noticeDays)
        ctx.addIssue({ code: 'custom', path: ['stepDays', s], message: 'is shorter than noticeDays' });
    if (new Set(r.notice.columns).size !== r.notice.columns.length)
      ctx.addIssue({ code: 'custom', path: ['notice', 'columns'], message: 'names a column twice' });
  });
export type ProcedureRules = z.infer<typeof ProcedureRules>;

/** The policy in force for a place: its own, or the nearest region's above it, or the national default. */
export const ProcedurePolicy = z.object({
  id: Id,
  /** The region that set it; null for the national default. */
  placeId: Id.nullable(),
  placeName: z.string().nullable(),
  version: Version,
  rules: ProcedureRules,
  note: z.string(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
});
export type ProcedurePolicy = z.infer<typeof ProcedurePolicy>;

/** A new version of a region's policy, started from the version in force there (409 when stale). */
export const ProcedurePolicyInput = z.object({
  placeId: Id,
  rules: ProcedureRules,
  note: z.string().trim().max(500).default(''),
  /** The id of the policy in force at the place when the edit started. */
  basedOn: Id,
});
export type ProcedurePolicyInput = z.infer<typeof ProcedurePolicyInput>;

/** The national default, as the first migration stores it: step deadlines add up to the 15 days. */
export const DEFAULT_PROCEDURE: ProcedureRules = {
  stepOrder: [...IDENTIFICATION_STEPS],
  decisionDays: 15,
  noticeDays: 5,
  stepDays: {
    verification: 3,
    comparison: 2,
    community_review: 7,
    township_review: 2,
    county_approval: 1,
    elimination_community: 10,
    elimination_township: 5,
    elimination_county: 5,
  },
  stableMonths: 6,
  noLabourStaysMonitored: true,
  partYear: 'annualise',
  notice: { columns: [...NOTICE_COLUMNS], hiddenRiskTypes: ['illness', 'disability'] },
};
