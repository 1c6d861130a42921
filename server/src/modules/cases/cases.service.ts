import { CASE_ACTIONS, type CaseDetail, type MonitoringCase } from '@anju/contracts';
import type { Database } from '../../db/client.ts';
import type { Actor, Ctx } from '../../platform/auth/actor.ts';
import { audit } from '../../platform/audit/audit.ts';
import { conflict, forbidden } from '../../platform/errors.ts';
import { leadForCase, settleLead } from '../monitoring/leads.service.ts';
import { underPath } from '../places/places.service.ts';
import { assertHouseholdVisible } from '../registry/registry.service.ts';
import { assertCaseVisible, canAssist, casesOwned, casesVisible, standingOf } from './cases.policy.ts';
import * as repo from './cases.repo.ts';
import type { CaseRow } from './cases.sql.ts';
import { listMeasures } from './measures.service.ts';
import { presentCase, presentEvent } from './present.ts';
import { decideCase, DECISION_DAYS, STEP_DAYS } from './workflow.ts';

const DAY_MS = 86_400_000;

/** When a step reached at `now` should be done; null for a step without a deadline. */
export function stepDue(step: CaseRow['step'], now: Date): Date | null {
  const days = STEP_DAYS[step];
  return days === undefined ? null : new Date(now.getTime() + days * DAY_MS);
}

/** The moment a notice put up on day `from` (China time) began. */
export const noticeSince = (from: string | null) => (from ? new Date(`${from}T00:00:00+08:00`) : null);

/** The actions the actor may take on the case now. */
export function actionsFor(actor: Actor, c: CaseRow, now = new Date()) {
  const standing = standingOf(actor, c.residence_path);
  const notice = { since: noticeSince(c.notice_from), now };
  return CASE_ACTIONS.filter((a) => decideCase(c.step, a, standing, notice).ok);
}

/** One case with its records, events, measures and what the caller may do; missing and hidden look alike. */
export async function getCase(database: Database, ctx: Ctx, id: number): Promise<CaseDetail> {
  const conn = database.db;
  const c = await repo.findCase(conn, id);
  assertCaseVisible(ctx.actor, c);
  return {
    ...presentCase(c),
    verification: c.verification,
    comparison: c.comparison,
    events: (await repo.eventsOf(conn, c.id)).map(presentEvent),
    measures: await listMeasures(conn, c.id),
    actions: actionsFor(ctx.actor, c),
    canAssist: canAssist(ctx.actor, c),
  };
}

/**
 * Opens a case from an open lead: the community of the household's residence starts home
 * verification; the decision is due 15 days after the lead. A household has one live case.
 */
export async function openCase(database: Database, ctx: Ctx, leadId: number): Promise<CaseDetail> {
  const now = new Date();
  const id = await database.db.transaction(async (tx) => {
    const lead = await leadForCase(tx, leadId);
    assertCaseVisible(ctx.actor, lead, 'lead');
    if (!standingOf(ctx.actor, lead.residence_path).community)
      throw forbidden('cases are opened by the community where the household lives');
    const live = await repo.liveCaseOf(tx, lead.household_id);
    if (live)
      throw conflict(`the household already has case ${live.id}`, [
        { field: 'leadId', reason: `already case ${live.id}` },
      ]);
    if (lead.status !== 'open')
      throw conflict('the lead is no longer open', [{ field: 'leadId', reason: 'not open' }]);
    const caseId = await repo.insertCase(tx, {
      householdId: lead.household_id,
      leadId,
      residencePath: lead.residence_path,
      originPath: lead.origin_path,
      step: 'verification',
      ruleVersion: lead.rule_version,
      stepDueAt: stepDue('verification', now)!,
      decisionDueAt: new Date(new Date(lead.created_at).getTime() + DECISION_DAYS * DAY_MS),
      openedAt: now,
    });
    await settleLead(tx, leadId, 'case');
    await repo.addEvent(tx, {
      caseId,
      action: 'open',
      from: null,
      to: 'verification',
      actorId: ctx.actor.userId,
      data: { leadId: String(leadId) },
    });
    await audit(tx, ctx, {
      action: 'monitoring.case_open',
      targetType: 'monitoring_case',
      targetId: caseId,
      detail: { household: lead.household_id, lead: leadId },
    });
    return caseId;
  });
  return getCase(database, ctx, id);
}

export interface CaseFilter {
  under?: string;
  q?: string;
  step?: CaseRow['step'];
  overdue?: 'true' | 'false';
  mine?: 'true' | 'false';
  category?: string;
  page: number;
  pageSize: number;
}

/** Cases seen from either side, overdue first, then by the current step's deadline. */
export async function listCases(database: Database, ctx: Ctx, q: CaseFilter) {
  const under = q.under ? await underPath(database.db, q.under) : null;
  const mine = q.mine === 'true' ? casesOwned(ctx.actor) : undefined;
  const found = await repo.casesPage(database.db, casesVisible(ctx.actor), mine, { ...q, under });
  return {
    items: found.map(presentCase),
    total: found[0]?.total ?? 0,
    page: q.page,
    pageSize: q.pageSize,
  };
}

/** How many cases the caller sees await a step their own level owns. */
export const countOwnedCases = (database: Database, ctx: Ctx) =>
  repo.countCases(database.db, casesVisible(ctx.actor), casesOwned(ctx.actor));

/** Every case of a household, newest first, for its monitoring tab. */
export async function householdCases(
  database: Database,
  ctx: Ctx,
  householdId: number,
): Promise<MonitoringCase[]> {
  assertHouseholdVisible(ctx.actor, await repo.householdPaths(database.db, householdId));
  return (await repo.casesOfHousehold(database.db, householdId)).map(presentCase);
}
