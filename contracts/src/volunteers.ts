import { z } from 'zod';
import { Id, IdParam, IsoInstant, pageOf, Paging, Version } from './common.ts';

/** Skills a volunteer offers and an activity asks for. */
export const VOLUNTEER_SKILLS = [
  'elder_care',
  'child_care',
  'tutoring',
  'health',
  'legal',
  'psychological',
  'cleaning',
  'driving',
  'cooking',
  'dialect',
  'events',
  'other',
] as const;
export type VolunteerSkill = (typeof VOLUNTEER_SKILLS)[number];

/** When a volunteer can serve. */
export const AVAILABILITY = ['weekday_daytime', 'weekday_evening', 'weekend'] as const;
export type Availability = (typeof AVAILABILITY)[number];

/** How a check-in or check-out was taken: the volunteer scanned the activity's code, or the organizer confirmed it. */
export const CHECK_VIA = ['qr', 'organizer'] as const;
export type CheckVia = (typeof CHECK_VIA)[number];

/** Seconds a check-in code shown at an activity stays valid; the page showing it renews it before. */
export const CHECK_IN_CODE_SECONDS = 120;

const Text = (max: number) => z.string().trim().min(1).max(max);
const Skills = z.array(z.enum(VOLUNTEER_SKILLS)).max(VOLUNTEER_SKILLS.length);

const RegisterFields = {
  name: Text(64),
  idNumber: z.string().trim().min(1).max(32),
  phone: z.string().trim().max(20).optional(),
  skills: Skills,
  availability: z.array(z.enum(AVAILABILITY)).max(AVAILABILITY.length),
};

/** A signed-in user registering themselves by real name, on the place of their account. */
export const VolunteerSelfRegister = z.object(RegisterFields);
export type VolunteerSelfRegister = z.infer<typeof VolunteerSelfRegister>;

/** An organizer registering a volunteer on a place of their scope, optionally linked to an account and a team. */
export const VolunteerRegister = z.object({
  ...RegisterFields,
  placeId: IdParam,
  teamId: IdParam.optional(),
  username: z.string().trim().min(1).max(64).optional(),
});
export type VolunteerRegister = z.infer<typeof VolunteerRegister>;
export type VolunteerRegisterInput = z.input<typeof VolunteerRegister>;

/** A volunteer's own change to their skills and availability, from the version they read. */
export const VolunteerUpdate = z.object({
  skills: Skills.optional(),
  availability: z.array(z.enum(AVAILABILITY)).max(AVAILABILITY.length).optional(),
  version: Version,
});
export type VolunteerUpdate = z.infer<typeof VolunteerUpdate>;

export const Volunteer = z.object({
  id: Id,
  name: z.string(),
  idMasked: z.string(),
  phoneMasked: z.string().nullable(),
  placeId: Id,
  placeName: z.string(),
  teamId: Id.nullable(),
  teamName: z.string().nullable(),
  skills: z.array(z.string()),
  availability: z.array(z.string()),
  hours: z.number(),
  version: z.number().int(),
});
export type Volunteer = z.infer<typeof Volunteer>;

export const VolunteerQuery = Paging.extend({
  q: z.string().trim().max(64).optional(),
  skill: z.enum(VOLUNTEER_SKILLS).optional(),
});
export type VolunteerQuery = z.infer<typeof VolunteerQuery>;
export type VolunteerQueryInput = z.input<typeof VolunteerQuery>;
export const VolunteerPage = pageOf(Volunteer);
export type VolunteerPage = z.infer<typeof VolunteerPage>;

export const TeamCreate = z.object({
  name: Text(64),
  placeId: IdParam,
  /** A social organization of the services register the team belongs to. */
  orgId: IdParam.optional(),
});
export type TeamCreate = z.infer<typeof TeamCreate>;

export const Team = z.object({
  id: Id,
  name: z.string(),
  placeId: Id,
  placeName: z.string(),
  orgId: Id.nullable(),
  orgName: z.string().nullable(),
  members: z.number().int(),
});
export type Team = z.infer<typeof Team>;

export const ActivityCreate = z.object({
  title: Text(128),
  placeId: IdParam,
  address: Text(128),
  startsAt: IsoInstant,
  endsAt: IsoInstant,
  slots: z.number().int().min(1, 'must be at least 1').max(10_000),
  skills: Skills,
  teamId: IdParam.optional(),
});
export type ActivityCreate = z.infer<typeof ActivityCreate>;
export type ActivityCreateInput = z.input<typeof ActivityCreate>;

