import { INCIDENT_ACTIONS, type IncidentAction, type IncidentStatus } from '@anju/contracts';
import type { IncidentRow } from './incidents.sql.ts';
import { decide, type Standing } from './workflow.ts';

/** The actions the workflow lets someone of `standing` take on an incident now; a rating is given once. */
export function allowedActions(i: IncidentRow, standing: Standing): IncidentAction[] {
  return INCIDENT_ACTIONS.filter(
    (action) =>
      decide(i.status as IncidentStatus, i.level, action, standing).ok &&
      !(action === 'rate' && i.rated_at !== null),
  );
}
