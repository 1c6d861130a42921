import { sql } from 'drizzle-orm';
import { CASE_ACTIONS, type CaseDetail, type MonitoringCase } from '@anju/contracts';
import type { Database } from '../../db/client.ts';
import { like, rows } from '../../db/rows.ts';
import type { Actor, Ctx } from '../../platform/auth/actor.ts';
import { audit } from '../../platform/audit/audit.ts';
import { conflict, forbidden } from '../../platform/errors.ts';
import { underPath } from '../places/places.service.ts';
import { decideCase, DECISION_DAYS, ENDED_STEPS, STEP_DAYS } from './workflow.ts';
import { assertCaseVisible, canAssist, casesOwned, casesVisible, standingOf } from './cases.policy.ts';
import {
  addEvent,
  CASE_COLUMNS,
  CASE_FROM,
  eventsOf,
  findCase,
  OVERDUE,
  presentCase,
  type CaseRow,
} from './cases.sql.ts';
import { listMeasures } from './measures.service.ts';
import { assertHouseholdVisible, type HouseholdPaths } from '../monitoring/monitoring.policy.ts';

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
  const c = await findCase(conn, id);
  assertCaseVisible(ctx.actor, c);
  return {
    ...presentCase(c),
    verification: c.verification,
    comparison: c.comparison,
    events: await eventsOf(conn, c.id),
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
    const [lead] = await rows<
      HouseholdPaths & {
        household_id: number;
        status: string;
        rule_version: number | null;
        created_at: Date;
      }
    >(
      tx,
      sql`SELECT l.household_id, l.status, l.rule_version, l.created_at, h.residence_path, h.origin_path
            FROM monitoring_leads l JOIN households h ON h.id = l.household_id
           WHERE l.id = ${leadId} FOR UPDATE OF l`,
    );
    assertCaseVisible(ctx.actor, lead, 'lead');
    if (!standingOf(ctx.actor, lead.residence_path).community)
      throw forbidden('cases are opened by the community where the household lives');
    const [live] = await rows<{ id: number }>(
      tx,
      sql`SELECT id FROM monitoring_cases
           WHERE household_id = ${lead.household_id} AND step NOT IN (${sql.join(
             ENDED_STEPS.map((s) => sql`${s}`),
             sql`, `,
           )})`,
    );
    if (live)
      throw conflict(`the household already has case ${live.id}`, [
        { field: 'leadId', reason: `already case ${live.id}` },
      ]);
    if (lead.status !== 'open')
      throw conflict('the lead is no longer open', [{ field: 'leadId', reason: 'not open' }]);
    const decisionDue = new Date(new Date(lead.created_at).getTime() + DECISION_DAYS * DAY_MS);
    const [c] = await rows<{ id: number }>(
      tx,
      sql`INSERT INTO monitoring_cases (household_id, lead_id, residence_path, origin_path, step, rule_version,
                                        step_due_at, decision_due_at, opened_at)
          VALUES (${lead.household_id}, ${leadId}, ${lead.residence_path}, ${lead.origin_path}, 'verification',
                  ${lead.rule_version}, ${stepDue('verification', now)!.toISOString()}::timestamptz,
                  ${decisionDue.toISOString()}::timestamptz, ${now.toISOString()}::timestamptz)
          RETURNING id`,
    );
    await tx.execute(sql`UPDATE monitoring_leads SET status = 'case' WHERE id = ${leadId}`);
    await addEvent(tx, {
      caseId: c.id,
      action: 'open',
      from: null,
      to: 'verification',
      actorId: ctx.actor.userId,
      data: { leadId: String(leadId) },
    });
    await audit(tx, ctx, {
      action: 'monitoring.case_open',
      targetType: 'monitoring_case',
      targetId: c.id,
      detail: { household: lead.household_id, lead: leadId },
    });
    return c.id;
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
  const path = q.under ? like(await underPath(database.db, q.under)) : null;
  const conditions = [
    casesVisible(ctx.actor),
    path ? sql`(c.residence_path LIKE ${path} OR c.origin_path LIKE ${path})` : undefined,
    q.q ? sql`(h.household_no = ${q.q} OR h.head_name LIKE ${like(q.q)})` : undefined,
    q.step ? sql`c.step = ${q.step}` : undefined,
    q.overdue ? (q.overdue === 'true' ? OVERDUE : sql`NOT ${OVERDUE}`) : undefined,
    q.mine === 'true' ? casesOwned(ctx.actor) : undefined,
    q.category ? sql`c.category = ${q.category}` : undefined,
  ].filter((c) => c !== undefined);
  const found = await rows<CaseRow & { total: number }>(
    database.db,
    sql`SELECT ${CASE_COLUMNS}, count(*) OVER ()::int AS total
          FROM ${CASE_FROM}
         WHERE ${sql.join(conditions, sql` AND `)}
         ORDER BY ${OVERDUE} DESC, c.step_due_at ASC NULLS LAST, c.id
         LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`,
  );
  return {
    items: found.map(presentCase),
    total: found[0]?.total ?? 0,
    page: q.page,
    pageSize: q.pageSize,
  };
}

/** Every case of a household, newest first, for its monitoring tab. */
export async function householdCases(
  database: Database,
  ctx: Ctx,
  householdId: number,
): Promise<MonitoringCase[]> {
  const [h] = await rows<HouseholdPaths>(
    database.db,
    sql`SELECT residence_path, origin_path FROM households WHERE id = ${householdId}`,
  );
  assertHouseholdVisible(ctx.actor, h);
  const found = await rows<CaseRow>(
    database.db,
    sql`SELECT ${CASE_COLUMNS} FROM ${CASE_FROM} WHERE c.household_id = ${householdId} ORDER BY c.id DESC`,
  );
  return found.map(presentCase);
}
