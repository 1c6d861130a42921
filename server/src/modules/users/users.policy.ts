import { ADMIN_ROLES, type Role } from '@anju/contracts';
import { invalid } from '../../platform/errors.ts';

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
