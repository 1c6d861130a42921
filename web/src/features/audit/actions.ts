import { CASE_ACTIONS, INCIDENT_ACTIONS, LIFE_EVENTS } from '@anju/contracts';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/** Actions written to the audit log under a fixed code, grouped by what they act on; named in `audit.actions`. */
export const FIXED_ACTIONS: Record<string, string[]> = {
  account: [
    'auth.login',
    'auth.logout',
    'auth.password_change',
    'user.create',
    'user.import',
    'user.update',
    'user.password_reset',
    'user.grant',
    'user.unlock',
    'notification.preferences',
  ],
  system: [
    'audit.export',
    'system.sessions_purge',
    'place.create',
    'place.update',
    'calendar.save',
    'calendar.import',
  ],
  registry: [
    'household.create',
    'household.update',
    'person.update',
    'person.search',
    'person.reveal',
    'person.export',
    'person.import',
  ],
  grid: [
    'grid.boundary',
    'grid.regrid',
    'grid.workers',
    'party.levels',
    'party.org_create',
    'party.org_rename',
    'party.members',
    'party.links',
  ],
  visit: [
    'visit.create',
    'visit.photo',
    'visit.incident',
    'visit_plan.create',
    'visit_plan.update',
    'visit_plan.delete',
  ],
  incident: [
    'incident.report',
    'incident.photo',
    'incident.voice',
    'incident.publication',
    'incident.kpi_export',
    'incident.category_limits',
    'open311.read',
    'open311.key.create',
    'open311.key.revoke',
    'open311.attributes.set',
  ],
  monitoring: [
    'monitoring.income',
    'monitoring.incomes_import',
    'monitoring.department_data',
    'monitoring.lead',
    'monitoring.screen',
    'monitoring.line',
    'monitoring.rules',
    'monitoring.procedure',
    'dictionary.add',
    'dictionary.update',
    'monitoring.case_open',
    'monitoring.notice',
    'monitoring.announcement',
    'monitoring.measure.add',
    'monitoring.measure.update',
  ],
  employment: [
    'enterprise.create',
    'enterprise.update',
    'job.create',
    'job.update',
    'job.staff_link',
    'job.staff_unlink',
    'job.recommend',
    'job.consent',
    'job.interview',
    'job.hire',
    'job.reject',
    'job.apply',
    'job.withdraw',
    'job.show_phone',
    'employment.labour',
    'employment.record_create',
    'employment.record_update',
    'employment.record_end',
    'employment.ledger_import',
    'employment.zero_help',
    'employment.zero_recompute',
    'employment.post_create',
    'employment.post_update',
    'employment.post_assign',
    'employment.post_end',
    'employment.post_attendance',
    'employment.post_payroll_export',
    'training.course_create',
    'training.course_update',
    'training.enrol',
    'training.attendance',
    'training.complete',
    'employment.figures_export',
  ],
  services: [
    'social_org.create',
    'social_org.update',
    'social_org.staff',
    'service_need.create',
    'service_need.refer',
    'service_need.accept',
    'service_need.decline',
    'service_need.start',
    'service_need.finish',
    'service_need.rate',
    'service_resource.create',
    'service_resource.allocate',
    'service_project.create',
    'service_project.served',
    'service_project.milestone',
    'service_project.milestone_done',
    'service_project.report',
    'service_project.photo',
    'service_project.rate',
    'service_project.complaint',
    'service_project.evaluate',
  ],
  sites: [
    'sites.facility_create',
    'sites.facility_update',
    'sites.project_create',
    'sites.project_update',
    'sites.project_link',
    'sites.project_pay',
    'sites.project_payout',
    'sites.task_create',
    'sites.task_update',
  ],
  volunteers: [
    'volunteer.register',
    'volunteer.update',
    'volunteer.team_create',
    'volunteer.activity_create',
    'volunteer.sign_up',
    'volunteer.check_in',
    'volunteer.check_out',
    'volunteer.hours_approve',
    'volunteer.hours_correct',
    'volunteer.certificate_issue',
  ],
};

/** Steps of the workflows and life events, logged as `<prefix><step>` and named as their own pages name them. */
const STEPS: { group: string; prefix: string; steps: readonly string[]; names: string }[] = [
  { group: 'registry', prefix: 'household.', steps: LIFE_EVENTS, names: 'codes.event' },
  { group: 'incident', prefix: 'incident.', steps: INCIDENT_ACTIONS, names: 'incidents.step' },
  { group: 'monitoring', prefix: 'monitoring.case_', steps: CASE_ACTIONS, names: 'cases.action' },
];

export interface ActionGroup {
  label: string;
  options: { value: string; label: string }[];
}

/**
 * The audit log's actions by their names in the user's language, in groups: the fixed ones, then the
 * steps of the incident and case workflows and the life events of households. `nameOf` names any
 * code, the code itself when it has no name.
 */
export function useAuditActions() {
  const { t } = useTranslation();
  return useMemo(() => {
    const groups: ActionGroup[] = Object.entries(FIXED_ACTIONS).map(([group, codes]) => {
      const options = codes.map((code) => ({ value: code, label: t(`audit.actions.${code}`) }));
      for (const w of STEPS.filter((s) => s.group === group))
        options.push(
          ...w.steps.map((step) => ({
            value: `${w.prefix}${step}`,
            label: `${t(`audit.workflow.${group}`)}：${t(`${w.names}.${step}`, { defaultValue: step })}`,
          })),
        );
      return { label: t(`audit.groups.${group}`), options };
    });
    const names = new Map(groups.flatMap((g) => g.options.map((o) => [o.value, o.label])));
    return { groups, nameOf: (code: string) => names.get(code) ?? code };
  }, [t]);
}
