import type {
  MilestoneCreate,
  MilestoneDone,
  ProgressReportCreate,
  ServiceProjectCreate,
  ServiceProjectEvaluation,
  ServiceProjectQuery,
  ServiceProjectRatingCreate,
  ServiceProjectServedAdd,
} from '@anju/contracts';
import type { Conn, Database } from '../../db/client.ts';
import type { Ctx } from '../../platform/auth/actor.ts';
import { covers } from '../../platform/access/scope.ts';
import { audit, type AuditEvent } from '../../platform/audit/audit.ts';
import { AppError, forbidden, invalid, notFound } from '../../platform/errors.ts';
import { imageTypeOf } from '../../platform/files/photo.ts';
import { placeById } from '../places/places.service.ts';
import { activeHousehold } from '../registry/concerned.service.ts';
import * as needs from './needs.repo.ts';
import { readerOf } from './needs.service.ts';
import * as orgs from './orgs.repo.ts';
import { stale } from './orgs.service.ts';
import { presentDetail, presentProject } from './projects.present.ts';
import * as repo from './projects.repo.ts';
import {
  assertProjectVisible,
  assertRegisterPlace,
  orgScope,
  projectScope,
  projectStandingOf,
  standingOf,
  type Reader,
} from './services.policy.ts';

/** A project with how the reader stands to it; 404 when they may not read it. */
async function standingFor(conn: Conn, reader: Reader, id: number) {
  const row = await repo.findById(conn, id);
  if (!row) throw notFound('project');
  const standing = projectStandingOf(reader, row, await repo.servedHouseholds(conn, id));
  assertProjectVisible(standing);
  return { row, standing };
}

const closed = () =>
  new AppError('conflict', 'the project is evaluated and closed', [
    { field: 'status', reason: 'the project is evaluated and closed' },
  ]);

/** A change the reader may make: managing it (officials of its place) or also reporting (its provider). */
async function writable(tx: Conn, ctx: Ctx, id: number, who: 'manage' | 'report') {
  const reader = await readerOf(tx, ctx.actor);
  const found = await standingFor(tx, reader, id);
  const { manages, provides } = found.standing;
  if (!(manages || (who === 'report' && provides))) throw forbidden();
  await repo.lock(tx, id);
  const row = (await repo.findById(tx, id))!;
  if (row.status !== 'active') throw closed();
  return { row, standing: found.standing };
}

const record = (tx: Conn, ctx: Ctx, id: number, action: string, detail: AuditEvent['detail'] = {}) =>
  audit(tx, ctx, {
    action: `service_project.${action}`,
    targetType: 'service_project',
    targetId: id,
    detail,
  });

export async function get(database: Database, ctx: Ctx, id: number) {
  const conn = database.db;
  const reader = await readerOf(conn, ctx.actor);
  const { row, standing } = await standingFor(conn, reader, id);
  const [milestones, reports, served, complaints, myRating] = await Promise.all([
    repo.milestones(conn, id),
    repo.reports(conn, id),
    standing.manages ? repo.served(conn, id) : [],
    standing.manages ? repo.complaints(conn, id) : [],
    standing.served === null ? null : repo.ratingOf(conn, id, standing.served),
  ]);
  return presentDetail(row, { standing, milestones, reports, served, complaints, myRating });
}

export async function list(database: Database, ctx: Ctx, q: ServiceProjectQuery) {
  const reader = await readerOf(database.db, ctx.actor);
  const { items, total } = await repo.list(
    database.db,
    projectScope(reader),
    { q: q.q, status: q.status, kind: q.kind, orgId: q.orgId },
    q.pageSize,
    (q.page - 1) * q.pageSize,
  );
  return { items: items.map(presentProject), total, page: q.page, pageSize: q.pageSize };
}

/** The households of needs the caller works, and households in their scope, to serve. */
async function servedFrom(tx: Conn, ctx: Ctx, input: { needIds: number[]; householdIds: number[] }) {
  const reader = await readerOf(tx, ctx.actor);
  const found: { householdId: number; needId: number | null }[] = [];
  for (const needId of new Set(input.needIds)) {
    const need = await needs.findById(tx, needId);
    if (!need || !standingOf(reader, need).official) throw invalid('needIds', 'unknown need');
    found.push({ householdId: Number(need.household_id), needId });
  }
  for (const householdId of new Set(input.householdIds)) {
    const household = await activeHousehold(tx, householdId);
    if (!household || !covers(ctx.actor, household.residencePath))
      throw invalid('householdIds', 'unknown household');
    found.push({ householdId, needId: null });
  }
  return found;
}

/** Starts a project owned by a department of a place in the caller's scope, carried out by an organization they see. */
export async function create(database: Database, ctx: Ctx, input: ServiceProjectCreate) {
  const id = await database.db.transaction(async (tx) => {
    const place = await placeById(tx, input.placeId);
    assertRegisterPlace(ctx.actor, place);
    const org = await orgs.findVisible(tx, orgScope(ctx.actor), input.orgId);
    if (!org) throw invalid('orgId', 'unknown organization');
    if (!org.service_areas.includes(input.category))
      throw invalid('orgId', 'does not offer this kind of service');
    for (const m of input.milestones)
      if (m.dueOn < input.startsOn || m.dueOn > input.endsOn)
        throw invalid('milestones', 'must fall within the project');
    const served = await servedFrom(tx, ctx, { needIds: input.needIds, householdIds: [] });
    const id = await repo.insert(tx, {
      ...input,
      placeId: Number(place!.id),
      placePath: place!.path,
      createdBy: ctx.actor.userId,
    });
    await repo.addMilestones(tx, id, input.milestones);
    await repo.addServed(tx, id, served);
    await record(tx, ctx, id, 'create', { orgId: input.orgId, budget: input.budget });
    return id;
  });
  return get(database, ctx, id);
}

