import {
  HANDLING_LEVELS,
  type HandlingLevel,
  type Incident,
  type IncidentReport,
  type IncidentStatus,
} from '@anju/contracts';
import type { Conn, Database } from '../../db/client.ts';
import type { Ctx } from '../../platform/auth/actor.ts';
import type { Cipher } from '../../platform/crypto.ts';
import { pathInScope } from '../../platform/access/scope.ts';
import { audit } from '../../platform/audit/audit.ts';
import { AppError, invalid } from '../../platform/errors.ts';
import { notifyUsers } from '../../platform/notify/notify.ts';
import { underPath as pathUnder } from '../places/places.service.ts';
import { sealPhone } from '../registry/identity.ts';
import { allowedActions } from './actions.ts';
import { canSee, standingOf, visibleSql } from './incidents.policy.ts';
import * as repo from './incidents.repo.ts';
import type { IncidentRow } from './incidents.sql.ts';
import { photoIdsByStep } from './photos.repo.ts';

/** The role that takes incidents at each rung of the ladder. */
export const LEVEL_ROLE = ['grid_worker', 'community_staff', 'township_officer', 'county_admin'] as const;
const REPORTABLE = ['grid', 'building', 'dwelling', 'community'];

export function present(ctx: Ctx, r: IncidentRow): Incident {
  const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);
  return {
    id: String(r.id),
    code: r.code,
    categoryCode: r.category_code,
    title: r.title,
    description: r.description,
    source: r.source as Incident['source'],
    place: { id: String(r.place_id), name: r.place_name, path: r.place_path },
    householdId: r.household_id === null ? null : String(r.household_id),
    level: HANDLING_LEVELS[r.level],
    handlingPlace: { id: String(r.handling_place_id), name: r.handling_name },
    assigneeUserId: r.assignee_user_id === null ? null : String(r.assignee_user_id),
    departmentId: r.department_id === null ? null : String(r.department_id),
    status: r.status as IncidentStatus,
    supervised: r.supervised,
    overdue: r.overdue,
    acceptDueAt: iso(r.accept_due_at)!,
    dueAt: iso(r.due_at)!,
    reportedAt: iso(r.reported_at)!,
    acceptedAt: iso(r.accepted_at),
    repliedAt: iso(r.replied_at),
    closedAt: iso(r.closed_at),
    satisfaction: r.satisfaction as Incident['satisfaction'],
    ratedAt: iso(r.rated_at),
    mine: r.reporter_user_id === ctx.actor.userId,
    version: r.version,
  };
}

/** The rung and place that handle an incident at `place`, starting no lower than the category says. */
export async function handlingFor(conn: Conn, placePath: string, startLevel: number, from = 0) {
  const chain = await repo.ancestors(conn, placePath);
  for (let level = Math.max(startLevel, from); level < HANDLING_LEVELS.length; level++) {
    const at = chain.find((a) => a.level === HANDLING_LEVELS[level]);
    if (at) return { level, place: at };
  }
  throw invalid('placeId', 'is not inside a county');
}

/** Who may report where: officials within their scope; residents and party members in their own community. */
async function assertMayReportAt(conn: Conn, ctx: Ctx, placePath: string) {
  if (pathInScope(ctx.actor, placePath)) return;
  for (const s of ctx.actor.scopes) {
    const community = (await repo.ancestors(conn, s.path)).find((a) => a.level === 'community');
    if (community && placePath.startsWith(community.path)) return;
  }
  throw new AppError('not_found', 'place not found');
}

const SOURCE_BY_ROLE: Record<string, Incident['source']> = {
  resident: 'resident',
  party_member: 'party_member',
  grid_worker: 'grid_worker',
};

