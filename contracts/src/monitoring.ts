import { z } from 'zod';
import { Id, Paging, Version } from './common.ts';
import { PART_YEAR_METHODS } from './procedure.ts';

/** Whole yuan, as entered by grid workers; negative only for operating losses. */
const Yuan = z.number().int().min(0).max(100_000_000);
const Year = z.number().int().min(2015).max(2100);

export const INCOME_PERIODS = ['year', 'mid_year'] as const;
export type IncomePeriod = (typeof INCOME_PERIODS)[number];

/** A household's income and rigid expenditure for a year (or the mid-year update). */
export const IncomeInput = z.object({
  year: Year,
  period: z.enum(INCOME_PERIODS).default('year'),
  wage: Yuan,
  operating: z.number().int().min(-100_000_000).max(100_000_000),
  property: Yuan,
  transfer: Yuan,
  productionCosts: Yuan,
  medicalExpense: Yuan,
  schoolingExpense: Yuan,
  /** The version of the record this edit started from; absent for a new record. */
  version: Version.optional(),
});
export type IncomeInput = z.infer<typeof IncomeInput>;

/** Where a record's wage came from: declared, or accepted from the household's employment records. */
export const WAGE_SOURCES = ['declared', 'employment_records'] as const;

export const Income = IncomeInput.extend({
  householdId: Id,
  version: Version,
  wageSource: z.enum(WAGE_SOURCES),
  memberCount: z.number().int(),
  /** (wage + operating + property + transfer − production costs) ÷ members, in yuan. */
  netIncome: z.number().int(),
  perCapitaNet: z.number(),
  enteredBy: z.string().nullable(),
  enteredAt: z.string(),
});
export type Income = z.infer<typeof Income>;

/** Months a record of each period covers. */
export const PERIOD_MONTHS: Record<IncomePeriod, number> = { year: 12, mid_year: 6 };

/**
 * An income record against the monitoring line of its year, by the region's part-year method: a
 * part-year record is annualised (income × 12 ÷ months) or compared with the line pro-rated to its months.
 */
export const IncomeAssessed = Income.extend({
  assessed: z.object({
    months: z.number().int(),
    method: z.enum(PART_YEAR_METHODS),
    /** The per-capita net income compared: annualised when the method says so. */
    perCapitaNet: z.number(),
    /** The line compared with (pro-rated when the method says so); null when the year has none. */
    line: z.number().nullable(),
    belowLine: z.boolean().nullable(),
  }),
});
export type IncomeAssessed = z.infer<typeof IncomeAssessed>;

export const IncomeKey = z.object({ id: Id, year: z.coerce.number().int().min(2015).max(2100) });
export type IncomeKey = z.infer<typeof IncomeKey>;

/** A monitoring line: the per-capita net income under which a household is watched, per year and region. */
export const MonitoringLineInput = z.object({
  year: Year,
  /** A province, city or county. */
  placeId: Id,
  amount: z.number().int().min(1000).max(100_000),
  /** Where the figure was published (document, issuer, date). */
  source: z.string().trim().max(300).default(''),
});
export type MonitoringLineInput = z.infer<typeof MonitoringLineInput>;
export const MonitoringLine = MonitoringLineInput.extend({
  id: Id,
  placeName: z.string(),
  placeLevel: z.string(),
});
export type MonitoringLine = z.infer<typeof MonitoringLine>;

/** The screening rules; their parameters are data, edited by the county and versioned. */
export const SCREENING_RULES = [
  'income_below_line',
  'income_near_line',
  'income_drop',
  'rigid_expense',
  'new_illness_disability',
  'no_labour',
  'disaster_incident',
] as const;
export type ScreeningRule = (typeof SCREENING_RULES)[number];

const Percent = z.number().min(0).max(100);
const Days = z.number().int().min(1).max(3650);

/** Each rule with the parameters it takes; a disabled rule raises nothing. */
export const ScreeningRules = z.object({
  income_below_line: z.object({ enabled: z.boolean() }),
  income_near_line: z.object({ enabled: z.boolean(), factor: z.number().min(1).max(3) }),
  income_drop: z.object({ enabled: z.boolean(), percent: Percent }),
  rigid_expense: z.object({ enabled: z.boolean(), percent: Percent }),
  new_illness_disability: z.object({ enabled: z.boolean(), days: Days }),
  no_labour: z.object({ enabled: z.boolean() }),
  disaster_incident: z.object({
    enabled: z.boolean(),
    days: Days,
    categories: z.array(z.string().regex(/^[a-z_]{1,32}$/)).max(20),
  }),
});
export type ScreeningRules = z.infer<typeof ScreeningRules>;

