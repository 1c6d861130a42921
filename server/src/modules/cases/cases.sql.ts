import { sql, type SQL } from 'drizzle-orm';
import type { CaseEvent, CaseStep, Comparison, MonitoringCase, Verification } from '@anju/contracts';
import type { Conn } from '../../db/client.ts';
import { rows } from '../../db/rows.ts';
import { IDENTIFICATION_STEPS, STEPS } from './workflow.ts';

export interface CaseRow {
  id: number;
  household_id: number;
  household_no: string;
  head_name: string;
  community_name: string;
  lead_id: number;
  lead_source: string;
  flags: MonitoringCase['flags'];
  rule_version: number | null;
  residence_path: string;
  origin_path: string | null;
  step: CaseStep;
  category: string | null;
  risk_types: string[];
  verification: Verification | null;
  comparison: Comparison | null;
  basic_needs: Record<string, boolean> | null;
  prior_status: string | null;
  step_due_at: Date | null;
  decision_due_at: Date;
  notice_from: string | null;
  notice_until: string | null;
  opened_at: Date;
  identified_at: Date | null;
  assisted_since: Date | null;
  closed_at: Date | null;
  version: number;
  overdue: boolean;
}

/** Today in China time, the calendar notices and measures run by. */
export const TODAY = sql`(now() AT TIME ZONE 'Asia/Shanghai')::date`;

const IDENTIFYING = sql.join(
  IDENTIFICATION_STEPS.map((s) => sql`${s}`),
  sql`, `,
);

/** Past the step's deadline, or still being identified past the 15 days. */
export const OVERDUE = sql`(coalesce(c.step_due_at < now(), false)
  OR (c.step IN (${IDENTIFYING}) AND c.decision_due_at < now()))`;

const COMMUNITY_NAME = sql`coalesce((SELECT p.name FROM places p
   WHERE p.id = ANY(string_to_array(trim(both '/' from c.residence_path), '/')::bigint[])
     AND p.level = 'community' LIMIT 1), '')`;

export const CASE_COLUMNS = sql`c.id, c.household_id, h.household_no, h.head_name, ${COMMUNITY_NAME} AS community_name,
  c.lead_id, l.source AS lead_source, l.flags, c.rule_version, c.residence_path, c.origin_path, c.step,
  c.category, c.risk_types, c.verification, c.comparison, c.basic_needs, c.prior_status, c.step_due_at,
  c.decision_due_at, to_char(c.notice_from, 'YYYY-MM-DD') AS notice_from,
  to_char(c.notice_until, 'YYYY-MM-DD') AS notice_until, c.opened_at, c.identified_at, c.assisted_since,
  c.closed_at, c.version, ${OVERDUE} AS overdue`;

export const CASE_FROM = sql`monitoring_cases c
  JOIN households h ON h.id = c.household_id
  JOIN monitoring_leads l ON l.id = c.lead_id`;

/** One case; locked for the rest of the transaction when `lock`. */
export async function findCase(conn: Conn, id: number, lock = false): Promise<CaseRow | undefined> {
  const [row] = await rows<CaseRow>(
    conn,
    sql`SELECT ${CASE_COLUMNS} FROM ${CASE_FROM} WHERE c.id = ${id}${lock ? sql` FOR UPDATE OF c` : sql``}`,
  );
  return row;
}

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

export function presentCase(r: CaseRow): MonitoringCase {
  return {
    id: String(r.id),
    householdId: String(r.household_id),
    householdNo: r.household_no,
    headName: r.head_name,
    communityName: r.community_name,
    leadId: String(r.lead_id),
    leadSource: r.lead_source,
    flags: r.flags,
    ruleVersion: r.rule_version,
    step: r.step,
    owner: STEPS[r.step]?.owner ?? null,
    category: r.category,
    riskTypes: r.risk_types,
    stepDueAt: iso(r.step_due_at),
    decisionDueAt: iso(r.decision_due_at)!,
    overdue: r.overdue,
    noticeFrom: r.notice_from,
    noticeUntil: r.notice_until,
    openedAt: iso(r.opened_at)!,
    identifiedAt: iso(r.identified_at),
    closedAt: iso(r.closed_at),
    version: r.version,
  };
}

export interface EventInput {
  caseId: number;
  action: string;
  from: CaseStep | null;
  to: CaseStep;
  actorId: number | null;
  reason?: string | null;
  data?: Record<string, unknown>;
}

export async function addEvent(conn: Conn, e: EventInput): Promise<void> {
  await conn.execute(
    sql`INSERT INTO monitoring_case_events (case_id, action, from_step, to_step, actor_id, reason, data)
        VALUES (${e.caseId}, ${e.action}, ${e.from}, ${e.to}, ${e.actorId}, ${e.reason ?? null},
                ${JSON.stringify(e.data ?? {})}::jsonb)`,
  );
}

interface EventRow {
  id: number;
  action: string;
  from_step: CaseStep | null;
  to_step: CaseStep;
  actor_name: string | null;
  reason: string | null;
  data: Record<string, unknown>;
  at: Date;
}

/** A case's events, oldest first, with the names of who acted. */
export async function eventsOf(conn: Conn, caseId: number): Promise<CaseEvent[]> {
  const found = await rows<EventRow>(
    conn,
    sql`SELECT e.id, e.action, e.from_step, e.to_step, u.display_name AS actor_name, e.reason, e.data, e.at
          FROM monitoring_case_events e LEFT JOIN users u ON u.id = e.actor_id
         WHERE e.case_id = ${caseId} ORDER BY e.id`,
  );
  return found.map((e) => ({
    id: String(e.id),
    action: e.action,
    fromStep: e.from_step,
    toStep: e.to_step,
    actorName: e.actor_name,
    reason: e.reason,
    data: e.data,
    at: iso(e.at)!,
  }));
}

/** When the case last reached its current step (the day a notice may start from). */
export async function reachedAt(conn: Conn, c: CaseRow): Promise<Date> {
  const [r] = await rows<{ at: Date | null }>(
    conn,
    sql`SELECT max(at) AS at FROM monitoring_case_events
         WHERE case_id = ${c.id} AND to_step = ${c.step} AND from_step IS DISTINCT FROM ${c.step}`,
  );
  return r.at ? new Date(r.at) : new Date(c.opened_at);
}

/** `SET` assignments from column → value. */
export const assignments = (set: Record<string, unknown>): SQL =>
  sql.join(
    Object.entries(set).map(([k, v]) => sql`${sql.raw(k)} = ${v}`),
    sql`, `,
  );
