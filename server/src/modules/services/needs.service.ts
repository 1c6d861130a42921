import {
  can,
  SENSITIVE_CATEGORIES,
  type NeedCreate,
  type NeedQuery,
  type NeedStatus,
  type NeedStep,
  type ServiceCategory,
} from '@anju/contracts';
import type { Conn, Database } from '../../db/client.ts';
import type { Actor, Ctx } from '../../platform/auth/actor.ts';
import { covers } from '../../platform/access/scope.ts';
import { audit } from '../../platform/audit/audit.ts';
import { AppError, forbidden, invalid } from '../../platform/errors.ts';
import { norms } from '../../platform/norms.ts';
import { notifyUsers } from '../../platform/notify/notify.ts';
import { activeHousehold, householdMember, residentHouseholds } from '../registry/concerned.service.ts';
import { dictionary } from '../registry/extras.service.ts';
import * as orgs from './orgs.repo.ts';
import { presentOrg, stale } from './orgs.service.ts';
import * as repo from './needs.repo.ts';
import { presentDetail, presentNeed } from './needs.present.ts';
import { assertNeedVisible, needScope, standingOf, type Reader } from './services.policy.ts';
import { refusal, RULES } from './workflow.ts';

/** The norms of the deadlines: days to refer an open need, days for a provider to answer a referral. */
const REFER_DAYS = 'service_refer_days';
const ACCEPT_DAYS = 'service_accept_days';

/** Who is reading: their organization if they are a provider, their households if they are a resident. */
export async function readerOf(conn: Conn, actor: Actor): Promise<Reader> {
  const [orgId, households] = await Promise.all([
    can(actor.roles, 'service:provide') ? orgs.orgOfStaff(conn, actor.userId) : null,
    can(actor.roles, 'service:request') ? residentHouseholds(conn, actor) : [],
  ]);
  return { actor, orgId, households };
}

/** The household a need concerns: one in an official's scope, or the resident's own. */
async function householdFor(conn: Conn, reader: Reader, householdId: number | undefined) {
  const { actor } = reader;
  if (can(actor.roles, 'service:write') && householdId !== undefined) {
    const household = await activeHousehold(conn, householdId);
    if (!household || !covers(actor, household.residencePath))
      throw invalid('householdId', 'unknown household');
    return { ...household, source: actor.roles.includes('grid_worker') ? 'grid_worker' : 'staff' };
  }
  if (can(actor.roles, 'service:request')) {
    const own =
      householdId === undefined ? reader.households : reader.households.filter((h) => h === householdId);
    if (own.length !== 1) throw invalid('householdId', 'unknown household');
    const household = await activeHousehold(conn, own[0]);
    if (!household) throw invalid('householdId', 'unknown household');
    return { ...household, source: 'resident' };
  }
  throw invalid('householdId', 'required');
}

/** Raises a need for a household (and one of its members); about a minor, health or disability it is sensitive. */
export async function create(database: Database, ctx: Ctx, input: NeedCreate) {
  const categories = await dictionary(database, 'service_category');
  if (!categories.some((c) => c.code === input.category)) throw invalid('category', 'unknown category');
  const id = await database.db.transaction(async (tx) => {
    const reader = await readerOf(tx, ctx.actor);
    const household = await householdFor(tx, reader, input.householdId);
    const member =
      input.personId === null ? null : ((await householdMember(tx, household.id, input.personId)) ?? null);
    if (input.personId !== null && member === null)
      throw invalid('personId', 'not a member of the household');
    const [dueDays] = await norms(tx, REFER_DAYS);
    const id = await repo.insert(tx, {
      category: input.category,
      urgency: input.urgency,
      summary: input.summary,
      detail: input.detail,
      householdId: household.id,
      personId: member?.id ?? null,
      placePath: household.residencePath,
      sensitive:
        SENSITIVE_CATEGORIES.includes(input.category as ServiceCategory) ||
        (member !== null && member.age < 18),
      source: household.source,
      raisedBy: ctx.actor.userId,
      consentShares: [...new Set(input.consentShares)],
      dueDays,
    });
    await repo.addEvent(tx, {
      needId: id,
      action: 'raise',
      from: null,
      to: 'open',
      actorId: ctx.actor.userId,
      orgId: null,
      note: '',
    });
    await audit(tx, ctx, {
      action: 'service_need.create',
      targetType: 'service_need',
      targetId: id,
      detail: { category: input.category, consent: input.consentShares.length > 0 },
    });
    return id;
  });
  return get(database, ctx, id);
}

