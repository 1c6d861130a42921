import {
  VERIFICATION_ITEMS,
  type CaseAct,
  type CaseDetail,
  type CaseStep,
  type ProcedureRules,
} from '@anju/contracts';
import type { Database, Tx } from '../../db/client.ts';
import type { Ctx } from '../../platform/auth/actor.ts';
import { audit } from '../../platform/audit/audit.ts';
import { AppError, conflict, invalid } from '../../platform/errors.ts';
import { settleLead } from '../monitoring/leads.service.ts';
import { setPovertyStatus } from '../registry/households.service.ts';
import { assertCaseVisible, standingOf } from './cases.policy.ts';
import * as repo from './cases.repo.ts';
import { announcementOf } from './announcement.service.ts';
import { getCase, noticeSince, procedureOfCase, stepDue } from './cases.service.ts';
import type { CaseRow } from './cases.sql.ts';
import { checkElimination } from './elimination.service.ts';
import { endMeasuresAtElimination } from './measures.repo.ts';
import { decideCase } from './workflow.ts';

interface Effect {
  /** Columns of the case to set besides step, deadline and version. */
  set: repo.CaseChanges;
  /** The record the action was given, kept with its event. */
  data: Record<string, unknown>;
}

const NOTHING: Effect = { set: {}, data: {} };
/** The calendar day of `d` in China time. */
const chinaDay = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
const addDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

function requireReason(input: CaseAct) {
  if (!input.reason) throw invalid('reason', 'is required');
}

/** Refuses, one detail per unmet criterion, a risk that cannot be eliminated yet. */
async function assertEliminable(
  tx: Tx,
  c: CaseRow,
  basicNeeds: Record<string, boolean> | null,
  rules: ProcedureRules,
  now: Date,
) {
  const check = await checkElimination(
    tx,
    {
      id: c.id,
      householdId: c.household_id,
      identifiedAt: c.identified_at && new Date(c.identified_at),
      assistedSince: c.assisted_since && new Date(c.assisted_since),
    },
    basicNeeds,
    rules,
    now,
  );
  if (!check.ok)
    throw new AppError(
      'validation_failed',
      'the risk cannot be eliminated yet',
      check.criteria
        .filter((k) => !k.met)
        .map((k) => ({ field: `criteria.${k.code}`, reason: 'is not met' })),
    );
}

/** Every comparison item in force must be answered; an item not in force is refused. */
async function compare(tx: Tx, input: CaseAct): Promise<Effect> {
  const comparison = input.comparison;
  if (!comparison) throw invalid('comparison', 'is required');
  const items = await repo.comparisonItems(tx);
  for (const code of Object.keys(comparison.hits))
    if (!items.includes(code)) throw invalid(`comparison.hits.${code}`, 'unknown comparison item');
  for (const code of items)
    if (comparison.hits[code] === undefined) throw invalid(`comparison.hits.${code}`, 'is required');
  return { set: { comparison }, data: { comparison } };
}

async function verify(tx: Tx, input: CaseAct): Promise<Effect> {
  const v = input.verification;
  if (!v) throw invalid('verification', 'is required');
  for (const item of VERIFICATION_ITEMS)
    if (v.items[item] !== true) throw invalid(`verification.items.${item}`, 'must be confirmed');
  const riskTypes = [...new Set(v.riskTypes)];
  const known = await repo.activeEntries(tx, v.category, riskTypes);
  if (!known.some((k) => k.kind === 'monitoring_category'))
    throw invalid('verification.category', 'unknown category');
  const risks = new Set(known.filter((k) => k.kind === 'risk_type').map((k) => k.code));
  if (riskTypes.some((r) => !risks.has(r))) throw invalid('verification.riskTypes', 'unknown risk type');
  return {
    set: { verification: v, category: v.category, risk_types: riskTypes },
    data: { verification: v },
  };
}

/**
 * The notice runs the policy's whole days from the day it went up (today, or a day since the case
 * reached review), after a community review that agreed, held since the case reached review and not
 * after the notice went up; `noticeUntil` is its last day.
 */
async function publishNotice(
  tx: Tx,
  c: CaseRow,
  input: CaseAct,
  rules: ProcedureRules,
  now: Date,
): Promise<Effect> {
  const today = chinaDay(now);
  const from = input.noticeFrom ?? today;
  if (from > today) throw invalid('noticeFrom', 'must not be in the future');
  const reached = chinaDay((await repo.lastReached(tx, c.id, c.step)) ?? new Date(c.opened_at));
  if (from < reached) throw invalid('noticeFrom', 'is before the case reached review');
  const review = input.review;
  if (!review) throw invalid('review', 'is required');
  if (review.heldOn < reached) throw invalid('review.heldOn', 'is before the case reached review');
  if (review.heldOn > from) throw invalid('review.heldOn', 'is after the notice went up');
  if (review.result !== 'agreed') throw invalid('review.result', 'the review did not agree');
  const until = addDays(from, rules.noticeDays - 1);
  return {
    set: { notice_from: from, notice_until: until, review },
    data: { noticeFrom: from, noticeUntil: until, noticeDays: rules.noticeDays, review },
  };
}

/** The day the household was entered into the national system: since identification, not in the future. */
function nationalEntry(c: CaseRow, input: CaseAct, now: Date): Effect {
  const on = input.nationalEntryOn;
  if (!on) throw invalid('nationalEntryOn', 'is required');
  if (on > chinaDay(now)) throw invalid('nationalEntryOn', 'must not be in the future');
  if (c.identified_at && on < chinaDay(new Date(c.identified_at)))
    throw invalid('nationalEntryOn', 'is before the household was identified');
  return { set: { national_entry_on: on }, data: { nationalEntryOn: on } };
}

