import {
  CASE_ACTIONS,
  IDENTIFICATION_STEPS,
  type AnnouncementKind,
  type CaseDetail,
  type MonitoringCase,
  type ProcedurePolicy,
  type ProcedureRules,
} from '@anju/contracts';
import type { Conn } from '../../db/client.ts';
import type { Database } from '../../db/client.ts';
import type { Actor, Ctx } from '../../platform/auth/actor.ts';
import { audit } from '../../platform/audit/audit.ts';
import { conflict, forbidden } from '../../platform/errors.ts';
import { leadForCase, settleLead } from '../monitoring/leads.service.ts';
import { procedureAt, procedureById } from '../monitoring/procedure.service.ts';
import { underPath } from '../places/places.service.ts';
import { assertHouseholdVisible } from '../registry/registry.service.ts';
import { assertCaseVisible, canAssist, casesOwned, casesVisible, standingOf } from './cases.policy.ts';
import * as repo from './cases.repo.ts';
import type { CaseRow } from './cases.sql.ts';
import { listMeasures } from './measures.service.ts';
import { presentCase, presentEvent } from './present.ts';
import { decideCase } from './workflow.ts';

const DAY_MS = 86_400_000;

/**
 * When a step should be done: an identification step by the clock that starts at the lead (its days
 * and those of the steps before it in the region's order), any other timed step counted from `now`,
 * when it is reached; null for a step without a deadline.
 */
export function stepDue(step: CaseRow['step'], rules: ProcedureRules, leadAt: Date, now: Date): Date | null {
  const i = rules.stepOrder.indexOf(step as (typeof IDENTIFICATION_STEPS)[number]);
  if (i >= 0) {
    const days = rules.stepOrder.slice(0, i + 1).reduce((sum, s) => sum + rules.stepDays[s], 0);
    return new Date(leadAt.getTime() + days * DAY_MS);
  }
  const days = rules.stepDays[step as keyof ProcedureRules['stepDays']];
  return days === undefined ? null : new Date(now.getTime() + days * DAY_MS);
}

/** The procedure policy a case runs under: the version it was opened with, else the one in force where it is. */
export const procedureOfCase = (
  conn: Conn,
  c: Pick<CaseRow, 'procedure_policy_id' | 'residence_path'>,
): Promise<ProcedurePolicy> =>
  c.procedure_policy_id ? procedureById(conn, c.procedure_policy_id) : procedureAt(conn, c.residence_path);

/** The moment a notice put up on day `from` (China time) began. */
export const noticeSince = (from: string | null) => (from ? new Date(`${from}T00:00:00+08:00`) : null);

/** The actions the actor may take on the case now. */
export function actionsFor(actor: Actor, c: CaseRow, rules: ProcedureRules, now = new Date()) {
  const standing = standingOf(actor, c.residence_path);
  const notice = { since: noticeSince(c.notice_from), now };
  return CASE_ACTIONS.filter((a) => decideCase(c.step, a, standing, notice, rules).ok);
}

/** One case with its records, events, measures and what the caller may do; missing and hidden look alike. */
export async function getCase(database: Database, ctx: Ctx, id: number): Promise<CaseDetail> {
  const conn = database.db;
  const c = await repo.findCase(conn, id);
  assertCaseVisible(ctx.actor, c);
  const policy = await procedureOfCase(conn, c);
  const events = await repo.eventsOf(conn, c.id);
  return {
    ...presentCase(c),
    verification: c.verification,
    comparison: c.comparison,
    review: c.review,
    policy: { id: policy.id, version: policy.version, noticeDays: policy.rules.noticeDays },
    announcements: events.flatMap((e) => {
      const a = e.data.announcement as { kind: AnnouncementKind; on: string } | undefined;
      return a ? [{ kind: a.kind, on: a.on }] : [];
    }),
    events: events.map(presentEvent),
    measures: await listMeasures(conn, c.id),
    actions: actionsFor(ctx.actor, c, policy.rules),
    canAssist: canAssist(ctx.actor, c),
  };
}

/**
 * Opens a case from an open lead under the procedure policy in force where the household lives: the
 * community takes the policy's first step; the decision is due the policy's days (15) after the lead,
 * and each step by its share of them. A household has one live case.
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
    const policy = await procedureAt(tx, lead.residence_path);
    const first = policy.rules.stepOrder[0];
    const leadAt = new Date(lead.created_at);
    const caseId = await repo.insertCase(tx, {
      householdId: lead.household_id,
      leadId,
      residencePath: lead.residence_path,
      originPath: lead.origin_path,
      step: first,
      ruleVersion: lead.rule_version,
      procedurePolicyId: Number(policy.id),
      stepDueAt: stepDue(first, policy.rules, leadAt, now)!,
      decisionDueAt: new Date(leadAt.getTime() + policy.rules.decisionDays * DAY_MS),
      openedAt: now,
    });
    await settleLead(tx, leadId, 'case');
    await repo.addEvent(tx, {
      caseId,
      action: 'open',
      from: null,
      to: first,
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
