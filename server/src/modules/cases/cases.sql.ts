import { sql, type SQL } from 'drizzle-orm';
import type {
  CaseStep,
  CommunityReview,
  Comparison,
  Measure,
  MonitoringCase,
  Verification,
} from '@anju/contracts';
import { IDENTIFICATION_STEPS } from './workflow.ts';

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
  procedure_policy_id: number | null;
  lead_at: Date;
  residence_path: string;
  origin_path: string | null;
  step: CaseStep;
  category: string | null;
  risk_types: string[];
  verification: Verification | null;
  comparison: Comparison | null;
  review: CommunityReview | null;
  national_entry_on: string | null;
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

export interface EventRow {
  id: number;
  action: string;
  from_step: CaseStep | null;
  to_step: CaseStep;
  actor_name: string | null;
  reason: string | null;
  data: Record<string, unknown>;
  at: Date;
}

export interface MeasureRow {
  id: number;
  case_id: number;
  type: Measure['type'];
  provider_kind: Measure['providerKind'];
  provider_name: string;
  description: string;
  start_on: string;
  end_on: string | null;
  amount: number | null;
  outcome: string;
  outlives_elimination: boolean;
  running: boolean;
  placement: {
    record_id: number;
    person_name: string;
    employer_name: string;
    kind: string;
    monthly_wage: number;
    start_on: string;
    end_on: string | null;
  } | null;
  version: number;
}

/** A case as assistance sees it: its step, both sides' paths and what the elimination check reads. */
export interface AssistedCase {
  id: number;
  household_id: number;
  step: CaseStep;
  residence_path: string;
  origin_path: string | null;
  identified_at: Date | null;
  assisted_since: Date | null;
  basic_needs: Record<string, boolean> | null;
  procedure_policy_id: number | null;
}

/** Today in China time, the calendar notices and measures run by. */
export const TODAY = sql`(now() AT TIME ZONE 'Asia/Shanghai')::date`;

/** A list of values for `IN (...)`. */
export const listSql = (values: readonly string[]): SQL =>
  sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  );

/** Past the step's deadline, or still being identified past the 15 days. */
export const OVERDUE = sql`(coalesce(c.step_due_at < now(), false)
  OR (c.step IN (${listSql(IDENTIFICATION_STEPS)}) AND c.decision_due_at < now()))`;

/** The name of the community on the case's residence path. */
export const COMMUNITY_NAME = sql`coalesce((SELECT p.name FROM places p
   WHERE p.id = ANY(string_to_array(trim(both '/' from c.residence_path), '/')::bigint[])
     AND p.level = 'community' LIMIT 1), '')`;

export const CASE_COLUMNS = sql`c.id, c.household_id, h.household_no, h.head_name, ${COMMUNITY_NAME} AS community_name,
  c.lead_id, l.source AS lead_source, l.flags, c.rule_version, c.procedure_policy_id, l.created_at AS lead_at,
  c.residence_path, c.origin_path, c.step, c.category, c.risk_types, c.verification, c.comparison, c.review,
  to_char(c.national_entry_on, 'YYYY-MM-DD') AS national_entry_on, c.basic_needs, c.prior_status, c.step_due_at,
  c.decision_due_at, to_char(c.notice_from, 'YYYY-MM-DD') AS notice_from,
  to_char(c.notice_until, 'YYYY-MM-DD') AS notice_until, c.opened_at, c.identified_at, c.assisted_since,
  c.closed_at, c.version, ${OVERDUE} AS overdue`;

export const CASE_FROM = sql`monitoring_cases c
  JOIN households h ON h.id = c.household_id
  JOIN monitoring_leads l ON l.id = c.lead_id`;
