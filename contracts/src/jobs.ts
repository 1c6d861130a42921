import { z } from 'zod';
import { Id, IdParam, IsoDay, pageOf, Paging, Version } from './common.ts';
import { WORK_PREFERENCES } from './employment.ts';

/** Skills most often asked and told; the labour register and jobs take any other word too. */
export const COMMON_SKILLS = [
  '电工',
  '焊工',
  '缝纫',
  '家政',
  '厨师',
  '驾驶',
  '建筑',
  '电商',
  '种植',
  '养殖',
] as const;

export const JOB_STATUSES = ['open', 'closed'] as const;
export const APPLICATION_STATUSES = [
  'recommended',
  'applied',
  'interview',
  'hired',
  'rejected',
  'withdrawn',
] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];
/** The kinds of employment a hire through a job records. */
export const HIRE_KINDS = ['local_enterprise', 'workshop'] as const;

const Skills = z.array(z.string().trim().min(1).max(32)).max(20);
const Wage = z.number().min(0, 'must not be negative').max(1_000_000);

const JobFields = {
  title: z.string().trim().min(1).max(64),
  wageMin: Wage,
  wageMax: Wage,
  placeId: IdParam,
  headcount: z.number().int().min(1).max(10_000),
  skills: Skills.default([]),
  housing: z.boolean().default(false),
  commuteNote: z.string().trim().max(200).default(''),
};

/**
 * A new job; officials name the enterprise, an enterprise's staff post for their own. Without a place
 * the work is where the enterprise sits.
 */
export const JobCreate = z.object({
  enterpriseId: IdParam.optional(),
  ...JobFields,
  placeId: IdParam.optional(),
});
export type JobCreate = z.infer<typeof JobCreate>;
export type JobCreateInput = z.input<typeof JobCreate>;

export const JobUpdate = z.object({
  title: JobFields.title.optional(),
  wageMin: Wage.optional(),
  wageMax: Wage.optional(),
  placeId: IdParam.optional(),
  headcount: JobFields.headcount.optional(),
  skills: Skills.optional(),
  housing: z.boolean().optional(),
  commuteNote: z.string().trim().max(200).optional(),
  status: z.enum(JOB_STATUSES).optional(),
  version: Version,
});
export type JobUpdate = z.infer<typeof JobUpdate>;
export type JobUpdateInput = z.input<typeof JobUpdate>;

