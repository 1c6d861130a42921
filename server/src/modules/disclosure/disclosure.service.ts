import { createHash } from 'node:crypto';
import { maskName, type Disclosure, type DisclosureContent, type DisclosureCreate } from '@anju/contracts';
import type { Database } from '../../db/client.ts';
import type { Ctx } from '../../platform/auth/actor.ts';
import { audit } from '../../platform/audit/audit.ts';
import { conflict, invalid, notFound } from '../../platform/errors.ts';
import { norms } from '../../platform/norms.ts';
import { periodReport } from '../funds/ledger.service.ts';
import { placeById } from '../places/places.service.ts';
import * as repo from './disclosure.repo.ts';
import {
  actionsOf,
  assertCommunity,
  assertMay,
  assertVisible,
  communityScope,
  disclosureScope,
} from './disclosure.policy.ts';
import { dueOn, pastMonths, pastQuarters, periodRange } from './periods.ts';

const iso = (v: string | Date | null) => (v === null ? null : new Date(v).toISOString());
const today = () => new Date().toISOString().slice(0, 10);

/** A period's due day by the norms: finance months and every quarter by their own day of the next month. */
async function dueOf(database: Database, period: string) {
  const [quarterDays, monthDays] = await norms(
    database.db,
    'disclosure_quarter_days',
    'disclosure_month_days',
  );
  return dueOn(period, period.includes('Q') ? quarterDays : monthDays);
}

const isLate = (due: string, publishedAt: string | Date | null) =>
  publishedAt === null ? today() > due : new Date(publishedAt).toISOString().slice(0, 10) > due;

function present(ctx: Ctx, r: repo.DisclosureRow): Disclosure {
  return {
    id: String(r.id),
    placeId: String(r.place_id),
    placeName: r.place_name,
    placeCode: r.place_code,
    kind: r.kind as Disclosure['kind'],
    period: r.period,
    title: r.title,
    content: r.content as DisclosureContent,
    status: r.status as Disclosure['status'],
    dueOn: r.due_on,
    late: isLate(r.due_on, r.published_at),
    publishedAt: iso(r.published_at),
    hash: r.hash,
    supersedesId: r.supersedes_id === null ? null : String(r.supersedes_id),
    draftedBy: r.drafted_name,
    approvedBy: r.approved_name,
    actions: actionsOf(ctx.actor, r),
    version: r.version,
  };
}

export async function get(database: Database, ctx: Ctx, id: number) {
  const row = await repo.findById(database.db, id);
  assertVisible(ctx.actor, row);
  return present(ctx, row);
}

export async function list(database: Database, ctx: Ctx, placeId?: number) {
  return (await repo.list(database.db, disclosureScope(ctx.actor), placeId)).map((r) => present(ctx, r));
}

/**
 * Drafts a disclosure of a community: its text, a finance one the ledgers' figures and entries of the
 * period, a name list only masked names, household sizes and amounts.
 */
export async function draft(database: Database, ctx: Ctx, input: DisclosureCreate) {
  if (input.kind === 'finance') {
    if (periodRange(input.period).until > nextMonthStart())
      throw invalid('period', 'the period has not ended');
  } else if (!input.period.includes('Q')) throw invalid('period', 'must be a quarter YYYY-Qn');
  if (input.names.length > 0 && input.kind !== 'subsidy_list')
    throw invalid('names', 'only a subsidy list carries names');
  const place = await placeById(database.db, input.placeId);
  assertCommunity(ctx.actor, place);
  const { from, until } = periodRange(input.period);
  const content: DisclosureContent = {
    text: input.text,
    finance: input.kind === 'finance' ? await periodReport(database, input.placeId, from, until) : null,
    names: input.names.map((n) => ({
      maskedName: maskName(n.name),
      householdSize: n.householdSize,
      amountFen: String(n.amountFen),
    })),
  };
  const due = await dueOf(database, input.period);
  const id = await database.db.transaction(async (tx) => {
    const id = await repo.insert(tx, {
      placeId: input.placeId,
      placePath: place!.path,
      kind: input.kind,
      period: input.period,
      title: input.title,
      content,
      dueOn: due,
      draftedBy: ctx.actor.userId,
      supersedesId: null,
    });
    await audit(tx, ctx, {
      action: 'disclosure.draft',
      targetType: 'disclosure',
      targetId: id,
      detail: { kind: input.kind, period: input.period },
    });
    return id;
  });
  return get(database, ctx, id);
}