export async function report(
  database: Database,
  cipher: Cipher,
  ctx: Ctx,
  input: IncidentReport,
  now = new Date(),
) {
  const id = await database.db.transaction(async (tx) => {
    const category = await repo.category(tx, input.categoryCode);
    if (!category) throw invalid('categoryCode', 'unknown category');
    const [place] = (await repo.ancestors(tx, `/${input.placeId}/`)).filter(
      (p) => p.id === Number(input.placeId),
    );
    if (!place || !REPORTABLE.includes(place.level))
      throw invalid('placeId', 'must be a community, grid, building or dwelling');
    await assertMayReportAt(tx, ctx, place.path);
    const handling = await handlingFor(tx, place.path, category.start_level);
    const phone = sealPhone(cipher, input.reporterPhone, 'reporterPhone');
    const source =
      input.source ?? ctx.actor.roles.map((r) => SOURCE_BY_ROLE[r]).find(Boolean) ?? 'department';
    const incidentId = await repo.insert(
      tx,
      {
        categoryCode: category.code,
        title: input.title,
        description: input.description,
        source,
        reporterUserId: ctx.actor.userId,
        reporterName: input.reporterName ?? ctx.actor.displayName,
        reporterPhoneCipher: phone?.cipher ?? null,
        reporterPhoneMasked: phone?.masked ?? null,
        placeId: place.id,
        placePath: place.path,
        householdId: input.householdId ? Number(input.householdId) : null,
        lat: input.lat ?? null,
        lng: input.lng ?? null,
        level: handling.level,
        handlingPlaceId: handling.place.id,
        acceptHours: category.accept_hours,
        deadlineHours: category.deadline_hours,
      },
      now,
    );
    await repo.addStep(tx, {
      incidentId,
      action: 'report',
      from: null,
      to: 'reported',
      actorId: ctx.actor.userId,
      actorName: ctx.actor.username,
      data: { source },
    });
    const handlers = await repo.handlersAt(tx, handling.place.id, LEVEL_ROLE[handling.level]);
    await notifyUsers(tx, handlers, {
      kind: 'incident_reported',
      params: { title: input.title },
      link: `/incidents/${incidentId}`,
    });
    await audit(tx, ctx, {
      action: 'incident.report',
      targetType: 'incident',
      targetId: incidentId,
      detail: { category: category.code },
    });
    return incidentId;
  });
  return get(database, ctx, id);
}

export async function list(
  database: Database,
  ctx: Ctx,
  q: {
    under?: string;
    status?: string;
    open?: 'true' | 'false';
    overdue?: 'true' | 'false';
    categoryCode?: string;
    assignedToMe?: 'true' | 'false';
    mine?: 'true' | 'false';
    level?: HandlingLevel;
    supervised?: 'true' | 'false';
    q?: string;
    page: number;
    pageSize: number;
  },
) {
  let underPath: string | undefined;
  if (q.under) underPath = await pathUnder(database.db, q.under);
  const { items, total } = await repo.list(
    database.db,
    visibleSql(ctx.actor),
    {
      underPath,
      status: q.status,
      open: q.open === undefined ? undefined : q.open === 'true',
      overdue: q.overdue === undefined ? undefined : q.overdue === 'true',
      categoryCode: q.categoryCode,
      assigneeUserId: q.assignedToMe === 'true' ? ctx.actor.userId : undefined,
      reporterUserId: q.mine === 'true' ? ctx.actor.userId : undefined,
      level: q.level === undefined ? undefined : HANDLING_LEVELS.indexOf(q.level),
      supervised: q.supervised === undefined ? undefined : q.supervised === 'true',
      search: q.q || undefined,
    },
    q.pageSize,
    (q.page - 1) * q.pageSize,
  );
  return { items: items.map((r) => present(ctx, r)), total, page: q.page, pageSize: q.pageSize };
}

/** An incident the caller may see, with its timeline; anything else is reported missing. */
export async function get(database: Database, ctx: Ctx, id: number) {
  const row = await repo.findById(database.db, id);
  const departments = await repo.departmentsOf(database.db, ctx.actor.userId);
  if (!row || !canSee(ctx.actor, row, departments)) {
    throw new AppError('not_found', 'incident not found');
  }
  const [steps, photos] = await Promise.all([repo.steps(database.db, id), photoIdsByStep(database.db, id)]);
  return {
    ...present(ctx, row),
    actions: allowedActions(row, standingOf(ctx.actor, row, departments)),
    steps: steps.map((s) => ({
      id: String(s.id),
      action: s.action,
      fromStatus: s.from_status,
      toStatus: s.to_status,
      actorName: s.actor_name,
      note: s.note,
      data: s.data,
      at: new Date(s.at).toISOString(),
      photoIds: photos.get(Number(s.id)) ?? [],
    })),
  };
}
