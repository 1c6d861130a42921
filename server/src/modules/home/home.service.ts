import { TODO_KEYS, type HomeTodo, type IncidentCounts, type TodoKey } from '@anju/contracts';
import type { Database } from '../../db/client.ts';
import type { Ctx } from '../../platform/auth/actor.ts';
import { countOwnedCases } from '../cases/cases.service.ts';
import { countOpen as countZeroEmployment } from '../employment/zero.service.ts';
import { counts as incidentCounts, countReported } from '../incidents/workbench.service.ts';
import { countOpenLeads } from '../monitoring/leads.service.ts';
import { countDue } from '../visits/visits.service.ts';
import { counts } from './home.policy.ts';

/**
 * The caller's work for today: each count their roles have, from the module that owns it, in their
 * scope; the workbench's tabs are counted once for the incident counts.
 */
export async function todo(database: Database, ctx: Ctx): Promise<HomeTodo> {
  let tabs: Promise<IncidentCounts> | undefined;
  const tab = (key: keyof IncidentCounts) => async () =>
    (await (tabs ??= incidentCounts(database, ctx, {})))[key];
  const count: Record<TodoKey, () => Promise<number>> = {
    toAccept: tab('toAccept'),
    overdue: tab('overdue'),
    inHand: tab('inHand'),
    visitsDue: () => countDue(database, ctx),
    leads: () => countOpenLeads(database, ctx),
    cases: () => countOwnedCases(database, ctx),
    zeroEmployment: () => countZeroEmployment(database, ctx),
    myReports: () => countReported(database, ctx),
  };
  const result: HomeTodo = {};
  for (const key of TODO_KEYS) if (counts(ctx.actor.roles, key)) result[key] = await count[key]();
  return result;
}
