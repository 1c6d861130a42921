import { VERIFICATION_ITEMS, type CaseAct, type CaseDetail, type CaseStep } from '@anju/contracts';
import type { Database, Tx } from '../../db/client.ts';
import type { Ctx } from '../../platform/auth/actor.ts';
import { audit } from '../../platform/audit/audit.ts';
import { AppError, conflict, invalid } from '../../platform/errors.ts';
import { settleLead } from '../monitoring/leads.service.ts';
import { setPovertyStatus } from '../registry/households.service.ts';
import { assertCaseVisible, standingOf } from './cases.policy.ts';
import * as repo from './cases.repo.ts';
import { getCase, noticeSince, stepDue } from './cases.service.ts';
import type { CaseRow } from './cases.sql.ts';
import { checkElimination } from './elimination.service.ts';
import { endMeasuresAtElimination } from './measures.repo.ts';
import { AFTER_NOTICE_DAYS, decideCase, NOTICE_DAYS } from './workflow.ts';

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
async function assertEliminable(tx: Tx, c: CaseRow, basicNeeds: Record<string, boolean> | null, now: Date) {
  const check = await checkElimination(
    tx,
    {
      id: c.id,
      householdId: c.household_id,
      identifiedAt: c.identified_at && new Date(c.identified_at),
      assistedSince: c.assisted_since && new Date(c.assisted_since),
    },
    basicNeeds,
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

/** The notice runs five days from the day it went up: today, or a day since the case reached review. */
async function publishNotice(tx: Tx, c: CaseRow, noticeFrom: string | undefined, now: Date): Promise<Effect> {
  const today = chinaDay(now);
  const from = noticeFrom ?? today;
  if (from > today) throw invalid('noticeFrom', 'must not be in the future');
  const reached = (await repo.lastReached(tx, c.id, c.step)) ?? new Date(c.opened_at);
  if (from < chinaDay(reached)) throw invalid('noticeFrom', 'is before the case reached review');
  const until = addDays(from, NOTICE_DAYS);
  return {
    set: {
      notice_from: from,
      notice_until: until,
      step_due_at: noticeSince(addDays(until, AFTER_NOTICE_DAYS))!,
    },
    data: { noticeFrom: from, noticeUntil: until },
  };
}

/** Identified: the household is monitored from now on; its earlier status is kept for the end. */
async function identify(tx: Tx, ctx: Ctx, c: CaseRow, now: Date): Promise<Effect> {
  const prior = await setPovertyStatus(tx, ctx, c.household_id, 'monitored', 'monitoring case');
  return { set: { prior_status: prior, identified_at: now, assisted_since: now }, data: {} };
}

/** Eliminated: the household gets its status back; measures that end with monitoring end today. */
async function eliminate(tx: Tx, ctx: Ctx, c: CaseRow, now: Date): Promise<Effect> {
  await assertEliminable(tx, c, c.basic_needs, now);
  const back = c.prior_status && c.prior_status !== 'monitored' ? c.prior_status : 'out_of_poverty';
  await setPovertyStatus(tx, ctx, c.household_id, back, 'monitoring case');
  const ended = await endMeasuresAtElimination(tx, c.id);
  return { set: { closed_at: now }, data: { measuresEnded: ended.map(String) } };
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
  now: Date,
): Promise<Effect> {
  switch (input.action) {
    case 'verify':
      return verify(tx, input);
    case 'compare':
      if (!input.comparison) throw invalid('comparison', 'is required');
      return { set: { comparison: input.comparison }, data: { comparison: input.comparison } };
    case 'publish_notice':
      return publishNotice(tx, c, input.noticeFrom, now);
    case 'approve':
      if (to === 'assisted') return identify(tx, ctx, c, now);
      if (to === 'eliminated') return eliminate(tx, ctx, c, now);
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
      await assertEliminable(tx, c, input.basicNeeds, now);
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
    const decision = decideCase(c.step, input.action, standingOf(ctx.actor, c.residence_path), {
      since: noticeSince(c.notice_from),
      now,
    });
    if (!decision.ok) {
      const code = decision.reason === 'not_yours' ? 'forbidden' : 'conflict';
      throw new AppError(code, `${input.action}: ${decision.reason}`, [
        { field: 'action', reason: decision.reason },
      ]);
    }
    const to = decision.to === 'same' ? c.step : decision.to;
    const { set, data } = await effects(tx, ctx, c, input, to, now);
    const due = stepDue(to, now);
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