function nextMonthStart() {
  const d = new Date();
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1)).toISOString().slice(0, 10);
}

/** The hash residents can check a printed copy against: SHA-256 of what is published. */
const hashOf = (r: repo.DisclosureRow) =>
  createHash('sha256')
    .update(
      JSON.stringify({
        community: r.place_code,
        kind: r.kind,
        period: r.period,
        title: r.title,
        content: r.content,
      }),
    )
    .digest('hex');

/** Approves a draft (never by its drafter) or publishes an approved disclosure. */
export async function step(
  database: Database,
  ctx: Ctx,
  id: number,
  action: 'approve' | 'publish',
  version: number,
) {
  await database.db.transaction(async (tx) => {
    const row = await repo.findById(tx, id);
    assertVisible(ctx.actor, row);
    assertMay(ctx.actor, row, action);
    const done =
      action === 'approve'
        ? await repo.approve(tx, id, version, ctx.actor.userId)
        : await repo.publish(tx, id, version, hashOf(row));
    if (!done)
      throw conflict('the disclosure was changed meanwhile', [{ field: 'version', reason: 'stale' }]);
    await audit(tx, ctx, { action: `disclosure.${action}`, targetType: 'disclosure', targetId: id });
  });
  return get(database, ctx, id);
}

/** A new draft correcting a published disclosure; the published one stays archived as it was. */
export async function correct(database: Database, ctx: Ctx, id: number) {
  const newId = await database.db.transaction(async (tx) => {
    const row = await repo.findById(tx, id);
    assertVisible(ctx.actor, row);
    assertMay(ctx.actor, row, 'correct');
    const newId = await repo.insert(tx, {
      placeId: row.place_id,
      placePath: row.place_path,
      kind: row.kind,
      period: row.period,
      title: row.title,
      content: row.content,
      dueOn: row.due_on,
      draftedBy: ctx.actor.userId,
      supersedesId: id,
    });
    await audit(tx, ctx, {
      action: 'disclosure.correct',
      targetType: 'disclosure',
      targetId: newId,
      detail: { supersedes: id },
    });
    return newId;
  });
  return get(database, ctx, newId);
}

/** What a community has published, for anyone: each version with its hash, nothing unpublished. */
export async function publicPage(database: Database, code: string) {
  const found = await repo.published(database.db, code);
  if (!found) throw notFound('community');
  return {
    community: { code: found.place.code, name: found.place.name },
    items: found.items.map((r) => ({
      id: String(r.id),
      kind: r.kind as Disclosure['kind'],
      period: r.period,
      title: r.title,
      content: r.content as DisclosureContent,
      publishedAt: iso(r.published_at)!,
      hash: r.hash!,
      superseded: r.superseded,
    })),
  };
}

/** What the caller's communities owe: finance for the last three months, every kind for the last two quarters. */
export async function schedule(database: Database, ctx: Ctx) {
  const now = new Date();
  const periods = [...pastMonths(now, 3), ...pastQuarters(now, 2)];
  const owed = await repo.publishedOf(
    database.db,
    communityScope(ctx.actor),
    ['party_affairs', 'community_affairs', 'finance', 'subsidy_list', 'monitoring_result'],
    periods,
  );
  const dues = new Map(await Promise.all(periods.map(async (p) => [p, await dueOf(database, p)] as const)));
  return owed.map((o) => ({
    placeId: String(o.place_id),
    placeName: o.place_name,
    kind: o.kind as Disclosure['kind'],
    period: o.period,
    dueOn: dues.get(o.period)!,
    publishedAt: iso(o.published_at),
    late: isLate(dues.get(o.period)!, o.published_at),
  }));
}
