import type { Job, JobCreate, JobQuery, JobUpdate, StaffLink } from '@anju/contracts';
import type { Conn, Database } from '../../db/client.ts';
import type { Ctx } from '../../platform/auth/actor.ts';
import { audit } from '../../platform/audit/audit.ts';
import { AppError, invalid, notFound } from '../../platform/errors.ts';
import * as enterprises from '../enterprises/enterprises.service.ts';
import { placeById } from '../places/places.service.ts';
import * as users from '../users/users.service.ts';
import {
  assertEmployer,
  assertJobPlace,
  assertMayChange,
  assertWages,
  jobScope,
  postingSide,
  jobSide,
  type Side,
} from './jobs.policy.ts';
import * as repo from './jobs.repo.ts';
import type { JobRow } from './jobs.sql.ts';

export const stale = () =>
  new AppError('conflict', 'changed by someone else', [{ field: 'version', reason: 'stale' }]);

/** Today as a calendar day. */
export const today = () => new Date().toISOString().slice(0, 10);

export const presentJob = (r: JobRow): Job => ({
  id: String(r.id),
  enterpriseId: String(r.enterprise_id),
  enterpriseName: r.enterprise_name,
  title: r.title,
  wageMin: Number(r.wage_min),
  wageMax: Number(r.wage_max),
  placeId: String(r.place_id),
  placeName: r.place_name,
  headcount: r.headcount,
  skills: r.skills,
  housing: r.housing,
  commuteNote: r.commute_note,
  status: r.status,
  applicants: r.applicants,
  hired: r.hired,
  version: r.version,
  updatedAt: new Date(r.updated_at).toISOString(),
});

/** A job the caller sees, with how they see it; 404 otherwise. */
export async function seenJob(conn: Conn, ctx: Ctx, id: number): Promise<{ job: JobRow; side: Side }> {
  const [job, employerId] = await Promise.all([
    repo.findById(conn, id),
    repo.employerOf(conn, ctx.actor.userId),
  ]);
  const side = jobSide(ctx.actor, job, employerId);
  return { job: job!, side };
}

export async function get(database: Database, ctx: Ctx, id: number) {
  return presentJob((await seenJob(database.db, ctx, id)).job);
}

export async function list(database: Database, ctx: Ctx, q: JobQuery) {
  const employerId = await repo.employerOf(database.db, ctx.actor.userId);
  const { items, total } = await repo.list(
    database.db,
    jobScope(ctx.actor, employerId),
    { status: q.status, q: q.q },
    q.pageSize,
    (q.page - 1) * q.pageSize,
  );
  return { items: items.map(presentJob), total, page: q.page, pageSize: q.pageSize };
}

/** The enterprise a new job is for: an official names one in their scope, staff post for their own. */
async function enterpriseFor(database: Database, ctx: Ctx, side: Side, named: number | undefined) {
  if (side === 'employer') {
    const own = await repo.employerOf(database.db, ctx.actor.userId);
    assertEmployer(own);
    return (await repo.enterpriseOf(database.db, own))!;
  }
  if (named === undefined) throw invalid('enterpriseId', 'unknown enterprise');
  try {
    await enterprises.get(database, ctx, named);
  } catch (e) {
    if (e instanceof AppError && e.code === 'not_found') throw invalid('enterpriseId', 'unknown enterprise');
    throw e;
  }
  return (await repo.enterpriseOf(database.db, named))!;
}

/** Posts a job: officials with `job:write` for an enterprise in their scope, an enterprise's staff for their own. */
export async function create(database: Database, ctx: Ctx, input: JobCreate) {
  assertWages(input.wageMin, input.wageMax);
  const side = postingSide(ctx.actor);
  const enterprise = await enterpriseFor(database, ctx, side, input.enterpriseId);
  const id = await database.db.transaction(async (tx) => {
    const place = await placeById(tx, input.placeId ?? Number(enterprise.place_id));
    if (input.placeId !== undefined) assertJobPlace(ctx.actor, side, place, enterprise.place_path);
    const id = await repo.insert(
      tx,
      Number(enterprise.id),
      {
        ...input,
        placeId: place!.id,
        placePath: place!.path,
        status: 'open',
        skills: [...new Set(input.skills)],
      },
      ctx.actor.userId,
    );
    await audit(tx, ctx, {
      action: 'job.create',
      targetType: 'job',
      targetId: id,
      detail: { enterpriseId: Number(enterprise.id), title: input.title },
    });
    return id;
  });
  return get(database, ctx, id);
}

