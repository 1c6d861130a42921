import { pgArray } from '../../db/array.ts';
import { sql, type SQL } from 'drizzle-orm';
import type { CaseStep, CommunityReview, Comparison, Verification } from '@anju/contracts';
import type { Conn } from '../../db/client.ts';
import { like, rows } from '../../db/rows.ts';
import { eitherSideSql } from '../../platform/access/scope.ts';
import { CASE_COLUMNS, CASE_FROM, listSql, OVERDUE, type CaseRow, type EventRow } from './cases.sql.ts';
import { ENDED_STEPS } from './workflow.ts';

/** One case; locked for the rest of the transaction when `lock`. */
export async function findCase(conn: Conn, id: number, lock = false): Promise<CaseRow | undefined> {
  const [row] = await rows<CaseRow>(
    conn,
    sql`SELECT ${CASE_COLUMNS} FROM ${CASE_FROM} WHERE c.id = ${id}${lock ? sql` FOR UPDATE OF c` : sql``}`,
  );
  return row;
}

/** What a list of cases is narrowed to; `under` is the path of a place (either side lying under it). */
export interface CaseQuery {
  under: string | null;
  q?: string;
  step?: CaseStep;
  overdue?: 'true' | 'false';
  category?: string;
  page: number;
  pageSize: number;
}

/**
 * A page of the cases `visible` admits (and `mine`, when given; conditions on `c`), overdue first,
 * then by the current step's deadline, each with the total.
 */
export function casesPage(conn: Conn, visible: SQL, mine: SQL | undefined, q: CaseQuery) {
  const conditions = [
    visible,
    q.under ? eitherSideSql([q.under], sql`c.residence_path`, sql`c.origin_path`) : undefined,
    q.q ? sql`(h.household_no = ${q.q} OR h.head_name LIKE ${like(q.q)})` : undefined,
    q.step ? sql`c.step = ${q.step}` : undefined,
    q.overdue ? (q.overdue === 'true' ? OVERDUE : sql`NOT ${OVERDUE}`) : undefined,
    mine,
    q.category ? sql`c.category = ${q.category}` : undefined,
  ].filter((c) => c !== undefined);
  return rows<CaseRow & { total: number }>(
    conn,
    sql`SELECT ${CASE_COLUMNS}, count(*) OVER ()::int AS total
          FROM ${CASE_FROM}
         WHERE ${sql.join(conditions, sql` AND `)}
         ORDER BY ${OVERDUE} DESC, c.step_due_at ASC NULLS LAST, c.id
         LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`,
  );
}

/** How many cases `visible` and `mine` admit (conditions on `c`), in one statement. */
export async function countCases(conn: Conn, visible: SQL, mine: SQL) {
  const [row] = await rows<{ total: number }>(
    conn,
    sql`SELECT count(*)::int AS total FROM monitoring_cases c WHERE ${visible} AND ${mine}`,
  );
  return row.total;
}

/** Every case of a household, newest first. */
export const casesOfHousehold = (conn: Conn, householdId: number) =>
  rows<CaseRow>(
    conn,
    sql`SELECT ${CASE_COLUMNS} FROM ${CASE_FROM} WHERE c.household_id = ${householdId} ORDER BY c.id DESC`,
  );

/** The two paths of a household, from which its visibility is decided. */
export async function householdPaths(conn: Conn, householdId: number) {
  const [h] = await rows<{ residence_path: string; origin_path: string | null }>(
    conn,
    sql`SELECT residence_path, origin_path FROM households WHERE id = ${householdId}`,
  );
  return h;
}

/** The household's live case other than `except`, if it has one. */
export async function liveCaseOf(conn: Conn, householdId: number, except?: number) {
  const [live] = await rows<{ id: number }>(
    conn,
    sql`SELECT id FROM monitoring_cases WHERE household_id = ${householdId}${except === undefined ? sql`` : sql` AND id <> ${except}`}
           AND step NOT IN (${listSql(ENDED_STEPS)})`,
  );
  return live;
}

export interface NewCase {
  householdId: number;
  leadId: number;
  residencePath: string;
  originPath: string | null;
  step: CaseStep;
  ruleVersion: number | null;
  procedurePolicyId: number;
  stepDueAt: Date;
  decisionDueAt: Date;
  openedAt: Date;
}

