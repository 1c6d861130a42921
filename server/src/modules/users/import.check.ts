import { GUARDED_ACCOUNT_ROLES, ROLES, Username, type Role, type UserImportProblem } from '@anju/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import { pathInScope } from '../../platform/access/scope.ts';
import type { AccountRow } from './import.rows.ts';

/** The roles by the names the workbook may give them (their code or their Chinese name). */
const ROLE_NAMES: Record<string, Role> = {
  县级管理员: 'county_admin',
  部门工作人员: 'department_officer',
  乡镇工作人员: 'township_officer',
  '乡镇（街道）工作人员': 'township_officer',
  社区工作人员: 'community_staff',
  社区党组织书记: 'party_secretary',
  网格员: 'grid_worker',
  党员: 'party_member',
  社会组织工作人员: 'social_org_staff',
  '企业（帮扶车间）人事': 'enterprise_hr',
  企业人事: 'enterprise_hr',
  居民: 'resident',
  ...Object.fromEntries(ROLES.map((r) => [r, r])),
};

/** Why a row is refused: reasons the web gives in the reader's language. */
export const REASONS = {
  required: 'required',
  username: 'lower-case letters, digits, _ . -; 3 to 64, starting with a letter',
  twice: 'appears twice in the file, also in row {{row}}',
  taken: 'username already taken',
  long: 'at most 64 characters',
  unknownRole: 'unknown role: {{value}}',
  guarded: 'administrators and county administrators are not created by import: {{value}}',
  tooMany: 'at most {{max}}',
  unknownPlace: 'unknown place code: {{value}}',
} as const;

/** An account the file asks for, checked. */
export interface PlannedAccount {
  username: string;
  displayName: string;
  roles: Role[];
  placeIds: number[];
}

/**
 * Checks every row: a valid username new to Anju and to the file, a name, known roles (never an
 * administrator's or a county administrator's) and places known inside the importer's scope.
 * Returns every problem found and, when there are none, the accounts to create.
 */
export function checkAccounts(
  actor: Actor,
  rows: AccountRow[],
  taken: Set<string>,
  places: Map<string, { id: number; path: string }>,
) {
  const problems: UserImportProblem[] = [];
  const planned: PlannedAccount[] = [];
  const firstRow = new Map<string, number>();
  for (const r of rows) {
    const bad = (
      column: UserImportProblem['column'],
      reason: keyof typeof REASONS,
      params?: Record<string, string>,
    ) => problems.push({ row: r.row, column, reason: REASONS[reason], ...(params ? { params } : {}) });
    const before = problems.length;
    const username = r.username.toLowerCase();
    if (!r.username) bad('username', 'required');
    else if (!Username.safeParse(username).success) bad('username', 'username');
    else if (firstRow.has(username)) bad('username', 'twice', { row: String(firstRow.get(username)) });
    else if (taken.has(username)) bad('username', 'taken');
    if (username && !firstRow.has(username)) firstRow.set(username, r.row);
    if (!r.displayName) bad('displayName', 'required');
    else if (r.displayName.length > 64) bad('displayName', 'long');
    const roles = [...new Set(r.roles.map((name) => ROLE_NAMES[name]))];
    if (!r.roles.length) bad('roles', 'required');
    for (const name of r.roles) {
      const role = ROLE_NAMES[name];
      if (!role) bad('roles', 'unknownRole', { value: name });
      else if (GUARDED_ACCOUNT_ROLES.includes(role)) bad('roles', 'guarded', { value: name });
    }
    if (roles.length > 5) bad('roles', 'tooMany', { max: '5' });
    if (!r.places.length) bad('places', 'required');
    if (r.places.length > 50) bad('places', 'tooMany', { max: '50' });
    for (const code of r.places) {
      const place = places.get(code);
      // a place outside the importer's scope is as unknown as one that does not exist
      if (!place || !pathInScope(actor, place.path)) bad('places', 'unknownPlace', { value: code });
    }
    if (problems.length === before)
      planned.push({
        username,
        displayName: r.displayName,
        roles: roles as Role[],
        placeIds: [...new Set(r.places.map((code) => places.get(code)!.id))],
      });
  }
  return { problems, planned };
}