/** Changes, closes or reopens a job from the version read (409 when stale). */
export async function update(database: Database, ctx: Ctx, id: number, input: JobUpdate) {
  await database.db.transaction(async (tx) => {
    const { job, side } = await seenJob(tx, ctx, id);
    assertMayChange(ctx.actor, side, job);
    const place = input.placeId === undefined ? null : await placeById(tx, input.placeId);
    if (place !== null) assertJobPlace(ctx.actor, side, place, job.enterprise_path);
    const next: repo.JobFields = {
      title: input.title ?? job.title,
      wageMin: input.wageMin ?? Number(job.wage_min),
      wageMax: input.wageMax ?? Number(job.wage_max),
      placeId: place?.id ?? Number(job.place_id),
      placePath: place?.path ?? job.place_path,
      headcount: input.headcount ?? job.headcount,
      skills: input.skills ? [...new Set(input.skills)] : job.skills,
      housing: input.housing ?? job.housing,
      commuteNote: input.commuteNote ?? job.commute_note,
      status: input.status ?? job.status,
    };
    assertWages(next.wageMin, next.wageMax);
    if (!(await repo.update(tx, id, input.version, next))) throw stale();
    await audit(tx, ctx, {
      action: 'job.update',
      targetType: 'job',
      targetId: id,
      detail: { fields: Object.keys(input).filter((k) => k !== 'version'), version: input.version + 1 },
    });
  });
  return get(database, ctx, id);
}

/** The accounts linked to an enterprise the caller sees. */
export async function staff(database: Database, ctx: Ctx, enterpriseId: number) {
  await enterprises.get(database, ctx, enterpriseId);
  const linked = await repo.staffOf(database.db, enterpriseId);
  const byUser = new Map(linked.map((s) => [Number(s.user_id), s]));
  return (await users.namesOf(database.db, [...byUser.keys()])).map((u) => ({
    userId: String(u.id),
    username: u.username,
    displayName: u.displayName,
    enterpriseId: String(byUser.get(u.id)!.enterprise_id),
    enterpriseName: byUser.get(u.id)!.enterprise_name,
  }));
}

/** Links an `enterprise_hr` account to an enterprise in the caller's scope. */
export async function linkStaff(database: Database, ctx: Ctx, input: StaffLink) {
  await enterprises.get(database, ctx, input.enterpriseId);
  await database.db.transaction(async (tx) => {
    const account = await users.accountByUsername(tx, input.username);
    if (!account?.roles.includes('enterprise_hr'))
      throw invalid('username', 'not an enterprise staff account');
    await repo.link(tx, account.id, input.enterpriseId, ctx.actor.userId);
    await audit(tx, ctx, {
      action: 'job.staff_link',
      targetType: 'enterprise',
      targetId: input.enterpriseId,
      detail: { userId: account.id },
    });
  });
  return staff(database, ctx, input.enterpriseId);
}

/** Unlinks an account from an enterprise in the caller's scope. */
export async function unlinkStaff(database: Database, ctx: Ctx, enterpriseId: number, userId: number) {
  await enterprises.get(database, ctx, enterpriseId);
  await database.db.transaction(async (tx) => {
    if (!(await repo.unlink(tx, userId, enterpriseId))) throw notFound('staff');
    await audit(tx, ctx, {
      action: 'job.staff_unlink',
      targetType: 'enterprise',
      targetId: enterpriseId,
      detail: { userId },
    });
  });
  return staff(database, ctx, enterpriseId);
}
