import {
  HANDLING_LEVELS,
  placeLabel,
  QUICK_REPORT_CATEGORY,
  type Incident,
  type IncidentQuery,
  type IncidentReport,
  type IncidentStatus,
} from '@anju/contracts';
import type { Conn, Database } from '../../db/client.ts';
import type { Ctx } from '../../platform/auth/actor.ts';
import type { Cipher } from '../../platform/crypto.ts';
import { pathInScope } from '../../platform/access/scope.ts';
import { audit } from '../../platform/audit/audit.ts';
import { AppError, conflict, invalid } from '../../platform/errors.ts';
import type { PathMove } from '../places/places.service.ts';
import { sealPhone } from '../registry/registry.service.ts';
import { allowedActions } from './actions.ts';
import { fromTimeline } from './extension.ts';
import { checkLocation } from './location.ts';
import { canSee, standingOf, visibleSql } from './incidents.policy.ts';
import * as repo from './incidents.repo.ts';
import type { Ancestor } from './incidents.repo.ts';
import type { IncidentRow, StepRow } from './incidents.sql.ts';
import { LEVEL_ROLE } from './ladder.ts';
import { attachmentsByStep } from './photos.repo.ts';
import * as relocation from './relocate.repo.ts';
import * as workbench from './workbench.repo.ts';
import { filterOf } from './workbench.service.ts';

// seeders read the ladder's roles from here until they import ladder.ts
export { LEVEL_ROLE } from './ladder.ts';
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
    place: {
      id: String(r.place_id),
      name: r.place_name,
      label: placeLabel({ name: r.place_name, level: r.place_level }, { name: r.place_parent_name ?? '' }),
      path: r.place_path,
    },
    locationKind: r.location_kind as Incident['locationKind'],
    point: r.lat === null || r.lng === null ? null : { lat: r.lat, lng: r.lng },
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

/** The rung and place of `chain` (a place's ancestors) that handle an incident there, no lower than the category says. */
function handlingIn(chain: Ancestor[], startLevel: number, from = 0) {
  for (let level = Math.max(startLevel, from); level < HANDLING_LEVELS.length; level++) {
    const at = chain.find((a) => a.level === HANDLING_LEVELS[level]);
    if (at) return { level, place: at };
  }
  throw invalid('placeId', 'is not inside a county');
}

/** The rung and place that handle an incident at `place`, starting no lower than the category says. */
export async function handlingFor(conn: Conn, placePath: string, startLevel: number, from = 0) {
  return handlingIn(await repo.ancestors(conn, placePath), startLevel, from);
}

const SOURCE_BY_ROLE: Record<string, Incident['source']> = {
  resident: 'resident',
  party_member: 'party_member',
  grid_worker: 'grid_worker',
};

/**
 * Files a report in two round trips: one lookup for everything it checks, one statement that
 * writes it. Officials report within their scope; residents and party members in their own community.
 */
