import { INCIDENT_ACTIONS, type IncidentAction, type IncidentStatus } from '@anju/contracts';
import type { IncidentRow } from './incidents.sql.ts';
import { decide, type Standing } from './workflow.ts';

/**
 * The actions the workflow lets someone of `standing` take on an incident now: a rating is given
 * once; more time is asked for once at a time, only what was asked for can be denied, and who may
 * extend the deadline themselves does not ask.
 */
export function allowedActions(i: IncidentRow, standing: Standing, extensionAsked = false): IncidentAction[] {
  const allowed = INCIDENT_ACTIONS.filter(
    (action) =>
      decide(i.status as IncidentStatus, i.level, action, standing).ok &&
      !(action === 'rate' && i.rated_at !== null) &&
      !(action === 'ask_extension' && extensionAsked) &&
      !(action === 'deny_extension' && !extensionAsked),
  );
  return allowed.includes('extend') ? allowed.filter((a) => a !== 'ask_extension') : allowed;
}
