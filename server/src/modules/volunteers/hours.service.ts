import { randomInt } from 'node:crypto';
import type {
  ApproveInput,
  CertificateCheck,
  CorrectInput,
  HoursSummary,
  RosterEntry,
  ServiceRecord,
} from '@anju/contracts';
import type { Conn, Database } from '../../db/client.ts';
import type { Ctx } from '../../platform/auth/actor.ts';
import { audit } from '../../platform/audit/audit.ts';
import { AppError, invalid, notFound } from '../../platform/errors.ts';
import { certificatePdf } from './certificate.ts';
import { organizedSignup } from './activities.service.ts';
import * as repo from './volunteers.repo.ts';
import { volunteerOf } from './volunteers.service.ts';
import type { ActivityRow, RecordRow } from './volunteers.sql.ts';

const presentRecord = (r: RecordRow): ServiceRecord => ({
  id: String(r.id),
  activityId: String(r.activity_id),
  title: r.title,
  startsAt: r.starts_at,
  hours: Number(r.hours),
  correctsId: r.corrects_id === null ? null : String(r.corrects_id),
  reason: r.reason,
  approvedAt: r.approved_at,
});

/** The hours an activity lasts, to the tenth: no record gives more. */
const lasts = (a: ActivityRow) =>
  Math.round((Date.parse(a.ends_at) - Date.parse(a.starts_at)) / 360_000) / 10;

function assertWithin(activity: ActivityRow, hours: number) {
  const most = lasts(activity);
  if (hours > most)
    throw invalid('hours', 'is more than the activity lasts ({{hours}} hours)', { hours: most });
}

async function entry(database: Database, ctx: Ctx, signupId: number): Promise<RosterEntry> {
  const { signup } = await organizedSignup(database.db, ctx, signupId);
  return {
    id: String(signup.id),
    volunteerId: String(signup.volunteer_id),
    name: signup.name,
    phoneMasked: signup.phone_masked,
    checkedInAt: signup.checked_in_at,
    checkedInVia: signup.checked_in_via,
    checkedOutAt: signup.checked_out_at,
    checkedOutVia: signup.checked_out_via,
    recordId: signup.record_id === null ? null : String(signup.record_id),
    hours: signup.hours === null ? null : Number(signup.hours),
  };
}

/** The organizer approves the hours of a volunteer who checked in and out: once, never more than the activity lasts. */
export async function approve(database: Database, ctx: Ctx, signupId: number, input: ApproveInput) {
  await database.db.transaction(async (tx) => {
    const { signup, activity } = await organizedSignup(tx, ctx, signupId);
    if (signup.checked_out_at === null) throw invalid('hours', 'the volunteer has not checked out');
    assertWithin(activity, input.hours);
    const id = await repo.insertRecord(tx, signup, input.hours, ctx.actor.userId);
    if (!id) throw invalid('hours', 'is approved already: correct the record instead');
    await audit(tx, ctx, {
      action: 'volunteer.hours_approve',
      targetType: 'volunteer_record',
      targetId: id,
      detail: { signupId, hours: input.hours },
    });
  });
  return entry(database, ctx, signupId);
}

/** Corrects a record with a new one and the reason: the record corrected stays as it was, and the correction is audited. */
export async function correct(database: Database, ctx: Ctx, recordId: number, input: CorrectInput) {
  const signupId = await database.db.transaction(async (tx) => {
    const record = await repo.findRecord(tx, recordId);
    if (!record) throw notFound('record');
    const { signup, activity } = await organizedSignup(tx, ctx, record.signup_id).catch(() => {
      throw notFound('record');
    });
    if (!record.counting) throw invalid('hours', 'the record is corrected already: correct the latest one');
    assertWithin(activity, input.hours);
    const id = await repo.insertRecord(tx, signup, input.hours, ctx.actor.userId, {
      correctsId: recordId,
      reason: input.reason,
    });
    if (!id) throw invalid('hours', 'the record is corrected already: correct the latest one');
    await audit(tx, ctx, {
      action: 'volunteer.hours_correct',
      targetType: 'volunteer_record',
      targetId: id,
      detail: { corrects: recordId, from: Number(record.hours), to: input.hours, reason: input.reason },
    });
    return signup.id;
  });
  return entry(database, ctx, signupId);
}

async function summaryOf(conn: Conn, volunteer: { id: number; name_masked: string }): Promise<HoursSummary> {
  const [records, certificates] = await Promise.all([
    repo.countingRecords(conn, volunteer.id),
    repo.certificatesOf(conn, volunteer.id),
  ]);
  return {
    nameMasked: volunteer.name_masked,
    hours: Math.round(records.reduce((s, r) => s + Number(r.hours), 0) * 10) / 10,
    activities: new Set(records.map((r) => Number(r.activity_id))).size,
    records: records.map(presentRecord),
    certificates: certificates.map((c) => ({
      serial: c.serial,
      hours: Number(c.hours),
      issuedAt: c.issued_at,
    })),
  };
}

/** The caller's hours as a volunteer: the records that count and the certificates issued. */
export async function myHours(database: Database, ctx: Ctx) {
  return summaryOf(database.db, await volunteerOf(database.db, ctx));
}

const SERIAL_CHARS = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A certificate of the caller's hours so far, with a serial nobody can guess from another. */
export async function issue(database: Database, ctx: Ctx): Promise<CertificateCheck> {
  const serial = await database.db.transaction(async (tx) => {
    const volunteer = await volunteerOf(tx, ctx);
    const summary = await summaryOf(tx, volunteer);
    if (summary.hours <= 0) throw invalid('hours', 'no approved hours yet');
    const id = await repo.nextCertificateId(tx);
    const tail = Array.from({ length: 4 }, () => SERIAL_CHARS[randomInt(SERIAL_CHARS.length)]).join('');
    const made = `ZY${new Date().getFullYear()}-${String(id).padStart(6, '0')}-${tail}`;
    await repo.insertCertificate(tx, {
      id,
      serial: made,
      volunteerId: volunteer.id,
      nameMasked: volunteer.name_masked,
      hours: summary.hours,
      activities: summary.activities,
    });
    await audit(tx, ctx, {
      action: 'volunteer.certificate_issue',
      targetType: 'volunteer',
      targetId: volunteer.id,
      detail: { serial: made, hours: summary.hours },
    });
    return made;
  });
  return (await verify(database, serial))!;
}

/** The PDF of one of the caller's certificates; another's reads as missing. */
export async function pdf(database: Database, ctx: Ctx, serial: string) {
  const volunteer = await volunteerOf(database.db, ctx);
  const found = await repo.findCertificate(database.db, serial);
  if (!found || Number(found.volunteer_id) !== Number(volunteer.id)) throw notFound('certificate');
  return certificatePdf({
    serial,
    name: volunteer.name,
    idMasked: volunteer.id_masked,
    placeName: volunteer.place_name,
    hours: Number(found.hours),
    activities: found.activities,
    issuedAt: found.issued_at,
  });
}

/** What anyone may learn of a certificate by its serial: the masked name and the hours. */
export async function verify(database: Database, serial: string): Promise<CertificateCheck> {
  const found = await repo.findCertificate(database.db, serial);
  if (!found) throw new AppError('not_found', 'no certificate has this serial');
  return {
    serial: found.serial,
    nameMasked: found.name_masked,
    hours: Number(found.hours),
    activities: found.activities,
    issuedAt: found.issued_at,
  };
}
