import { accountPermission, ADMIN_ROLES, can, type Role } from '@anju/contracts';
import { forbidden, invalid } from '../../platform/errors.ts';

/**
 * Whether `actor` may reset the password of, disable or enable the account `target`: a guarded account
 * (an administrator's or a county administrator's) needs the security administrator (`user:admins`), any
 * other the system administrator (`user:write`), so that no administrator can take over such an account.
 */
export function assertMayManageAccount(
  actor: { userId: number; roles: readonly Role[] },
  target: { id: number; roles: readonly Role[] },
) {
  const needed = accountPermission(target.roles);
  if (!can(actor.roles, needed)) throw forbidden(`requires ${needed}`);
}

/** Nobody resets their own password as an administrator would: they change it, knowing the current one. */
export function assertNotOwnReset(actorId: number, targetId: number) {
  if (actorId === targetId) throw invalid('password', 'change your own password on the password page');
}

/** 三员分立: an administrator role stands alone, never combined with another role. */
export function assertRolesSeparated(roles: readonly Role[]) {
  const admin = roles.filter((r) => ADMIN_ROLES.includes(r));
  if (admin.length > 0 && roles.length > 1) {
    throw invalid(
      'roles',
      'system_admin, security_admin and audit_admin cannot be combined with any other role',
    );
  }
}

/** Roles that work on places need at least one scope; the three administrators need none. */
export function assertScopesFit(roles: readonly Role[], scopeCount: number) {
  const needsScope = roles.some((r) => !ADMIN_ROLES.includes(r));
  if (needsScope && scopeCount === 0)
    throw invalid('scopePlaceIds', 'at least one scope is needed for these roles');
  if (roles.length === 0 && scopeCount > 0)
    throw invalid('roles', 'places are given with a role that works on them');
  if (!needsScope && scopeCount > 0)
    throw invalid('scopePlaceIds', 'administrators are not scoped to places');
}
