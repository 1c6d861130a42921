import { z } from 'zod';
import { Id, IdParam, IsoDay, pageOf, Paging, Version } from './common.ts';
import { EDUCATION_LEVELS, LABOUR_CAPACITIES } from './registry-codes.ts';

export const EMPLOYMENT_KINDS = [
  'local_enterprise',
  'workshop',
  'public_welfare_post',
  'export_in_province',
  'export_out_of_province',
  'self_employed',
  'flexible',
] as const;
export type EmploymentKind = (typeof EMPLOYMENT_KINDS)[number];
export const EMPLOYMENT_SOURCES = ['declared', 'grid_worker', 'enterprise', 'department_list'] as const;
export const WORK_PREFERENCES = ['nearby', 'in_province', 'outside'] as const;
export const NOT_WORKING_REASONS = [
  'caring_for_family',
  'illness',
  'no_suitable_job',
  'lacks_skills',
  'in_school',
  'unwilling',
  'other',
] as const;
export const ZERO_HELP_KINDS = ['referral', 'public_welfare_post', 'training', 'other'] as const;

const Words = z.array(z.string().trim().min(1).max(32)).max(20);

/** A person's labour register entry; `version` is absent when the entry is first made. */
export const LabourProfileInput = z.object({
  skills: Words.default([]),
  trainingWishes: Words.default([]),
  workPreference: z.enum(WORK_PREFERENCES).nullable().default(null),
  notWorkingReason: z.enum(NOT_WORKING_REASONS).nullable().default(null),
  note: z.string().trim().max(500).default(''),
  version: Version.optional(),
});
export type LabourProfileInput = z.infer<typeof LabourProfileInput>;

