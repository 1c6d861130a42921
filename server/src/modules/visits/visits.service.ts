import type { DueQuery, Visit, VisitCreate } from '@anju/contracts';
import type { Conn, Database } from '../../db/client.ts';
import { pathInScope } from '../../platform/access/scope.ts';
import type { Ctx } from '../../platform/auth/actor.ts';
import { audit } from '../../platform/audit/audit.ts';
import { invalid, notFound } from '../../platform/errors.ts';
import { gridsOfWorker } from '../grids/grids.service.ts';
import { findPlacesByIds, placeById } from '../places/places.service.ts';
import { dictionary } from '../registry/extras.service.ts';
import { householdResidence } from '../registry/residence.service.ts';
import { coverageOf, type CoverageFigure } from './coverage.ts';
import { dueCount, dueList } from './due.ts';
import {
  assertCommunity,
  assertMayVisit,
  dueGridsSql,
  gridScope,
  isGridWorker,
  visitScope,
} from './visits.policy.ts';
import { imageTypeOf } from '../../platform/files/photo.ts';
import * as repo from './visits.repo.ts';

const present = (r: repo.VisitRow): Visit => ({
  id: String(r.id),
  householdId: String(r.household_id),
  householdNo: r.household_no,
  headName: r.head_name,
  gridId: String(r.grid_id),
  visitorName: r.visitor_name,
  visitedOn: r.visited_on,
  kind: r.kind,
  findings: r.findings,
  followUps: r.follow_ups,
  becomesIncident: r.becomes_incident,
  incidentId: r.incident_id === null ? null : String(r.incident_id),
  photoIds: r.photo_ids.map(String),
  createdAt: new Date(r.created_at).toISOString(),
});

/** Refuses a grid worker a household outside the grids they work in. */
export async function mayVisit(conn: Conn, ctx: Ctx, residencePath: string) {
  const grids = isGridWorker(ctx) ? await gridsOfWorker(conn, ctx.actor.userId) : [];
  assertMayVisit(ctx, grids, residencePath);
}

/** A community the caller may read plans and coverage of, or change plans of (`write`). */
export async function communityOf(conn: Conn, ctx: Ctx, id: number, write = false) {
  const community = await placeById(conn, id);
  assertCommunity(ctx, community, write);
  return community;
}

/** A visit the caller can see; anything else is reported missing. */
export async function visible(database: Database, ctx: Ctx, id: number) {
  const row = await repo.findVisit(database.db, id);
  if (!row || !pathInScope(ctx.actor, row.residence_path)) throw notFound('visit');
  return row;
}

export async function get(database: Database, ctx: Ctx, id: number) {
  return present(await visible(database, ctx, id));
}

/** Logs a visit to a household in the caller's scope; a grid worker only in the grids they work in. */
export async function create(database: Database, ctx: Ctx, input: VisitCreate) {
  const household = await householdResidence(database.db, Number(input.householdId));
  if (!household || household.status !== 'active' || !pathInScope(ctx.actor, household.residence_path))
    throw notFound('household');
  await mayVisit(database.db, ctx, household.residence_path);
  const ancestors = await findPlacesByIds(
    database.db,
    household.residence_path.split('/').filter(Boolean).map(Number),
  );
  const grid = ancestors.find((p) => p.level === 'grid');
  if (!grid) throw invalid('householdId', 'the household lives in no grid');
  if (!(await dictionary(database, 'visit_kind')).some((k) => k.code === input.kind))
    throw invalid('kind', 'not a visit kind');
  if (input.visitedOn > new Date().toISOString().slice(0, 10)) throw invalid('visitedOn', 'is in the future');
  const id = await database.db.transaction(async (tx) => {
    const visitId = await repo.insert(tx, {
      householdId: Number(household.id),
      gridId: grid.id,
      householdPath: household.residence_path,
      visitorId: ctx.actor.userId,
      visitedOn: input.visitedOn,
      kind: input.kind,
      findings: input.findings,
      followUps: input.followUps,
      becomesIncident: input.becomesIncident,
    });
    await audit(tx, ctx, {
      action: 'visit.create',
      targetType: 'household',
      targetId: household.id,
      detail: { visitId, kind: input.kind, becomesIncident: input.becomesIncident },
    });
    return visitId;
  });
  return get(database, ctx, id);
}