/**
 * Identified: the household is monitored from now on; its earlier status is kept for the end. The
 * result announcement (结果公告) is published with the county's approval and archived with it.
 */
async function identify(tx: Tx, ctx: Ctx, c: CaseRow, rules: ProcedureRules, now: Date): Promise<Effect> {
  const prior = await setPovertyStatus(tx, ctx, c.household_id, 'monitored', 'monitoring case');
  const announcement = await announcementOf(tx, c.id, 'identification', rules, chinaDay(now));
  return { set: { prior_status: prior, identified_at: now, assisted_since: now }, data: { announcement } };
}

/** Eliminated: the household gets its status back; measures that end with monitoring end today; announced. */
async function eliminate(tx: Tx, ctx: Ctx, c: CaseRow, rules: ProcedureRules, now: Date): Promise<Effect> {
  await assertEliminable(tx, c, c.basic_needs, rules, now);
  const back = c.prior_status && c.prior_status !== 'monitored' ? c.prior_status : 'out_of_poverty';
  await setPovertyStatus(tx, ctx, c.household_id, back, 'monitoring case');
  const ended = await endMeasuresAtElimination(tx, c.id);
  const announcement = await announcementOf(tx, c.id, 'elimination', rules, chinaDay(now));
  return { set: { closed_at: now }, data: { measuresEnded: ended.map(String), announcement } };
}

/** A risk came back: the household is monitored again under this case, on its paths of today. */
async function rollback(tx: Tx, ctx: Ctx, c: CaseRow, now: Date): Promise<Effect> {
  const other = await repo.liveCaseOf(tx, c.household_id, c.id);
  if (other)
    throw conflict(`the household already has case ${other.id}`, [
      { field: 'action', reason: `already case ${other.id}` },
    ]);
  await setPovertyStatus(tx, ctx, c.household_id, 'monitored', 'monitoring case');
  return { set: { closed_at: null, assisted_since: now, home: c.household_id }, data: {} };
}

async function effects(
  tx: Tx,
  ctx: Ctx,
  c: CaseRow,
  input: CaseAct,
  to: CaseStep,
  rules: ProcedureRules,
  now: Date,
): Promise<Effect> {
  switch (input.action) {
    case 'verify':
      return verify(tx, input);
    case 'compare':
      return compare(tx, input);
    case 'publish_notice':
      return publishNotice(tx, c, input, rules, now);
    case 'record_national_entry':
      return nationalEntry(c, input, now);
    case 'approve':
      if (to === 'assisted') return identify(tx, ctx, c, rules, now);
      if (to === 'eliminated') return eliminate(tx, ctx, c, rules, now);
      return NOTHING;
    case 'send_back':
      requireReason(input);
      return NOTHING;
    case 'reject':
      requireReason(input);
      await settleLead(tx, c.lead_id, 'dismissed');
      return { set: { closed_at: now }, data: {} };
    case 'rollback':
      requireReason(input);
      return rollback(tx, ctx, c, now);
    case 'propose_elimination':
      if (!input.basicNeeds) throw invalid('basicNeeds', 'is required');
      await assertEliminable(tx, c, input.basicNeeds, rules, now);
      return { set: { basic_needs: input.basicNeeds }, data: { basicNeeds: input.basicNeeds } };
  }
}

/** Takes one step of the procedure; of two people acting on one version, one wins and the other gets 409. */
export async function actOnCase(
  database: Database,
  ctx: Ctx,
  id: number,
  input: CaseAct,
): Promise<CaseDetail> {
  const now = new Date();
  await database.db.transaction(async (tx) => {
    const c = await repo.findCase(tx, id, true);
    assertCaseVisible(ctx.actor, c);
    if (c.version !== input.version)
      throw conflict('the case was changed by someone else; reload and try again', [
        { field: 'version', reason: 'stale' },
      ]);
    const { rules } = await procedureOfCase(tx, c);
    const decision = decideCase(
      c.step,
      input.action,
      standingOf(ctx.actor, c.residence_path),
      { since: noticeSince(c.notice_from), now },
      rules,
    );
    if (!decision.ok) {
      const code = decision.reason === 'not_yours' ? 'forbidden' : 'conflict';
      throw new AppError(code, `${input.action}: ${decision.reason}`, [
        { field: 'action', reason: decision.reason },
      ]);
    }
    const to = decision.to === 'same' ? c.step : decision.to;
    const { set, data } = await effects(tx, ctx, c, input, to, rules, now);
    const due = stepDue(to, rules, new Date(c.lead_at), now);
    const move: repo.CaseChanges =
      to === c.step ? {} : { step: to, step_due_at: due, notice_from: null, notice_until: null };
    await repo.changeCase(tx, id, { ...move, ...set });
    await repo.addEvent(tx, {
      caseId: id,
      action: input.action,
      from: c.step,
      to,
      actorId: ctx.actor.userId,
      reason: input.reason ?? null,
      data,
    });
    await audit(tx, ctx, {
      action: `monitoring.case_${input.action}`,
      targetType: 'monitoring_case',
      targetId: id,
      detail: { from: c.step, to },
    });
  });
  return getCase(database, ctx, id);
}