export async function addServed(database: Database, ctx: Ctx, id: number, input: ServiceProjectServedAdd) {
  await database.db.transaction(async (tx) => {
    await writable(tx, ctx, id, 'manage');
    const served = await servedFrom(tx, ctx, input);
    await repo.addServed(tx, id, served);
    await record(tx, ctx, id, 'served', { households: served.map((s) => s.householdId) });
  });
  return get(database, ctx, id);
}

export async function addMilestone(database: Database, ctx: Ctx, id: number, input: MilestoneCreate) {
  await database.db.transaction(async (tx) => {
    const { row } = await writable(tx, ctx, id, 'manage');
    if (input.dueOn < row.starts_on || input.dueOn > row.ends_on)
      throw invalid('dueOn', 'must fall within the project');
    await repo.addMilestones(tx, id, [input]);
    await record(tx, ctx, id, 'milestone', { title: input.title, dueOn: input.dueOn });
  });
  return get(database, ctx, id);
}

/** Marks a milestone reached, by the provider or an official, from the version read. */
export async function markMilestone(database: Database, ctx: Ctx, milestoneId: number, input: MilestoneDone) {
  const milestone = await repo.findMilestone(database.db, milestoneId);
  if (!milestone) throw notFound('milestone');
  const projectId = Number(milestone.project_id);
  await database.db.transaction(async (tx) => {
    await writable(tx, ctx, projectId, 'report');
    if (input.doneOn > new Date().toISOString().slice(0, 10))
      throw invalid('doneOn', 'must not be in the future');
    if (!(await repo.markMilestone(tx, milestoneId, input.version, input.doneOn))) throw stale();
    await record(tx, ctx, projectId, 'milestone_done', { milestoneId, doneOn: input.doneOn });
  });
  return get(database, ctx, projectId);
}

/** A progress report by the provider or an official; its spending may not take the total past the budget. */
export async function addReport(database: Database, ctx: Ctx, id: number, input: ProgressReportCreate) {
  const reportId = await database.db.transaction(async (tx) => {
    const { row } = await writable(tx, ctx, id, 'report');
    if (input.milestoneId !== null) {
      const m = await repo.findMilestone(tx, input.milestoneId);
      if (!m || Number(m.project_id) !== id) throw invalid('milestoneId', 'unknown milestone');
    }
    if (row.spent + input.spent > row.budget)
      throw invalid('spent', 'takes the spending past the budget of {{budget}} yuan', { budget: row.budget });
    const reportId = await repo.insertReport(tx, { projectId: id, ...input, authorId: ctx.actor.userId });
    await record(tx, ctx, id, 'report', { reportId, spent: input.spent });
    return reportId;
  });
  return { id: String(reportId), project: await get(database, ctx, id) };
}

/** Stores a photo of a progress report; the type comes from the content, not the name. */
export async function addPhoto(database: Database, ctx: Ctx, reportId: number, content: Buffer) {
  const report = await repo.findReport(database.db, reportId);
  if (!report) throw notFound('report');
  const projectId = Number(report.project_id);
  const contentType = imageTypeOf(content);
  const photoId = await database.db.transaction(async (tx) => {
    await writable(tx, ctx, projectId, 'report');
    const photoId = await repo.insertPhoto(tx, reportId, contentType, content);
    await record(tx, ctx, projectId, 'photo', { reportId, photoId });
    return photoId;
  });
  return { id: String(photoId), contentType, bytes: content.length };
}

export async function photo(database: Database, ctx: Ctx, id: number) {
  const row = await repo.findPhoto(database.db, id);
  if (!row) throw notFound('photo');
  await standingFor(database.db, await readerOf(database.db, ctx.actor), Number(row.project_id));
  return { contentType: row.content_type, content: Buffer.from(row.content) };
}

const notServed = () =>
  new AppError('forbidden', 'only the people served may rate this project', [
    { field: 'rating', reason: 'only the people served may rate this project' },
  ]);

/** A served household's one rating of the project. */
export async function rate(database: Database, ctx: Ctx, id: number, input: ServiceProjectRatingCreate) {
  await database.db.transaction(async (tx) => {
    const { standing } = await standingFor(tx, await readerOf(tx, ctx.actor), id);
    if (standing.served === null) throw notServed();
    const rated = await repo.insertRating(tx, {
      projectId: id,
      householdId: standing.served,
      rating: input.rating,
      comment: input.comment,
      by: ctx.actor.userId,
    });
    if (!rated)
      throw new AppError('conflict', 'your household rated this project already', [
        { field: 'rating', reason: 'your household rated this project already' },
      ]);
    await record(tx, ctx, id, 'rate', { rating: input.rating });
  });
  return get(database, ctx, id);
}

export async function complain(database: Database, ctx: Ctx, id: number, summary: string) {
  await database.db.transaction(async (tx) => {
    const { standing } = await standingFor(tx, await readerOf(tx, ctx.actor), id);
    if (!standing.manages) throw forbidden();
    await repo.insertComplaint(tx, id, summary, ctx.actor.userId);
    await record(tx, ctx, id, 'complaint');
  });
  return get(database, ctx, id);
}

/** Closes the project with its final evaluation, from the version read. */
export async function evaluate(database: Database, ctx: Ctx, id: number, input: ServiceProjectEvaluation) {
  await database.db.transaction(async (tx) => {
    await writable(tx, ctx, id, 'manage');
    const done = await repo.evaluate(tx, id, input.version, {
      grade: input.grade,
      evaluation: input.evaluation,
      by: ctx.actor.userId,
    });
    if (!done) throw stale();
    await record(tx, ctx, id, 'evaluate', { grade: input.grade });
  });
  return get(database, ctx, id);
}
