import type { SQL } from 'drizzle-orm';
import type { Declaration, Lead, LeadCreate } from '@anju/contracts';
import type { Conn, Database } from '../../db/client.ts';
import type { Ctx, SystemCtx } from '../../platform/auth/actor.ts';
import { audit } from '../../platform/audit/audit.ts';
import { AppError, invalid } from '../../platform/errors.ts';
import { underPath } from '../places/places.service.ts';
import { assertHouseholdVisible, householdsVisibleSql } from '../registry/registry.service.ts';
import { activeRiskTypes } from './dictionaries.repo.ts';
import { householdPaths, householdsLivingIn } from './households.repo.ts';
import * as repo from './leads.repo.ts';

const present = (r: repo.LeadRow): Lead => ({
  id: String(r.id),
  householdId: String(r.household_id),
  householdNo: r.household_no,
  headName: r.head_name,
  source: r.source,
  status: r.status,
  year: r.year,
  flags: r.flags,
  ruleVersion: r.rule_version,
  note: r.note,
  createdAt: new Date(r.created_at).toISOString(),
});

export interface LeadFilter {
  under?: string;
  q?: string;
  status?: Lead['status'];
  source?: Lead['source'];
  flag?: string;
  page: number;
  pageSize: number;
}

/** Leads of households the caller sees from either side, newest first, with the total. */
export async function listLeads(database: Database, ctx: Ctx, q: LeadFilter) {
  const under = q.under ? await underPath(database.db, q.under) : null;
  const found = await repo.leadsPage(database.db, householdsVisibleSql(ctx.actor), { ...q, under });
  return {
    items: found.map(present),
    total: found[0]?.total ?? 0,
    page: q.page,
    pageSize: q.pageSize,
  };
}

/** How many open leads of households the caller sees from either side wait to be verified. */
export const countOpenLeads = (database: Database, ctx: Ctx) =>
  repo.countLeads(database.db, householdsVisibleSql(ctx.actor), 'open');

/**
 * Records a lead from outside screening. A household has one open lead: a second report adds its
 * note to that lead instead. Returns the lead; audited.
 */
async function raise(
  conn: Conn,
  ctx: Ctx,
  householdId: number,
  source: Lead['source'],
  note: Record<string, unknown>,
) {
  const entry = JSON.stringify([{ source, ...note, by: ctx.actor.username, at: new Date().toISOString() }]);
  const id = await repo.raiseLead(conn, householdId, source, entry, ctx.actor.userId);
  await audit(conn, ctx, {
    action: 'monitoring.lead',
    targetType: 'household',
    targetId: householdId,
    detail: { lead: id, source },
  });
  return present((await repo.leadById(conn, id))!);
}

/** The risk type of a lost job, a code of the `risk_type` dictionary. */
const JOB_LOSS_RISK = 'unstable_employment';

/**
 * For the employment module, inside its transaction: households matching `households` (a condition on
 * `h`) that lost their last job are given a lead from employment records with the unstable-employment
 * risk (while that dictionary entry is active) when they are in or near monitoring and have no open
 * lead. Returns how many leads were opened; each is audited.
 */
export async function raiseJobLossLeads(conn: Conn, ctx: Ctx | SystemCtx, households: SQL, note: string) {
  const reasons = (await activeRiskTypes(conn, [JOB_LOSS_RISK])).map((r) => r.code);
  const by = ctx.actor?.username ?? 'system';
  const entry = JSON.stringify([
    { source: 'employment', text: note, reasons, by, at: new Date().toISOString() },
  ]);
  const year = new Date().getFullYear();
  const userId = ctx.actor?.userId ?? null;
  const opened = await repo.raiseForWatched(conn, households, 'employment', entry, userId, year);
  for (const lead of opened)
    await audit(conn, ctx, {
      action: 'monitoring.lead',
      targetType: 'household',
      targetId: lead.household_id,
      detail: { lead: lead.id, source: 'employment', reasons },
    });
  return opened.length;
}

/** The risk type of a failed industry project, a code of the `risk_type` dictionary. */
const INDUSTRY_RISK = 'failed_industry';

/**
 * For the sites module, inside its transaction: every active household matching `households` (a
 * condition on `h`) that depended on an industry project now failed is given a lead with the
 * failed-industry-project risk, unless it has an open lead. Returns how many were opened; each is audited.
 */
export async function raiseIndustryFailureLeads(conn: Conn, ctx: Ctx, households: SQL, note: string) {
  const reasons = (await activeRiskTypes(conn, [INDUSTRY_RISK])).map((r) => r.code);
  const entry = JSON.stringify([
    { source: 'industry_project', text: note, reasons, by: ctx.actor.username, at: new Date().toISOString() },
  ]);
  const opened = await repo.raiseForAll(conn, households, 'industry_project', entry, ctx.actor.userId);
  for (const lead of opened)
    await audit(conn, ctx, {
      action: 'monitoring.lead',
      targetType: 'household',
      targetId: lead.household_id,
      detail: { lead: lead.id, source: 'industry_project', reasons },
    });
  return opened.length;
}

/** A lead from a visit's finding (the visit must be of that household) or from a department's data. */
export async function createLead(database: Database, ctx: Ctx, input: LeadCreate): Promise<Lead> {
  const householdId = Number(input.householdId);
  return database.db.transaction(async (tx) => {
    assertHouseholdVisible(ctx.actor, await householdPaths(tx, householdId));
    if (input.visitId && (await repo.visitHousehold(tx, Number(input.visitId))) !== householdId)
      throw invalid('visitId', 'is not a visit to this household');
    return raise(tx, ctx, householdId, input.source, {
      text: input.note,
      ...(input.visitId ? { visitId: input.visitId } : {}),
    });
  });
}

/** A resident declares hardship for the household living in their dwelling. */
export async function declare(database: Database, ctx: Ctx, input: Declaration): Promise<Lead> {
  return database.db.transaction(async (tx) => {
    const known = await activeRiskTypes(tx, input.reasons);
    if (known.length !== new Set(input.reasons).size) throw invalid('reasons', 'unknown risk type');
    const found = await householdsLivingIn(tx, ctx.actor);
    if (found.length !== 1) throw new AppError('not_found', 'no household of yours was found');
    return raise(tx, ctx, found[0].id, 'self_declaration', { text: input.note, reasons: input.reasons });
  });
}

/** For the cases module: the lead a case opens from, with its household's paths, locked in `conn`'s transaction. */
export const leadForCase = (conn: Conn, leadId: number) => repo.lockLeadToOpen(conn, leadId);

/** For the cases module: the lead became a case, or the case that grew from it was rejected. */
export const settleLead = (conn: Conn, leadId: number, status: 'case' | 'dismissed') =>
  repo.setLeadStatus(conn, leadId, status);
