import { z } from 'zod';
import { Id, IdParam, IsoDay, pageOf, Paging, Version } from './common.ts';

/** Certificates a completed course gives (证书种类). */
export const CERTIFICATE_KINDS = [
  'skill_level',
  'vocational_qualification',
  'special_operation',
  'training_certificate',
] as const;
export type CertificateKind = (typeof CERTIFICATE_KINDS)[number];

/** Months after completing within which a job counts as employment after training. */
export const EMPLOYED_AFTER_TRAINING_MONTHS = 6;

const Text = (max: number) => z.string().trim().min(1).max(max);
const Hours = z.number().int().min(1, 'must be at least 1').max(2000);

const CourseFields = {
  title: Text(128),
  provider: Text(128),
  /** A code of the `training_kind` dictionary. */
  kind: z.string().trim().min(1).max(32),
  placeId: IdParam,
  startOn: IsoDay,
  endOn: IsoDay,
  hours: Hours,
  capacity: z.number().int().min(1, 'must be at least 1').max(10_000),
};

export const CourseCreate = z.object(CourseFields);
export type CourseCreate = z.infer<typeof CourseCreate>;
export type CourseCreateInput = z.input<typeof CourseCreate>;

/** A change to a course from the version it was read at; the place stays. */
export const CourseUpdate = z.object({
  title: CourseFields.title.optional(),
  provider: CourseFields.provider.optional(),
  kind: CourseFields.kind.optional(),
  startOn: IsoDay.optional(),
  endOn: IsoDay.optional(),
  hours: Hours.optional(),
  capacity: CourseFields.capacity.optional(),
  version: Version,
});
export type CourseUpdate = z.infer<typeof CourseUpdate>;

export const Course = z.object({
  id: Id,
  title: z.string(),
  provider: z.string(),
  kind: z.string(),
  placeId: Id,
  placeName: z.string(),
  startOn: z.string(),
  endOn: z.string(),
  hours: z.number().int(),
  capacity: z.number().int(),
  enrolled: z.number().int(),
  completed: z.number().int(),
  /** People of the labour register in the caller's scope under the course's place who wish for this training. */
  demand: z.number().int(),
  /** The caller keeps the course: enrols, records attendance and completes. */
  mayKeep: z.boolean(),
  version: z.number().int(),
});
export type Course = z.infer<typeof Course>;

export const CourseQuery = Paging.extend({
  kind: z.string().trim().max(32).optional(),
  status: z.enum(['upcoming', 'running', 'finished']).optional(),
});
export type CourseQuery = z.infer<typeof CourseQuery>;
export type CourseQueryInput = z.input<typeof CourseQuery>;
export const CoursePage = pageOf(Course);
export type CoursePage = z.infer<typeof CoursePage>;

export const EnrolmentCreate = z.object({ personId: IdParam });
export type EnrolmentCreate = z.infer<typeof EnrolmentCreate>;

export const AttendanceInput = z.object({
  hoursAttended: z.number().min(0, 'must not be negative').max(2000),
  version: Version,
});
export type AttendanceInput = z.infer<typeof AttendanceInput>;

export const CompletionInput = z.object({
  completedOn: IsoDay,
  certificateKind: z.enum(CERTIFICATE_KINDS),
  certificateNo: Text(64),
  certificateOn: IsoDay,
  version: Version,
});
export type CompletionInput = z.infer<typeof CompletionInput>;

export const Enrolment = z.object({
  id: Id,
  courseId: Id,
  personId: Id,
  householdId: Id,
  name: z.string(),
  hoursAttended: z.number(),
  completedOn: z.string().nullable(),
  certificateKind: z.enum(CERTIFICATE_KINDS).nullable(),
  certificateNo: z.string().nullable(),
  certificateOn: z.string().nullable(),
  /** Derived from employment records: a job held at some time within 6 months after completing; null before completion. */
  employedAfter: z.boolean().nullable(),
  version: z.number().int(),
});
export type Enrolment = z.infer<typeof Enrolment>;

export const CourseDetail = Course.extend({
  enrolments: z.array(Enrolment),
  /** Share of the course's hours a completion needs (%), a governance norm. */
  completionPct: z.number().int(),
});
export type CourseDetail = z.infer<typeof CourseDetail>;

/** A course a person took, as their employment view shows it. */
export const PersonTraining = Enrolment.extend({
  title: z.string(),
  kind: z.string(),
  hours: z.number().int(),
  startOn: z.string(),
  endOn: z.string(),
});
export type PersonTraining = z.infer<typeof PersonTraining>;
