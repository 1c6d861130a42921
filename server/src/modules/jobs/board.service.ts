import type { Apply, BoardQuery, JobConsent, Decide, JobBoard, ShowPhone } from '@anju/contracts';
import type { Conn, Database } from '../../db/client.ts';
import type { Ctx } from '../../platform/auth/actor.ts';
import { audit } from '../../platform/audit/audit.ts';
import type { Cipher } from '../../platform/crypto.ts';
import { AppError, invalid, notFound } from '../../platform/errors.ts';
import * as repo from './applications.repo.ts';
import { presentApplication } from './applications.service.ts';
import { assertStep } from './jobs.policy.ts';
import { findById } from './jobs.repo.ts';
import { presentJob, stale, today } from './jobs.service.ts';
import { bestJobs } from './ranking.repo.ts';

/** The household living in the resident's dwelling (their scope), with its living members; 404 when none. */
async function household(conn: Conn, ctx: Ctx) {
  const found = await repo.residentHousehold(conn, ctx.actor);
  if (!found) throw new AppError('not_found', 'no household of yours was found');
  return found;
}

/** Open jobs near the dwelling, ranked for one member (the first by default), and the members who may apply. */
export async function board(database: Database, ctx: Ctx, q: BoardQuery): Promise<JobBoard> {
  const home = await household(database.db, ctx);
  const chosen = q.personId ?? home.members[0]?.id;
  if (q.personId !== undefined && !home.members.some((m) => Number(m.id) === q.personId))
    throw invalid('query.personId', 'not a member of your household');
  const person = chosen === undefined ? undefined : await repo.personOf(database.db, Number(chosen), today());
  const matches = await bestJobs(
    database.db,
    {
      residencePath: home.residence_path,
      skills: person?.skills ?? [],
      workPreference: person?.work_preference ?? null,
    },
    30,
  );
  return {
    jobs: matches.map((m) => ({
      job: presentJob(m),
      skills: m.matched,
      distance: m.distance,
      preference: m.preference,
      score: m.score,
    })),
    members: home.members.map((m) => ({ personId: String(m.id), name: m.name })),
  };
}

/** The applications and recommendations of the household's people. */
export async function mine(database: Database, cipher: Cipher, ctx: Ctx) {
  const home = await household(database.db, ctx);
  return (await repo.ofHousehold(database.db, Number(home.id), today())).map((a) =>
    presentApplication(cipher, 'person', a),
  );
}

/** A resident applies for one of their household for an open job; applying to a recommendation agrees to it. */
export async function apply(database: Database, cipher: Cipher, ctx: Ctx, input: Apply) {
  const id = await database.db.transaction(async (tx) => {
    const home = await household(tx, ctx);
    if (!home.members.some((m) => Number(m.id) === input.personId))
      throw invalid('personId', 'not a member of your household');
    const job = await findById(tx, input.jobId);
    if (!job) throw invalid('jobId', 'unknown job');
    if (job.status !== 'open') throw invalid('jobId', 'the job is closed');
    let id = await repo.insert(tx, {
      jobId: input.jobId,
      personId: input.personId,
      origin: 'applied',
      consentBy: 'person',
      showPhone: input.showPhone,
      note: input.note,
      by: ctx.actor.userId,
    });
    if (id === null) {
      const existing = (await repo.ofHousehold(tx, Number(home.id), today())).find(
        (a) => Number(a.job_id) === input.jobId && Number(a.person_id) === input.personId,
      )!;
      if (existing.status !== 'recommended') throw invalid('jobId', 'already put forward for this job');
      const consent = { by: 'person' as const, recordedBy: ctx.actor.userId };
      await repo.change(tx, existing.id, existing.version, {
        status: 'applied',
        consent,
        showPhone: input.showPhone,
      });
      id = Number(existing.id);
    }
    await audit(tx, ctx, {
      action: 'job.apply',
      targetType: 'job',
      targetId: input.jobId,
      detail: { personId: input.personId },
    });
    return id;
  });
  return presentApplication(cipher, 'person', (await repo.findById(database.db, id, today()))!);
}

/** One of the household's applications, or 404. */
async function own(conn: Conn, ctx: Ctx, id: number) {
  const home = await household(conn, ctx);
  const found = await repo.findById(conn, id, today());
  if (!found || Number(found.household_id) !== Number(home.id)) throw notFound('application');
  return found;
}

async function change(
  database: Database,
  cipher: Cipher,
  ctx: Ctx,
  id: number,
  action: string,
  work: (tx: Conn, a: Awaited<ReturnType<typeof own>>) => Promise<repo.Change>,
  version: number,
) {
  await database.db.transaction(async (tx) => {
    const a = await own(tx, ctx, id);
    if (!(await repo.change(tx, id, version, await work(tx, a)))) throw stale();
    await audit(tx, ctx, { action, targetType: 'job_application', targetId: id });
  });
  return presentApplication(cipher, 'person', (await repo.findById(database.db, id, today()))!);
}

/** The person answers a recommendation themselves. */
export const respond = (database: Database, cipher: Cipher, ctx: Ctx, id: number, input: JobConsent) =>
  change(
    database,
    cipher,
    ctx,
    id,
    'job.consent',
    async (_tx, a) => {
      assertStep('consent', a.status);
      return input.agree
        ? {
            status: 'applied',
            consent: { by: 'person', recordedBy: ctx.actor.userId },
            showPhone: input.showPhone,
          }
        : { status: 'withdrawn' };
    },
    input.version,
  );

export const withdraw = (database: Database, cipher: Cipher, ctx: Ctx, id: number, input: Decide) =>
  change(
    database,
    cipher,
    ctx,
    id,
    'job.withdraw',
    async (_tx, a) => {
      assertStep('withdraw', a.status);
      return { status: 'withdrawn' };
    },
    input.version,
  );

/** The person lets the employer see their phone, or stops it. */
export const showPhone = (database: Database, cipher: Cipher, ctx: Ctx, id: number, input: ShowPhone) =>
  change(
    database,
    cipher,
    ctx,
    id,
    'job.show_phone',
    async () => ({ showPhone: input.showPhone }),
    input.version,
  );
