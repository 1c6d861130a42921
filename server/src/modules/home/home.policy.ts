import { can, type Permission, type Role, type TodoKey } from '@anju/contracts';

/** What each count of the home takes: every permission listed, and none of `not`. */
const NEEDS: Record<TodoKey, { all: Permission[]; not?: Permission }> = {
  toAccept: { all: ['incident:handle'] },
  overdue: { all: ['incident:read'] },
  visitsDue: { all: ['visit:write', 'grid:read'] },
  leads: { all: ['monitoring:write'] },
  cases: { all: ['monitoring:read'] },
  zeroEmployment: { all: ['employment:write'] },
  inHand: { all: ['incident:supervise'] },
  // officials find their own reports among the incidents they handle
  myReports: { all: ['incident:report'], not: 'incident:read' },
};

/** Whether the home counts `key` for a user of these roles. */
export function counts(roles: readonly Role[], key: TodoKey): boolean {
  const need = NEEDS[key];
  return need.all.every((p) => can(roles, p)) && !(need.not && can(roles, need.not));
}
