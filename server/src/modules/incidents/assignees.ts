import type { IncidentAssignees } from '@anju/contracts';
import type { Database } from '../../db/client.ts';
import type { Ctx } from '../../platform/auth/actor.ts';
import { AppError, forbidden } from '../../platform/errors.ts';
import { canSee, standingOf } from './incidents.policy.ts';
import * as repo from './incidents.repo.ts';
import * as dispatch from './dispatch.repo.ts';
import { LEVEL_ROLE } from './ladder.ts';

/**
 * Whom the handler of an incident may dispatch it to: officials of the handling ladder whose scope
 * covers where it happened (the rule `dispatch` checks) but the handler themselves, and the departments of its county.
 */
export async function assignees(database: Database, ctx: Ctx, id: number): Promise<IncidentAssignees> {
  const i = await repo.findById(database.db, id);
  const departments = await repo.departmentsOf(database.db, ctx.actor.userId);
  if (!i || !canSee(ctx.actor, i, departments)) throw new AppError('not_found', 'incident not found');
  if (!standingOf(ctx.actor, i, departments).handler)
    throw forbidden('only the handler of the incident dispatches it');
  const [users, depts] = await Promise.all([
    dispatch.usersOver(database.db, i.place_path, LEVEL_ROLE),
    dispatch.countyDepartments(database.db, i.place_path),
  ]);
  return {
    // nobody dispatches to themselves: the handler is not offered
    users: users
      .filter((u) => Number(u.id) !== ctx.actor.userId)
      .map((u) => ({ id: String(u.id), name: u.display_name, roles: u.roles })),
    departments: depts.map((d) => ({ id: String(d.id), nameZh: d.name_zh, nameEn: d.name_en })),
  };
}
