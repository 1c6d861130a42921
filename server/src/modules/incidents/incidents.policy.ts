import { sql, type SQL } from 'drizzle-orm';
import { can } from '@anju/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import { ownScopeSql, pathInScope } from '../../platform/access/scope.ts';
import type { IncidentRow } from './incidents.sql.ts';
import type { Standing } from './workflow.ts';

/** Department officers see only what was dispatched to their department, not what happens in their area. */
const placeReader = (actor: Actor) =>
  actor.roles.some((r) => r !== 'department_officer' && can([r], 'incident:read'));

/** Who sees an incident: officials of its area, its department, and the one who reported it. */
export function visibleSql(actor: Actor): SQL {
  const parts = [sql`i.reporter_user_id = ${actor.userId}`];
  if (placeReader(actor)) parts.push(ownScopeSql(actor, sql.raw('i.place_path')));
  if (actor.roles.includes('department_officer')) {
    parts.push(
      sql`i.department_id IN (SELECT department_id FROM user_departments WHERE user_id = ${actor.userId})`,
    );
  }
  return sql`(${sql.join(parts, sql` OR `)})`;
}

export function canSee(actor: Actor, i: IncidentRow, departments: number[]): boolean {
  return (
    i.reporter_user_id === actor.userId ||
    (placeReader(actor) && pathInScope(actor, i.place_path)) ||
    (i.department_id !== null && departments.includes(i.department_id))
  );
}

export function standingOf(actor: Actor, i: IncidentRow, departments: number[]): Standing {
  const handles = can(actor.roles, 'incident:handle') && !actor.roles.includes('department_officer');
  return {
    reporter: i.reporter_user_id === actor.userId,
    assignee:
      i.assignee_user_id === actor.userId ||
      (i.department_id !== null && departments.includes(i.department_id)),
    handler: handles && actor.scopes.some((s) => i.handling_path.startsWith(s.path)),
    supervisor: can(actor.roles, 'incident:supervise') && pathInScope(actor, i.place_path),
  };
}