export async function report(
  database: Database,
  cipher: Cipher,
  ctx: Ctx,
  input: IncidentReport,
  now = new Date(),
) {
  const scopeIds = ctx.actor.scopes.flatMap((s) => s.path.split('/').filter(Boolean).map(Number));
  const { category, chain, communities } = await repo.reportLookup(
    database,
    input.categoryCode ?? QUICK_REPORT_CATEGORY,
    Number(input.placeId),
    scopeIds,
  );
  if (!category) throw invalid('categoryCode', 'unknown category');
  const place = chain?.[0];
  if (!chain || !place || !REPORTABLE.includes(place.level))
    throw invalid('placeId', 'must be a community, grid, building or dwelling');
  if (!pathInScope(ctx.actor, place.path) && !communities?.some((c) => place.path.startsWith(c)))
    throw new AppError('not_found', 'place not found');
  checkLocation(input, place.level);
  const handling = handlingIn(chain, category.start_level);
  const phone = sealPhone(cipher, input.reporterPhone, 'reporterPhone');
  // residents and party members report as themselves: who reported and through what are not theirs to say
  const asSelf =
    ctx.actor.roles.length > 0 && ctx.actor.roles.every((r) => r === 'resident' || r === 'party_member');
  const source =
    (asSelf ? undefined : input.source) ??
    ctx.actor.roles.map((r) => SOURCE_BY_ROLE[r]).find(Boolean) ??
    'department';
  const { step, ...row } = await repo.writeReport(
    database,
    {
      categoryCode: category.code,
      title: input.title,
      description: input.description,
      source,
      reporterUserId: ctx.actor.userId,
      reporterName: (asSelf ? undefined : input.reporterName) ?? ctx.actor.displayName,
      reporterPhoneCipher: phone?.cipher ?? null,
      reporterPhoneMasked: phone?.masked ?? null,
      placeId: place.id,
      placePath: place.path,
      householdId: input.householdId ? Number(input.householdId) : null,
      lat: input.lat ?? null,
      lng: input.lng ?? null,
      locationKind: input.locationKind ?? null,
      level: handling.level,
      handlingPlaceId: handling.place.id,
      acceptHours: category.accept_hours,
      deadlineHours: category.deadline_hours,
      actorName: ctx.actor.username,
      handlerRole: LEVEL_ROLE[handling.level],
      ip: ctx.ip,
      requestId: ctx.requestId,
    },
    now,
  );
  const incident = {
    ...row,
    place_name: place.name,
    place_level: place.level,
    place_parent_name: chain[1]?.name ?? null,
    handling_path: handling.place.path,
    handling_name: handling.place.name,
  };
  // a new incident has no department, so the caller's departments cannot change their standing
  return {
    ...present(ctx, incident),
    actions: allowedActions(incident, standingOf(ctx.actor, incident, []), {}),
    steps: [presentStep(step)],
  };
}

/** A page of the incidents the caller may see, filtered as the workbench asks, open work first. */
export async function list(database: Database, ctx: Ctx, q: IncidentQuery) {
  const { items, total } = await workbench.list(
    database.db,
    visibleSql(ctx.actor),
    await filterOf(database, ctx, q),
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
  const [steps, photos] = await Promise.all([
    repo.steps(database.db, id),
    attachmentsByStep(database.db, id),
  ]);
  const { facts, duties } = fromTimeline(row, steps, ctx.actor.userId);
  return {
    ...present(ctx, row),
    actions: allowedActions(row, { ...standingOf(ctx.actor, row, departments), ...duties }, facts),
    steps: steps.map((s) => presentStep(s, photos.get(Number(s.id)))),
  };
}

/**
 * Puts an incident the caller may see into Open311's keyless public feed or takes it out; its
 * description goes there only when also marked publishable.
 */
export async function setPublication(
  database: Database,
  ctx: Ctx,
  id: number,
  input: { publicFeed: boolean; publicDescription: boolean; version: number },
) {
  return database.db.transaction(async (tx) => {
    const row = await repo.findById(tx, id, true);
    const departments = await repo.departmentsOf(tx, ctx.actor.userId);
    if (!row || !canSee(ctx.actor, row, departments)) throw new AppError('not_found', 'incident not found');
    if (row.version !== input.version)
      throw conflict('the incident was changed by someone else; reload and try again', [
        { field: 'version', reason: 'stale' },
      ]);
    const publication = {
      public_feed: input.publicFeed,
      public_description: input.publicFeed && input.publicDescription,
    };
    await repo.applyAction(tx, id, publication);
    await audit(tx, ctx, {
      action: 'incident.publication',
      targetType: 'incident',
      targetId: id,
      detail: publication,
    });
    return {
      id: String(id),
      publicFeed: publication.public_feed,
      publicDescription: publication.public_description,
      version: row.version + 1,
    };
  });
}

const presentStep = (s: StepRow, attached = { photoIds: [] as string[], voiceIds: [] as string[] }) => ({
  id: String(s.id),
  action: s.action,
  fromStatus: s.from_status,
  toStatus: s.to_status,
  actorName: s.actor_name,
  note: s.note,
  data: s.data,
  at: new Date(s.at).toISOString(),
  ...attached,
});

/**
 * After places moved (re-gridding), incidents under them follow: their place paths are rewritten and
 * open ones handled by a grid pass to the grid they now lie in. Returns how many moved.
 */
export async function rebaseIncidents(tx: Conn, moves: PathMove[]): Promise<number> {
  return relocation.rebase(tx, moves);
}
