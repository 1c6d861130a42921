import type { Application, JobConsent, Decide, Hire, Interview, Recommend } from '@anju/contracts';
import type { Conn, Database } from '../../db/client.ts';
import type { Ctx } from '../../platform/auth/actor.ts';
import { audit } from '../../platform/audit/audit.ts';
import type { Cipher } from '../../platform/crypto.ts';
import { AppError, invalid } from '../../platform/errors.ts';
import { linkPlacement } from '../cases/measures.service.ts';
import { recordPlacement } from '../employment/placement.service.ts';
import {
  assertApplicationSeen,
  assertMayChange,
  assertOnBehalf,
  assertPersonSeen,
  assertStep,
  phoneShownWhole,
  type Side,
} from './jobs.policy.ts';
import * as repo from './applications.repo.ts';
import type { ApplicationRow } from './jobs.sql.ts';
import { seenJob, stale, today } from './jobs.service.ts';

/** An application as `side` sees it: the employer reads the whole phone only when the person agreed. */
export const presentApplication = (
  cipher: Cipher,
  side: Side | 'person',
  a: ApplicationRow,
): Application => ({
  id: String(a.id),
  jobId: String(a.job_id),
  jobTitle: a.job_title,
  enterpriseName: a.enterprise_name,
  personId: String(a.person_id),
  name: a.name,
  age: a.age,
  phone:
    side !== 'person' && phoneShownWhole(side, a) && a.phone_cipher
      ? cipher.decrypt(a.phone_cipher)
      : a.phone_masked,
  skills: a.skills ?? [],
  origin: a.origin,
  status: a.status as Application['status'],
  consented: a.consented,
  showPhone: a.show_phone,
  interviewOn: a.interview_on,
  hiredOn: a.hired_on,
  recordId: a.record_id === null ? null : String(a.record_id),
  retention: a.hired_on === null ? null : { month3: a.month3, month6: a.month6 },
  note: a.note,
  version: a.version,
  createdAt: new Date(a.created_at).toISOString(),
});

/** A job's applications: officials see all, the employer only those applied for or agreed to. */
export async function ofJob(database: Database, cipher: Cipher, ctx: Ctx, jobId: number) {
  const { side } = await seenJob(database.db, ctx, jobId);
  const found = await repo.ofJob(database.db, jobId, side === 'employer', today());
  return found.map((a) => presentApplication(cipher, side, a));
}

/** An application of a job the caller sees, as they see it (404 for the employer until the person agrees). */
async function seenApplication(conn: Conn, ctx: Ctx, id: number) {
  const found = await repo.findById(conn, id, today());
  const { side } = found ? await seenJob(conn, ctx, Number(found.job_id)) : { side: 'employer' as const };
  assertApplicationSeen(side, found);
  return { application: found, side };
}

export async function get(database: Database, cipher: Cipher, ctx: Ctx, id: number) {
  const { application, side } = await seenApplication(database.db, ctx, id);
  return presentApplication(cipher, side, application);
}

/** An official puts a person of the labour force forward for an open job; the employer sees it once the person agrees. */
export async function recommend(
  database: Database,
  cipher: Cipher,
  ctx: Ctx,
  jobId: number,
  input: Recommend,
) {
  const id = await database.db.transaction(async (tx) => {
    const { job, side } = await seenJob(tx, ctx, jobId);
    if (side !== 'official') throw new AppError('forbidden', 'only officials recommend');
    if (job.status !== 'open') throw invalid('jobId', 'the job is closed');
    const person = await repo.personOf(tx, input.personId, today());
    assertPersonSeen(ctx.actor, person?.status === 'living' ? person : undefined);
    if (!person.labour_force) throw invalid('personId', 'is not of working age with labour capacity');
    const id = await repo.insert(tx, {
      jobId,
      personId: input.personId,
      origin: 'recommended',
      consentBy: null,
      showPhone: false,
      note: input.note,
      by: ctx.actor.userId,
    });
    if (id === null) throw invalid('personId', 'already put forward for this job');
    await audit(tx, ctx, {
      action: 'job.recommend',
      targetType: 'job',
      targetId: jobId,
      detail: { personId: input.personId },
    });
    return id;
  });
  return get(database, cipher, ctx, id);
}

/** An official of the residence side records the person's answer to a recommendation on their behalf. */
export async function consentOnBehalf(
  database: Database,
  cipher: Cipher,
  ctx: Ctx,
  id: number,
  input: JobConsent,
) {
  await database.db.transaction(async (tx) => {
    const { application } = await seenApplication(tx, ctx, id);
    assertOnBehalf(ctx.actor, application.residence_path);
    assertStep('consent', application.status);
    const done = await repo.change(tx, id, input.version, {
      status: input.agree ? 'applied' : 'withdrawn',
      ...(input.agree ? { consent: { by: 'proxy', recordedBy: ctx.actor.userId } } : {}),
      showPhone: input.agree && input.showPhone,
    });
    if (!done) throw stale();
    await audit(tx, ctx, {
      action: 'job.consent',
      targetType: 'job_application',
      targetId: id,
      detail: { agree: input.agree, showPhone: input.showPhone, onBehalf: true },
    });
  });
  return get(database, cipher, ctx, id);
}

type Step = 'interview' | 'hire' | 'reject';

/** One step of the employer (or an official with `job:write`) on an application, from the version read. */
async function step(
  database: Database,
  cipher: Cipher,
  ctx: Ctx,
  id: number,
  name: Step,
  version: number,
  change: (tx: Conn, a: ApplicationRow) => Promise<repo.Change>,
) {
  await database.db.transaction(async (tx) => {
    const { application, side } = await seenApplication(tx, ctx, id);
    assertMayChange(ctx.actor, side, { place_path: application.job_path });
    assertStep(name, application.status);
    if (!(await repo.change(tx, id, version, await change(tx, application)))) throw stale();
    await audit(tx, ctx, { action: `job.${name}`, targetType: 'job_application', targetId: id });
  });
  return get(database, cipher, ctx, id);
}

export const interview = (database: Database, cipher: Cipher, ctx: Ctx, id: number, input: Interview) =>
  step(database, cipher, ctx, id, 'interview', input.version, async () => ({
    status: 'interview',
    interviewOn: input.on,
    ...(input.note === undefined ? {} : { note: input.note }),
  }));

export const reject = (database: Database, cipher: Cipher, ctx: Ctx, id: number, input: Decide) =>
  step(database, cipher, ctx, id, 'reject', input.version, async () => ({
    status: 'rejected',
    ...(input.note === undefined ? {} : { note: input.note }),
  }));

/** A hire records the person's employment with the job's enterprise in the same transaction. */
export const hire = (database: Database, cipher: Cipher, ctx: Ctx, id: number, input: Hire) =>
  step(database, cipher, ctx, id, 'hire', input.version, async (tx, a) => {
    const { job } = await seenJob(tx, ctx, Number(a.job_id));
    const recordId = await recordPlacement(
      tx,
      ctx,
      { id: Number(a.person_id), householdId: Number(a.household_id) },
      {
        kind: input.kind,
        employerName: job.enterprise_name,
        enterpriseId: Number(job.enterprise_id),
        place: job.place_name,
        monthlyWage: input.monthlyWage,
        startOn: input.startOn,
      },
    );
    await linkPlacement(tx, ctx, Number(a.household_id), recordId);
    return { status: 'hired', hiredOn: input.startOn, recordId };
  });
