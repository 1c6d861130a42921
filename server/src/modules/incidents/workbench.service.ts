import {
  HANDLING_LEVELS,
  type IncidentCounts,
  type IncidentCountsQuery,
  type IncidentTab,
} from '@anju/contracts';
import type { Database } from '../../db/client.ts';
import type { Ctx } from '../../platform/auth/actor.ts';
import { underPath as pathUnder } from '../places/places.service.ts';
import { visibleSql } from './incidents.policy.ts';
import * as repo from './incidents.repo.ts';
import * as workbench from './workbench.repo.ts';

const flag = (v?: 'true' | 'false') => (v === undefined ? undefined : v === 'true');

/** The repository's filter for the workbench's query, for the caller. */
export async function filterOf(
  database: Database,
  ctx: Ctx,
  q: IncidentCountsQuery & { tab?: IncidentTab },
): Promise<workbench.IncidentFilter> {
  const mineToHandle = q.assignedToMe === 'true';
  return {
    tab: q.tab,
    underPath: q.under ? await pathUnder(database.db, q.under) : undefined,
    status: q.status,
    open: flag(q.open),
    overdue: flag(q.overdue),
    categoryCode: q.categoryCode,
    assigneeUserId: mineToHandle ? ctx.actor.userId : undefined,
    assigneeDepartments: mineToHandle ? await repo.departmentsOf(database.db, ctx.actor.userId) : undefined,
    reporterUserId: q.mine === 'true' ? ctx.actor.userId : undefined,
    level: q.level === undefined ? undefined : HANDLING_LEVELS.indexOf(q.level),
    supervised: flag(q.supervised),
    search: q.q || undefined,
  };
}

/** How many incidents the caller may see each workbench tab holds, under the list's other filters. */
export async function counts(database: Database, ctx: Ctx, q: IncidentCountsQuery): Promise<IncidentCounts> {
  return workbench.counts(database.db, visibleSql(ctx.actor), await filterOf(database, ctx, q));
}

/** How many incidents the caller reported themselves. */
export const countReported = (database: Database, ctx: Ctx) =>
  workbench.total(database.db, visibleSql(ctx.actor), { reporterUserId: ctx.actor.userId });