export const RuleSetInput = z.object({
  /** The region (province, city or county) whose rules these are; the caller's own when left out. */
  placeId: Id.optional(),
  rules: ScreeningRules,
  note: z.string().trim().max(500).default(''),
  /** The version in force at that region when this edit started. */
  version: Version,
});
export type RuleSetInput = z.infer<typeof RuleSetInput>;

export const RuleSet = z.object({
  version: Version,
  /** The region whose rules these are; null for the national default. */
  placeId: z.string().nullable(),
  placeName: z.string().nullable(),
  rules: ScreeningRules,
  note: z.string(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
});
export type RuleSet = z.infer<typeof RuleSet>;

/** Which place's rules to read: those in force there; the caller's own place when left out. */
export const RuleQuery = z.object({ placeId: Id.optional() });
export type RuleQuery = z.infer<typeof RuleQuery>;

/** Where a lead came from; `employment` is a household in or near monitoring that lost its last job. */
export const LEAD_SOURCES = [
  'screening',
  'visit',
  'self_declaration',
  'department_data',
  'employment',
  'industry_project',
] as const;
export const LEAD_STATUSES = ['open', 'case', 'dismissed'] as const;

export const Lead = z.object({
  id: Id,
  householdId: Id,
  householdNo: z.string(),
  headName: z.string(),
  source: z.enum(LEAD_SOURCES),
  status: z.enum(LEAD_STATUSES),
  year: z.number().int().nullable(),
  flags: z.array(z.enum(SCREENING_RULES)),
  ruleVersion: z.number().int().nullable(),
  /** What the visit, the household or the department said. */
  note: z.string().nullable(),
  createdAt: z.string(),
});
export type Lead = z.infer<typeof Lead>;

export const LeadQuery = Paging.extend({
  under: Id.optional(),
  /** A household number, or the start of the head's name. */
  q: z.string().trim().max(64).optional(),
  status: z.enum(LEAD_STATUSES).optional(),
  source: z.enum(LEAD_SOURCES).optional(),
  flag: z.enum(SCREENING_RULES).optional(),
});
export type LeadQuery = z.infer<typeof LeadQuery>;

export const ScreeningRun = z.object({ year: Year, under: Id.optional() });
export type ScreeningRun = z.infer<typeof ScreeningRun>;

export const ScreeningResult = z.object({
  year: z.number().int(),
  ruleVersion: z.number().int(),
  screened: z.number().int(),
  flagged: z.number().int(),
  newLeads: z.number().int(),
  byRule: z.record(z.string(), z.number().int()),
  seconds: z.number(),
});
export type ScreeningResult = z.infer<typeof ScreeningResult>;

/** A lead raised by hand: from a visit's finding (naming the visit) or from a department's data. */
export const LeadCreate = z.object({
  householdId: Id,
  source: z.enum(['visit', 'department_data']),
  visitId: Id.optional(),
  note: z.string().trim().min(1).max(2000),
});
export type LeadCreate = z.infer<typeof LeadCreate>;

/** A resident's own declaration of hardship for their household (自主申报). */
export const Declaration = z.object({
  reasons: z
    .array(z.string().regex(/^[a-z_]{1,32}$/))
    .min(1)
    .max(11),
  note: z.string().trim().min(1).max(2000),
});
export type Declaration = z.infer<typeof Declaration>;

/**
 * The steps of a monitoring case (the statutory identification procedure, then assistance, then risk
 * elimination through the same chain); `not_identified` and `eliminated` end it, a rollback reopens it.
 */
export const CASE_STEPS = [
  'verification',
  'comparison',
  'community_review',
  'township_review',
  'county_approval',
  'assisted',
  'elimination_community',
  'elimination_township',
  'elimination_county',
  'eliminated',
  'not_identified',
] as const;
export type CaseStep = (typeof CASE_STEPS)[number];

export const CASE_ACTIONS = [
  'verify',
  'compare',
  'publish_notice',
  'approve',
  'send_back',
  'reject',
  'propose_elimination',
  'rollback',
  'record_national_entry',
] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];