export async function list(
  database: Database,
  ctx: Ctx,
  q: { householdId?: string; gridId?: string; from?: string; to?: string; page: number; pageSize: number },
) {
  const { items, total } = await repo.list(
    database.db,
    visitScope(ctx),
    {
      householdId: q.householdId ? Number(q.householdId) : undefined,
      gridId: q.gridId ? Number(q.gridId) : undefined,
      from: q.from,
      to: q.to,
    },
    q.pageSize,
    (q.page - 1) * q.pageSize,
  );
  return { items: items.map(present), total, page: q.page, pageSize: q.pageSize };
}

/** Stores a photo of a visit the caller can see; the type comes from the content, not the name. */
export async function addPhoto(database: Database, ctx: Ctx, visitId: number, content: Buffer) {
  await visible(database, ctx, visitId);
  const contentType = imageTypeOf(content);
  const id = await database.db.transaction(async (tx) => {
    const photoId = await repo.insertPhoto(tx, visitId, contentType, content);
    await audit(tx, ctx, {
      action: 'visit.photo',
      targetType: 'visit',
      targetId: visitId,
      detail: { photoId },
    });
    return photoId;
  });
  return { id: String(id), contentType, bytes: content.length };
}

export async function photo(database: Database, ctx: Ctx, id: number) {
  const row = await repo.findPhoto(database.db, id);
  if (!row) throw notFound('photo');
  await visible(database, ctx, Number(row.visit_id));
  return { contentType: row.content_type, content: Buffer.from(row.content) };
}

const rate = (f: CoverageFigure) => ({
  id: String(f.id),
  name: f.name,
  due: f.due,
  visited: f.visited,
  rate: f.due === 0 ? null : Math.round((f.visited / f.due) * 10_000) / 10_000,
});

/** Coverage per grid and per grid worker in a community (see coverage.ts for the definition). */
export async function coverage(
  database: Database,
  ctx: Ctx,
  q: { communityId: string; from: string; to: string },
) {
  if (q.from > q.to) throw invalid('to', 'must not be before from');
  const community = await communityOf(database.db, ctx, Number(q.communityId));
  const { grids, workers } = await coverageOf(database.db, community.id, gridScope(ctx), q.from, q.to);
  return { from: q.from, to: q.to, grids: grids.map(rate), workers: workers.map(rate) };
}

/** Planned households falling due or overdue (see due.ts), a grid worker's in their own grids. */
export async function due(database: Database, ctx: Ctx, q: DueQuery) {
  const on = q.on ?? new Date().toISOString().slice(0, 10);
  const grids = dueGridsSql(ctx, {
    gridId: q.gridId === undefined ? undefined : Number(q.gridId),
    communityId: q.communityId === undefined ? undefined : Number(q.communityId),
  });
  const found = await dueList(database.db, {
    grids,
    on,
    within: q.within,
    overdue: q.status === undefined ? undefined : q.status === 'overdue',
    limit: q.pageSize,
    offset: (q.page - 1) * q.pageSize,
  });
  return {
    items: found.rows.map((r) => ({
      householdId: String(r.id),
      householdNo: r.household_no,
      headName: r.head_name,
      dwellingName: r.dwelling_name,
      gridId: String(r.grid_id),
      gridName: r.grid_name,
      planName: r.plan_name,
      intervalDays: r.every,
      lastVisitedOn: r.last_on,
      dueOn: r.due_on,
      status: r.overdue ? ('overdue' as const) : ('due' as const),
    })),
    total: found.total,
    overdue: found.overdue,
    on,
    page: q.page,
    pageSize: q.pageSize,
  };
}

/** How many planned households (a grid worker's in their own grids) fall due within a week or are overdue. */
export const countDue = (database: Database, ctx: Ctx) =>
  dueCount(database.db, dueGridsSql(ctx, {}), new Date().toISOString().slice(0, 10), 7);