export const Job = z.object({
  id: Id,
  enterpriseId: Id,
  enterpriseName: z.string(),
  title: z.string(),
  wageMin: z.number(),
  wageMax: z.number(),
  placeId: Id,
  placeName: z.string(),
  headcount: z.number().int(),
  skills: z.array(z.string()),
  housing: z.boolean(),
  commuteNote: z.string(),
  status: z.enum(JOB_STATUSES),
  /** Applicants the employer sees (applied, or recommended and agreed), and those hired. */
  applicants: z.number().int(),
  hired: z.number().int(),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type Job = z.infer<typeof Job>;

export const JobQuery = Paging.extend({
  status: z.enum(JOB_STATUSES).optional(),
  q: z.string().trim().max(64).optional(),
});
export type JobQuery = z.infer<typeof JobQuery>;
export const JobPage = pageOf(Job);
export type JobPage = z.infer<typeof JobPage>;

/** How well a person fits a job, part by part; the score is their weighted sum. */
export const MatchParts = z.object({
  /** Skills of the job the person has. */
  skills: z.array(z.string()),
  /** 3 same community, 2 same township, 1 same county, 0 elsewhere. */
  distance: z.number().int().min(0).max(3),
  /** The work preference fits where the job is: 1, or 0. */
  preference: z.number().int().min(0).max(1),
  score: z.number().int(),
});
export type MatchParts = z.infer<typeof MatchParts>;

/** An unemployed person of the labour force ranked for a job. */
export const Candidate = MatchParts.extend({
  personId: Id,
  name: z.string(),
  age: z.number().int(),
  householdNo: z.string(),
  workPreference: z.enum(WORK_PREFERENCES).nullable(),
  /** The application or recommendation already made for this job, if any. */
  applicationStatus: z.enum(APPLICATION_STATUSES).nullable(),
});
export type Candidate = z.infer<typeof Candidate>;

export const CandidateQuery = z.object({ placeId: IdParam.optional() });
export type CandidateQuery = z.infer<typeof CandidateQuery>;

/** An open job ranked for one person. */
export const JobMatch = MatchParts.extend({ job: Job });
export type JobMatch = z.infer<typeof JobMatch>;

/** Whether a hire is still employed 3 and 6 months after the hire day; null until that day comes. */
export const Retention = z.object({ month3: z.boolean().nullable(), month6: z.boolean().nullable() });
export type Retention = z.infer<typeof Retention>;

export const Application = z.object({
  id: Id,
  jobId: Id,
  jobTitle: z.string(),
  enterpriseName: z.string(),
  personId: Id,
  name: z.string(),
  age: z.number().int(),
  /** Masked unless the applicant agreed to show it to the employer. */
  phone: z.string().nullable(),
  skills: z.array(z.string()),
  origin: z.enum(['applied', 'recommended']),
  status: z.enum(APPLICATION_STATUSES),
  consented: z.boolean(),
  showPhone: z.boolean(),
  interviewOn: z.string().nullable(),
  hiredOn: z.string().nullable(),
  recordId: Id.nullable(),
  retention: Retention.nullable(),
  note: z.string(),
  version: z.number().int(),
  createdAt: z.string(),
});
export type Application = z.infer<typeof Application>;

export const Recommend = z.object({ personId: IdParam, note: z.string().trim().max(200).default('') });
export type Recommend = z.infer<typeof Recommend>;
export type RecommendInput = z.input<typeof Recommend>;

/** The person's answer to a recommendation, with whether the employer may see their phone. */
export const JobConsent = z.object({
  agree: z.boolean(),
  showPhone: z.boolean().default(false),
  version: Version,
});
export type JobConsent = z.infer<typeof JobConsent>;
export type JobConsentInput = z.input<typeof JobConsent>;

export const Apply = z.object({
  jobId: IdParam,
  personId: IdParam,
  showPhone: z.boolean().default(false),
  note: z.string().trim().max(200).default(''),
});
export type Apply = z.infer<typeof Apply>;
export type ApplyInput = z.input<typeof Apply>;

export const Interview = z.object({
  on: IsoDay,
  note: z.string().trim().max(200).optional(),
  version: Version,
});
export type Interview = z.infer<typeof Interview>;

/** A hire records the person's employment with the enterprise from `startOn`. */
export const Hire = z.object({
  startOn: IsoDay,
  monthlyWage: Wage,
  kind: z.enum(HIRE_KINDS),
  version: Version,
});
export type Hire = z.infer<typeof Hire>;

export const Decide = z.object({ version: Version, note: z.string().trim().max(200).optional() });
export type Decide = z.infer<typeof Decide>;

export const ShowPhone = z.object({ showPhone: z.boolean(), version: Version });
export type ShowPhone = z.infer<typeof ShowPhone>;

/** The job board of a resident: open jobs near the dwelling and the household's people who may apply. */
export const JobBoard = z.object({
  jobs: z.array(JobMatch),
  members: z.array(z.object({ personId: Id, name: z.string() })),
});
export type JobBoard = z.infer<typeof JobBoard>;

export const BoardQuery = z.object({ personId: IdParam.optional() });
export type BoardQuery = z.infer<typeof BoardQuery>;

/** An enterprise_hr account linked to an enterprise. */
export const EnterpriseStaff = z.object({
  userId: Id,
  username: z.string(),
  displayName: z.string(),
  enterpriseId: Id,
  enterpriseName: z.string(),
});
export type EnterpriseStaff = z.infer<typeof EnterpriseStaff>;

export const StaffLink = z.object({ username: z.string().trim().min(1).max(64), enterpriseId: IdParam });
export type StaffLink = z.infer<typeof StaffLink>;
export type StaffLinkInput = z.input<typeof StaffLink>;

export const StaffQuery = z.object({ enterpriseId: IdParam });
export type StaffQuery = z.infer<typeof StaffQuery>;