/** My sign-up for an activity, as the volunteer sees it. */
export const MySignup = z.object({
  id: Id,
  checkedInAt: z.string().nullable(),
  checkedOutAt: z.string().nullable(),
  /** Hours approved (the latest correction counts); null before approval. */
  hours: z.number().nullable(),
});
export type MySignup = z.infer<typeof MySignup>;

export const Activity = z.object({
  id: Id,
  title: z.string(),
  placeId: Id,
  placeName: z.string(),
  address: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  slots: z.number().int(),
  signedUp: z.number().int(),
  skills: z.array(z.string()),
  teamName: z.string().nullable(),
  /** The caller organizes it: shows its code, confirms check-ins, approves hours. */
  mayOrganize: z.boolean(),
  mine: MySignup.nullable(),
});
export type Activity = z.infer<typeof Activity>;

export const ActivityQuery = Paging.extend({
  status: z.enum(['upcoming', 'running', 'finished']).optional(),
});
export type ActivityQuery = z.infer<typeof ActivityQuery>;
export type ActivityQueryInput = z.input<typeof ActivityQuery>;
export const ActivityPage = pageOf(Activity);
export type ActivityPage = z.infer<typeof ActivityPage>;

/** A sign-up on an activity's roster. */
export const RosterEntry = z.object({
  id: Id,
  volunteerId: Id,
  name: z.string(),
  phoneMasked: z.string().nullable(),
  checkedInAt: z.string().nullable(),
  checkedInVia: z.enum(CHECK_VIA).nullable(),
  checkedOutAt: z.string().nullable(),
  checkedOutVia: z.enum(CHECK_VIA).nullable(),
  /** The record that counts now (the latest correction), null before approval. */
  recordId: Id.nullable(),
  hours: z.number().nullable(),
});
export type RosterEntry = z.infer<typeof RosterEntry>;

export const ActivityDetail = Activity.extend({ roster: z.array(RosterEntry) });
export type ActivityDetail = z.infer<typeof ActivityDetail>;

/** The code shown at an activity: a signed token that expires, and the link it opens on a phone. */
export const CheckInCode = z.object({ token: z.string(), expiresAt: z.string(), path: z.string() });
export type CheckInCode = z.infer<typeof CheckInCode>;

export const CheckAction = z.enum(['in', 'out']);
export type CheckAction = z.infer<typeof CheckAction>;

/** A volunteer checking in or out with the code scanned at the activity. */
export const ScanInput = z.object({ token: z.string().trim().min(1).max(200), action: CheckAction });
export type ScanInput = z.infer<typeof ScanInput>;

/** The organizer confirming a volunteer's check-in or check-out on the spot. */
export const ConfirmInput = z.object({ action: CheckAction });
export type ConfirmInput = z.infer<typeof ConfirmInput>;

export const ApproveInput = z.object({ hours: z.number().min(0, 'must not be negative').max(24) });
export type ApproveInput = z.infer<typeof ApproveInput>;

export const CorrectInput = z.object({
  hours: z.number().min(0, 'must not be negative').max(24),
  reason: Text(500),
});
export type CorrectInput = z.infer<typeof CorrectInput>;

export const ServiceRecord = z.object({
  id: Id,
  activityId: Id,
  title: z.string(),
  startsAt: z.string(),
  hours: z.number(),
  correctsId: Id.nullable(),
  reason: z.string().nullable(),
  approvedAt: z.string(),
});
export type ServiceRecord = z.infer<typeof ServiceRecord>;

/** A volunteer's hours: the total of the records that count, and those records newest first. */
export const HoursSummary = z.object({
  nameMasked: z.string(),
  hours: z.number(),
  activities: z.number().int(),
  records: z.array(ServiceRecord),
  certificates: z.array(z.object({ serial: z.string(), hours: z.number(), issuedAt: z.string() })),
});
export type HoursSummary = z.infer<typeof HoursSummary>;

/** What the public verification page shows of a certificate: nothing personal beyond the masked name. */
export const CertificateCheck = z.object({
  serial: z.string(),
  nameMasked: z.string(),
  hours: z.number(),
  activities: z.number().int(),
  issuedAt: z.string(),
});
export type CertificateCheck = z.infer<typeof CertificateCheck>;

export const SerialParams = z.object({
  serial: z
    .string()
    .trim()
    .regex(/^ZY\d{4}-\d{6,}-[A-Z0-9]{4}$/, 'not a certificate serial'),
});
export type SerialParams = z.infer<typeof SerialParams>;
