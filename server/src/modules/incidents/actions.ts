import { INCIDENT_ACTIONS, type IncidentAction, type IncidentStatus } from '@anju/contracts';
import type { IncidentRow } from './incidents.sql.ts';
import { decide, type Facts, type Standing } from './workflow.ts';

/** The actions the workflow table lets someone of `standing` take on an incident now, given its `facts`. */
export function allowedActions(i: IncidentRow, standing: Standing, facts: Facts): IncidentAction[] {
  return INCIDENT_ACTIONS.filter(
    (action) => decide(i.status as IncidentStatus, i.level, action, standing, facts).ok,
  );
}