export const LabourProfile = z.object({
  skills: z.array(z.string()),
  trainingWishes: z.array(z.string()),
  workPreference: z.enum(WORK_PREFERENCES).nullable(),
  notWorkingReason: z.enum(NOT_WORKING_REASONS).nullable(),
  note: z.string(),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type LabourProfile = z.infer<typeof LabourProfile>;

const Wage = z.number().min(0, 'must not be negative').max(1_000_000);

const RecordFields = {
  kind: z.enum(EMPLOYMENT_KINDS),
  employerName: z.string().trim().min(1).max(128),
  /** The enterprise of the register that employs the person, when it is in the register. */
  enterpriseId: IdParam.nullable().default(null),
  place: z.string().trim().max(128).default(''),
  monthlyWage: Wage,
  startOn: IsoDay,
  endOn: IsoDay.nullable().default(null),
  source: z.enum(EMPLOYMENT_SOURCES),
  verified: z.boolean().default(false),
};

export const EmploymentRecordCreate = z.object({ personId: IdParam, ...RecordFields });
export type EmploymentRecordCreate = z.infer<typeof EmploymentRecordCreate>;
export type EmploymentRecordCreateInput = z.input<typeof EmploymentRecordCreate>;

/** A change to a record: ending it is setting `endOn`. */
export const EmploymentRecordUpdate = z.object({
  kind: RecordFields.kind.optional(),
  employerName: RecordFields.employerName.optional(),
  enterpriseId: IdParam.nullable().optional(),
  place: z.string().trim().max(128).optional(),
  monthlyWage: Wage.optional(),
  startOn: IsoDay.optional(),
  endOn: IsoDay.nullable().optional(),
  source: RecordFields.source.optional(),
  verified: z.boolean().optional(),
  version: Version,
});
export type EmploymentRecordUpdate = z.infer<typeof EmploymentRecordUpdate>;
export type EmploymentRecordUpdateInput = z.input<typeof EmploymentRecordUpdate>;

export const EmploymentRecord = z.object({
  id: Id,
  personId: Id,
  kind: z.enum(EMPLOYMENT_KINDS),
  employerName: z.string(),
  enterpriseId: Id.nullable(),
  place: z.string(),
  monthlyWage: z.number(),
  startOn: z.string(),
  endOn: z.string().nullable(),
  source: z.enum(EMPLOYMENT_SOURCES),
  verified: z.boolean(),
  /** Derived: no end, or an end today or later. */
  current: z.boolean(),
  version: z.number().int(),
});
export type EmploymentRecord = z.infer<typeof EmploymentRecord>;

export const EmploymentChange = z.object({
  event: z.string(),
  version: z.number().int(),
  changes: z.record(z.string(), z.tuple([z.unknown(), z.unknown()])),
  actorName: z.string().nullable(),
  at: z.string(),
});
export type EmploymentChange = z.infer<typeof EmploymentChange>;

/** One member of a household as the labour register sees them. */
export const LabourMember = z.object({
  personId: Id,
  name: z.string(),
  relation: z.string(),
  age: z.number().int(),
  labourCapacity: z.enum(LABOUR_CAPACITIES),
  education: z.enum(EDUCATION_LEVELS).nullable(),
  /** Of working age (16–59 for men, 16–54 for women) with full or partial labour capacity. */
  labourForce: z.boolean(),
  employed: z.boolean(),
  profile: LabourProfile.nullable(),
  records: z.array(EmploymentRecord),
});
export type LabourMember = z.infer<typeof LabourMember>;

export const ZeroEmployment = z.object({
  id: Id,
  householdId: Id,
  householdNo: z.string(),
  headName: z.string(),
  flaggedOn: z.string(),
  dueOn: z.string(),
  clearedOn: z.string().nullable(),
  clearedBy: z.enum(['employed', 'no_labour']).nullable(),
  daysOpen: z.number().int(),
  overdue: z.boolean(),
  helpCount: z.number().int(),
});
export type ZeroEmployment = z.infer<typeof ZeroEmployment>;

export const ZeroHelp = z.object({
  id: Id,
  kind: z.enum(ZERO_HELP_KINDS),
  note: z.string(),
  givenOn: z.string(),
  actorName: z.string().nullable(),
});
export type ZeroHelp = z.infer<typeof ZeroHelp>;

export const ZeroEmploymentDetail = ZeroEmployment.extend({ help: z.array(ZeroHelp) });
export type ZeroEmploymentDetail = z.infer<typeof ZeroEmploymentDetail>;

export const HouseholdEmployment = z.object({
  householdId: Id,
  /** The caller keeps its employment: they may write, from the residence side. */
  mayKeep: z.boolean(),
  members: z.array(LabourMember),
  zeroEmployment: ZeroEmploymentDetail.nullable(),
});
export type HouseholdEmployment = z.infer<typeof HouseholdEmployment>;

export const ZeroHelpCreate = z.object({
  kind: z.enum(ZERO_HELP_KINDS),
  note: z.string().trim().max(500).default(''),
  givenOn: IsoDay,
});
export type ZeroHelpCreate = z.infer<typeof ZeroHelpCreate>;

export const ZeroQuery = Paging.extend({
  status: z.enum(['open', 'overdue', 'cleared']).default('open'),
});
export type ZeroQuery = z.infer<typeof ZeroQuery>;
export const ZeroPage = pageOf(ZeroEmployment);
export type ZeroPage = z.infer<typeof ZeroPage>;

export const LabourQuery = Paging.extend({
  employed: z.enum(['true', 'false']).optional(),
});
export type LabourQuery = z.infer<typeof LabourQuery>;

export const LabourRow = z.object({
  personId: Id,
  householdId: Id,
  householdNo: z.string(),
  name: z.string(),
  age: z.number().int(),
  labourCapacity: z.enum(LABOUR_CAPACITIES),
  employed: z.boolean(),
  workPreference: z.enum(WORK_PREFERENCES).nullable(),
});
export type LabourRow = z.infer<typeof LabourRow>;
export const LabourPage = pageOf(LabourRow);
export type LabourPage = z.infer<typeof LabourPage>;

export const RecomputeResult = z.object({ flagged: z.number().int(), cleared: z.number().int() });
export type RecomputeResult = z.infer<typeof RecomputeResult>;