/** A need the caller may read, with its timeline and the steps they may take; else 404. */
export async function get(database: Database, ctx: Ctx, id: number) {
  const reader = await readerOf(database.db, ctx.actor);
  const row = await repo.findById(database.db, id);
  assertNeedVisible(reader, row);
  return presentDetail(row, standingOf(reader, row), await repo.timeline(database.db, id));
}

export async function list(database: Database, ctx: Ctx, q: NeedQuery) {
  const reader = await readerOf(database.db, ctx.actor);
  const { items, total } = await repo.list(
    database.db,
    needScope(reader),
    { status: q.status, category: q.category, urgency: q.urgency, overdue: q.overdue === 'true' },
    q.pageSize,
    (q.page - 1) * q.pageSize,
  );
  return {
    items: items.map((r) => presentNeed(r, standingOf(reader, r))),
    total,
    page: q.page,
    pageSize: q.pageSize,
  };
}

/** The organizations a need may be referred to: serving its category at its place. */
export async function providers(database: Database, ctx: Ctx, id: number) {
  const reader = await readerOf(database.db, ctx.actor);
  const row = await repo.findById(database.db, id);
  assertNeedVisible(reader, row);
  if (!standingOf(reader, row).official) throw forbidden();
  return (await orgs.serving(database.db, row.category, row.place_path)).map(presentOrg);
}

const notAllowed = () =>
  new AppError('conflict', 'not allowed in this state', [
    { field: 'action', reason: 'not allowed in this state' },
  ]);

/** Takes one step of the workflow from the version read, checked against the rules table. */
export async function step(database: Database, ctx: Ctx, id: number, input: NeedStep) {
  return database.db.transaction(async (tx) => {
    const reader = await readerOf(tx, ctx.actor);
    const row = await repo.findById(tx, id, true);
    assertNeedVisible(reader, row);
    const status = row.status as NeedStatus;
    const why = refusal(input.action, status, standingOf(reader, row), { consent: row.consent_at !== null });
    if (why === 'who') throw forbidden();
    if (why === 'status') throw notAllowed();
    if (why === 'consent')
      throw invalid('consent', 'the resident has not consented to share it with a provider');
    if (row.version !== input.version) throw stale();
    const to = RULES[input.action].to;
    let orgId = row.org_id === null ? null : Number(row.org_id);
    let dueDays: number | null = null;
    if (input.action === 'refer') {
      if (input.orgId === undefined) throw invalid('orgId', 'required');
      if (!(await orgs.serves(tx, input.orgId, row.category, row.place_path)))
        throw invalid('orgId', 'does not serve this need');
      orgId = input.orgId;
      [dueDays] = await norms(tx, ACCEPT_DAYS);
    }
    if (input.action === 'decline') {
      orgId = null;
      [dueDays] = await norms(tx, REFER_DAYS);
    }
    if (input.action === 'rate' && input.rating === undefined) throw invalid('rating', 'required');
    const moved = await repo.move(tx, id, input.version, {
      status: to,
      orgId,
      dueDays,
      ...(input.action === 'rate' ? { rating: input.rating, ratingComment: input.note } : {}),
    });
    if (!moved) throw stale();
    const eventOrg = input.action === 'decline' ? Number(row.org_id) : orgId;
    await repo.addEvent(tx, {
      needId: id,
      action: input.action,
      from: status,
      to,
      actorId: ctx.actor.userId,
      orgId: eventOrg,
      note: input.note,
    });
    if (input.action === 'refer')
      await notifyUsers(tx, await orgs.staffOf(tx, orgId!), {
        kind: 'service_referred',
        params: { summary: row.summary },
        link: `/referrals/${id}`,
      });
    await audit(tx, ctx, {
      action: `service_need.${input.action}`,
      targetType: 'service_need',
      targetId: id,
      detail: { from: status, to, orgId: eventOrg },
    });
    // a provider who declined no longer reads the need: they are answered as the provider they were
    const after = (await repo.findById(tx, id))!;
    const standing = standingOf(reader, after);
    const shown = standing.reads ? standing : { official: false, provider: true, concerned: false };
    return presentDetail(after, shown, await repo.timeline(tx, id));
  });
}

/** Alerts once for each need past its deadline: an open one to its community staff, a referred one to its provider. */
export async function alertLate(database: Database) {
  return database.db.transaction(async (tx) => {
    const late = await repo.lateToAlert(tx);
    for (const n of late) {
      const to =
        n.status === 'referred' && n.org_id !== null
          ? await orgs.staffOf(tx, Number(n.org_id))
          : await repo.communityStaffOver(tx, n.place_path);
      await notifyUsers(tx, to, {
        kind: 'service_overdue',
        params: { summary: n.summary },
        link: `${n.status === 'referred' ? '/referrals' : '/needs'}/${n.id}`,
      });
    }
    return late.length;
  });
}