/** Inserts a case; returns its id. */
export async function insertCase(conn: Conn, c: NewCase): Promise<number> {
  const [row] = await rows<{ id: number }>(
    conn,
    sql`INSERT INTO monitoring_cases (household_id, lead_id, residence_path, origin_path, step, rule_version,
                                      procedure_policy_id, step_due_at, decision_due_at, opened_at)
        VALUES (${c.householdId}, ${c.leadId}, ${c.residencePath}, ${c.originPath}, ${c.step},
                ${c.ruleVersion}, ${c.procedurePolicyId}, ${c.stepDueAt.toISOString()}::timestamptz,
                ${c.decisionDueAt.toISOString()}::timestamptz, ${c.openedAt.toISOString()}::timestamptz)
        RETURNING id`,
  );
  return row.id;
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

/** Appends one move to the case's events. */
export async function addEvent(conn: Conn, e: EventInput): Promise<void> {
  await conn.execute(
    sql`INSERT INTO monitoring_case_events (case_id, action, from_step, to_step, actor_id, reason, data)
        VALUES (${e.caseId}, ${e.action}, ${e.from}, ${e.to}, ${e.actorId}, ${e.reason ?? null},
                ${JSON.stringify(e.data ?? {})}::jsonb)`,
  );
}

/** A case's events, oldest first, with the names of who acted. */
export const eventsOf = (conn: Conn, caseId: number) =>
  rows<EventRow>(
    conn,
    sql`SELECT e.id, e.action, e.from_step, e.to_step, u.display_name AS actor_name, e.reason, e.data, e.at
          FROM monitoring_case_events e LEFT JOIN users u ON u.id = e.actor_id
         WHERE e.case_id = ${caseId} ORDER BY e.id`,
  );

/** When the case last moved into `step` from another step; null when no event says so. */
export async function lastReached(conn: Conn, caseId: number, step: CaseStep): Promise<Date | null> {
  const [r] = await rows<{ at: Date | null }>(
    conn,
    sql`SELECT max(at) AS at FROM monitoring_case_events
         WHERE case_id = ${caseId} AND to_step = ${step} AND from_step IS DISTINCT FROM ${step}`,
  );
  return r.at ? new Date(r.at) : null;
}

/** The active entries among a monitoring category and risk types, by kind and code. */
export const activeEntries = (conn: Conn, category: string, riskTypes: string[]) =>
  rows<{ kind: string; code: string }>(
    conn,
    sql`SELECT kind, code FROM dictionary_entries
         WHERE active AND ((kind = 'monitoring_category' AND code = ${category})
                        OR (kind = 'risk_type' AND code = ANY(${pgArray(riskTypes)}::text[])))`,
  );

/** The codes of the department-data items compared now (the active comparison items). */
export async function comparisonItems(conn: Conn): Promise<string[]> {
  const found = await rows<{ code: string }>(
    conn,
    sql`SELECT code FROM dictionary_entries WHERE kind = 'comparison_item' AND active ORDER BY sort, code`,
  );
  return found.map((r) => r.code);
}

/** What a move changes on a case besides its version; `home` takes the household's paths of today. */
export interface CaseChanges {
  step?: CaseStep;
  step_due_at?: Date | null;
  notice_from?: string | null;
  notice_until?: string | null;
  verification?: Verification;
  comparison?: Comparison;
  review?: CommunityReview;
  national_entry_on?: string;
  category?: string;
  risk_types?: string[];
  basic_needs?: Record<string, boolean>;
  prior_status?: string | null;
  identified_at?: Date;
  assisted_since?: Date;
  closed_at?: Date | null;
  home?: number;
}

const at = (d: Date | null) => (d === null ? null : sql`${d.toISOString()}::timestamptz`);
const json = (v: unknown) => sql`${JSON.stringify(v)}::jsonb`;
const day = (d: string | null) => (d === null ? null : sql`${d}::date`);
const ofHousehold = (column: string, id: number) =>
  sql`(SELECT ${sql.raw(column)} FROM households WHERE id = ${id})`;

/** The value of each change as SQL, in the column's type. */
function valueOf(column: keyof CaseChanges, v: unknown): unknown {
  switch (column) {
    case 'step_due_at':
    case 'identified_at':
    case 'assisted_since':
    case 'closed_at':
      return at(v as Date | null);
    case 'notice_from':
    case 'notice_until':
    case 'national_entry_on':
      return day(v as string | null);
    case 'verification':
    case 'comparison':
    case 'review':
    case 'basic_needs':
      return json(v);
    case 'risk_types':
      return sql`${pgArray(v as string[])}::text[]`;
    default:
      return v;
  }
}

/** `SET` assignments of the changes, in the order given. */
function assignments(changes: CaseChanges): SQL {
  return sql.join(
    Object.entries(changes).flatMap(([k, v]) =>
      k === 'home'
        ? [
            sql`residence_path = ${ofHousehold('residence_path', v as number)}`,
            sql`origin_path = ${ofHousehold('origin_path', v as number)}`,
          ]
        : [sql`${sql.raw(k)} = ${valueOf(k as keyof CaseChanges, v)}`],
    ),
    sql`, `,
  );
}

/** Applies a move's changes and takes the case to its next version. */
export async function changeCase(conn: Conn, id: number, changes: CaseChanges): Promise<void> {
  await conn.execute(
    sql`UPDATE monitoring_cases SET ${assignments(changes)}, version = version + 1 WHERE id = ${id}`,
  );
}
