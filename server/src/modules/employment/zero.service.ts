import type { SQL } from 'drizzle-orm';
import type { ZeroEmploymentDetail, ZeroHelpCreate, ZeroQuery } from '@anju/contracts';
import type { Conn, Database } from '../../db/client.ts';
import { covers } from '../../platform/access/scope.ts';
import type { Ctx, SystemCtx } from '../../platform/auth/actor.ts';
import { audit } from '../../platform/audit/audit.ts';
import { AppError, invalid } from '../../platform/errors.ts';
import { norms, normSql } from '../../platform/norms.ts';
import { raiseJobLossLeads } from '../monitoring/leads.service.ts';
import { assertHouseholdVisible } from '../registry/registry.service.ts';
import { everyHousehold, householdScope, oneHousehold, residenceScope } from './employment.policy.ts';
import { joblessSql, type ZeroRow } from './employment.sql.ts';
import * as repo from './zero.repo.ts';

export const today = () => new Date().toISOString().slice(0, 10);

/**
 * Days to clear a zero-employment household, a governance norm (零就业家庭动态清零: found, helped and
 * cleared within 30 days by default; see migration 0039 for the source).
 */
const clearingDays = async (conn: Conn) => (await norms(conn, 'zero_employment_clearing_days'))[0];

/**
 * Flags or clears one household inside the caller's transaction, in one statement that reads the
 * days to clear itself: after a record is added, changed or ended, or a member's labour capacity changes.
 */
export async function recheckHousehold(conn: Conn, householdId: number) {
  return repo.recompute(conn, oneHousehold(householdId), today(), normSql('zero_employment_clearing_days'));
}

/**
 * Flags or clears the households matching `households` (a condition on `h`) inside the caller's
 * transaction, in one statement: after a registry import registered or changed them.
 */
export async function recheckHouseholds(conn: Conn, households: SQL) {
  return repo.recompute(conn, households, today(), await clearingDays(conn));
}

/**
 * After jobs ended inside the caller's transaction: those of `households` (a condition on `h`) with
 * nobody in work any more get a monitoring lead from the monitoring module when in or near monitoring.
 */
export const jobsEnded = (conn: Conn, ctx: Ctx, households: SQL, note: string) =>
  raiseJobLossLeads(conn, ctx, joblessSql(households, today()), note);

/** The lead's note for a household whose last job reached its end date. */
const JOB_REACHED_END = '工作已到结束日期，家中已无人在岗';

const NIGHTLY: SystemCtx = { actor: null, ip: 'localhost', requestId: 'job:employment-zero-daily' };

/**
 * Flags and clears every household, as days pass: jobs reach their end, people reach or leave working
 * age. A household it flags because its last job reached its end gets the job-loss lead, as when the
 * job is ended by hand.
 */
export async function recomputeEverywhere(database: Database) {
  return database.db.transaction(async (tx) => {
    await repo.wholeRunSettings(tx);
    const on = today();
    const before = await repo.lastFlagId(tx);
    const done = await repo.recompute(tx, everyHousehold, on, await clearingDays(tx));
    const leads = done.flagged
      ? await raiseJobLossLeads(tx, NIGHTLY, repo.flaggedForEndedJob(before, on), JOB_REACHED_END)
      : 0;
    return { ...done, leads };
  });
}

/** Flags and clears every household living in the caller's scope. */
export async function recomputeAll(database: Database, ctx: Ctx) {
  return database.db.transaction(async (tx) => {
    await repo.wholeRunSettings(tx);
    const done = await repo.recompute(tx, residenceScope(ctx.actor), today(), await clearingDays(tx));
    await audit(tx, ctx, { action: 'employment.zero_recompute', targetType: 'place', detail: done });
    return done;
  });
}

export const present = (r: ZeroRow) => ({
  id: String(r.id),
  householdId: String(r.household_id),
  householdNo: r.household_no,
  headName: r.head_name,
  flaggedOn: r.flagged_on,
  dueOn: r.due_on,
  clearedOn: r.cleared_on,
  clearedBy: r.cleared_by,
  daysOpen: r.days_open,
  overdue: r.overdue,
  helpCount: r.help_count,
});

export async function list(database: Database, ctx: Ctx, q: ZeroQuery) {
  const { items, total } = await repo.list(
    database.db,
    householdScope(ctx.actor),
    q.status,
    today(),
    q.pageSize,
    (q.page - 1) * q.pageSize,
  );
  return { items: items.map(present), total, page: q.page, pageSize: q.pageSize };
}

/** Zero-employment households in the caller's scope not yet cleared, as the list counts them. */
export const countOpen = async (database: Database, ctx: Ctx) =>
  (await repo.list(database.db, householdScope(ctx.actor), 'open', today(), 1, 0)).total;

export async function detailOf(conn: Conn, row: ZeroRow): Promise<ZeroEmploymentDetail> {
  const help = await repo.helpOf(conn, row.id);
  return {
    ...present(row),
    help: help.map((x) => ({
      id: String(x.id),
      kind: x.kind as ZeroEmploymentDetail['help'][number]['kind'],
      note: x.note,
      givenOn: x.given_on,
      actorName: x.actor_name,
    })),
  };
}

async function visible(conn: Conn, ctx: Ctx, id: number) {
  const row = await repo.find(conn, id, today());
  assertHouseholdVisible(ctx.actor, row, 'zero-employment household');
  return row;
}

export async function get(database: Database, ctx: Ctx, id: number) {
  return detailOf(database.db, await visible(database.db, ctx, id));
}

/** A household's latest flag with its help, or null. */
export async function latestOf(conn: Conn, householdId: number) {
  const row = await repo.latestOf(conn, householdId, today());
  return row ? detailOf(conn, row) : null;
}

/** Records help given to an open zero-employment household, on the residence side. */
export async function addHelp(database: Database, ctx: Ctx, id: number, input: ZeroHelpCreate) {
  const row = await visible(database.db, ctx, id);
  if (!covers(ctx.actor, row.residence_path))
    throw new AppError('forbidden', 'only officials of the residence side record help');
  if (row.cleared_on !== null) throw invalid('kind', 'the household is already cleared');
  if (input.givenOn > today()) throw invalid('givenOn', 'must not be in the future');
  if (input.givenOn < row.flagged_on) throw invalid('givenOn', 'is before the household was flagged');
  await database.db.transaction(async (tx) => {
    const helpId = await repo.insertHelp(tx, id, input, ctx.actor.userId);
    await audit(tx, ctx, {
      action: 'employment.zero_help',
      targetType: 'household',
      targetId: row.household_id,
      detail: { zeroId: id, helpId, kind: input.kind },
    });
  });
  return get(database, ctx, id);
}
