import type { CaseEvent, Measure, MonitoringCase } from '@anju/contracts';
import type { CaseRow, EventRow, MeasureRow } from './cases.sql.ts';
import { STEPS } from './workflow.ts';

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

/** A case row as the contract shows it. */
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
    nationalEntryOn: r.national_entry_on,
    openedAt: iso(r.opened_at)!,
    identifiedAt: iso(r.identified_at),
    closedAt: iso(r.closed_at),
    version: r.version,
  };
}

/** An event row as the contract shows it. */
export const presentEvent = (e: EventRow): CaseEvent => ({
  id: String(e.id),
  action: e.action,
  fromStep: e.from_step,
  toStep: e.to_step,
  actorName: e.actor_name,
  reason: e.reason,
  data: e.data,
  at: iso(e.at)!,
});

/** A measure row as the contract shows it. */
export const presentMeasure = (r: MeasureRow): Measure => ({
  id: String(r.id),
  caseId: String(r.case_id),
  type: r.type,
  providerKind: r.provider_kind,
  providerName: r.provider_name,
  description: r.description,
  startOn: r.start_on,
  endOn: r.end_on,
  amount: r.amount,
  outcome: r.outcome,
  outlivesElimination: r.outlives_elimination,
  running: r.running,
  placement: r.placement && {
    recordId: String(r.placement.record_id),
    personName: r.placement.person_name,
    employerName: r.placement.employer_name,
    kind: r.placement.kind,
    monthlyWage: Number(r.placement.monthly_wage),
    startOn: r.placement.start_on,
    endOn: r.placement.end_on,
  },
  version: r.version,
});
