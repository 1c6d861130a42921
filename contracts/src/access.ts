/** Roles of DOMAIN.md and the permission matrix; the server enforces it, the web draws menus from it. */
export const ROLES = [
  'county_admin',
  'department_officer',
  'township_officer',
  'community_staff',
  'party_secretary',
  'grid_worker',
  'party_member',
  'social_org_staff',
  'enterprise_hr',
  'resident',
  'system_admin',
  'security_admin',
  'audit_admin',
] as const;
export type Role = (typeof ROLES)[number];

/** The three separated administrators (三员分立): never combined with each other or with other roles. */
export const ADMIN_ROLES: readonly Role[] = ['system_admin', 'security_admin', 'audit_admin'];

export const PERMISSIONS = [
  'place:read',
  'place:write',
  'user:read',
  'user:write',
  'user:admins',
  'user:grant',
  'security:policy',
  'audit:read',
  'audit:export',
  'person:read',
  'person:write',
  'person:reveal',
  'person:health',
  'person:export',
  'person:import',
  // find a person by the whole ID or phone number: rate-limited and audited, and only where a reveal
  // would tell as much
  'person:find_id',
  'person:find_phone',
  'grid:read',
  'grid:write',
  'party:read',
  'party:write',
  'party:levels',
  'visit:read',
  'visit:write',
  'incident:report',
  'incident:read',
  'incident:handle',
  'incident:supervise',
  // the limits of the incident categories, which apply everywhere: kept by a province's admin
  'incident:policy',
  // a county's own holiday calendar of a year, by which working-day deadlines count
  'calendar:write',
  'open311:manage',
  'monitoring:read',
  'monitoring:write',
  'monitoring:policy',
  // the identification procedure of a region: notice, deadlines, step order, what the notice shows
  'monitoring:procedure',
  'monitoring:declare',
  // the labour register, employment records and zero-employment households
  'employment:read',
  'employment:write',
  // training courses: read them with their enrolments, and offer, enrol, record attendance and completions
  'training:read',
  'training:write',
  // jobs of the enterprises in scope: read them with their ranked candidates and applicants, post and
  // change them for any enterprise there, recommend a person (who must agree before the employer sees them)
  'job:read',
  'job:write',
  'job:recommend',
  // an enterprise's own staff: post its jobs and handle the applicants who applied or agreed
  'job:post',
  // a resident: the job board near their dwelling, applying and following their applications
  'job:apply',
  // the needs list, resources list and social organizations of the scope: read them; raise needs, refer
  // them, keep organizations and resources, allocate
  'service:read',
  'service:write',
  // a social organization's staff: the needs referred to their organization, accepted, served and done
  'service:provide',
  // a resident: raise a need of their household, follow it and rate it when done
  'service:request',
  // community funds: read accounts, budgets, the journal and statements; keep accounts and budgets,
  // record entries and close months; approve an entry someone else recorded; the township's approval
  // of an entry above the threshold
  'fund:read',
  'fund:write',
  'fund:approve',
  'fund:oversee',
  // open affairs (居务/财务公开): read a community's disclosures and their schedule; draft, correct and
  // publish them; approve one someone else drafted
  'disclosure:read',
  'disclosure:write',
  'disclosure:approve',
  // volunteers, teams and activities of the scope with their rosters and hours
  'volunteer:read',
  // register volunteers, keep teams and activities, show the check-in code, confirm check-ins, approve and correct hours
  'volunteer:organize',
  // a volunteer: register by real name, sign up, check in by the activity's code, their hours and certificates
  'volunteer:serve',
  // surveys from XLSForm: read forms, campaigns and their results; import forms and send campaigns
  'survey:read',
  'survey:write',
  // a grid worker answers a campaign door to door on a household's behalf
  'survey:answer',
  // a resident answers the campaigns sent to them on their phone
  'survey:respond',
  // a site's follow-up support: public facilities against demand, industry projects and their payments,
  // the yearly support plan; read them, and keep them
  'site:read',
  'site:write',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const OFFICIALS: Permission[] = ['place:read', 'person:read', 'grid:read', 'visit:read'];
/** Officials who take incidents at their level of the ladder, read them and report them. */
const HANDLERS: Permission[] = ['incident:report', 'incident:read', 'incident:handle'];
const PARTY: Permission[] = ['party:read', 'party:write'];
/** Enter incomes, raise and follow poverty-return monitoring leads. */
const MONITORING: Permission[] = ['monitoring:read', 'monitoring:write'];
/** See a whole number, and find a person by one; each is audited. */
const IDENTIFIERS: Permission[] = ['person:reveal', 'person:find_id', 'person:find_phone'];
/** Keep the labour register and employment records, and help zero-employment households. */
const EMPLOYMENT: Permission[] = ['employment:read', 'employment:write'];
/** Offer training courses, enrol people and record their attendance and completions. */
const TRAINING: Permission[] = ['training:read', 'training:write'];
/** Post jobs for the enterprises in scope, rank people for them and recommend. */
const JOBS: Permission[] = ['job:read', 'job:write', 'job:recommend'];
/** Keep the needs list, resources list and social organizations, and refer needs to them. */
const SERVICES: Permission[] = ['service:read', 'service:write'];
/** Keep a site's facilities, industry projects with their payments, and its support plan. */
const SITES: Permission[] = ['site:read', 'site:write'];
/** Import survey forms, send campaigns and read their results. */
const SURVEYS: Permission[] = ['survey:read', 'survey:write'];
/** Register volunteers, organize activities and approve their hours. */
const VOLUNTEERS: Permission[] = ['volunteer:read', 'volunteer:organize'];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  county_admin: [
    ...OFFICIALS,
    'place:write',
    // keys of the systems (12345 hotline, …) that file and read requests in the county
    'open311:manage',
    ...IDENTIFIERS,
    'person:health',
    'person:export',
    'party:read',
    // party levels are one list for every county: only an admin scoped to a whole province sets them
    'party:levels',
    ...HANDLERS,
    'incident:supervise',
    'incident:policy',
    'calendar:write',
    ...MONITORING,
    'monitoring:policy',
    'monitoring:procedure',
    'employment:read',
    ...TRAINING,
    'job:read',
    ...SERVICES,
    ...VOLUNTEERS,
    'fund:read',
    'disclosure:read',
    ...SURVEYS,
    ...SITES,
  ],
  department_officer: [
    ...OFFICIALS,
    'person:health',
    ...HANDLERS,
    'monitoring:read',
    'employment:read',
    'training:read',
    'job:read',
    'service:read',
    'volunteer:read',
    'survey:read',
    'site:read',
  ],
  township_officer: [
    ...OFFICIALS,
    ...IDENTIFIERS,
    'person:health',
    'person:export',
    'party:read',
    ...HANDLERS,
    'incident:supervise',
    ...MONITORING,
    ...EMPLOYMENT,
    ...TRAINING,
    ...JOBS,
    ...SERVICES,
    ...VOLUNTEERS,
    'fund:read',
    'fund:oversee',
    'disclosure:read',
    ...SURVEYS,
    ...SITES,
  ],
  community_staff: [
    ...OFFICIALS,
    'place:write',
    'person:write',
    ...IDENTIFIERS,
    'person:health',
    'person:export',
    'person:import',
    'grid:write',
    ...PARTY,
    ...HANDLERS,
    ...MONITORING,
    ...EMPLOYMENT,
    ...TRAINING,
    ...JOBS,
    ...SERVICES,
    ...VOLUNTEERS,
    'fund:read',
    'fund:write',
    'fund:approve',
    'disclosure:read',
    'disclosure:write',
    'disclosure:approve',
    ...SURVEYS,
    ...SITES,
  ],
  party_secretary: [
    ...OFFICIALS,
    'grid:write',
    ...PARTY,
    'incident:report',
    'incident:read',
    'incident:supervise',
    // the party secretary leads the linking of the five (五社联动) but reads no health
    'service:read',
    'volunteer:read',
    // the party secretary signs off the community's spending beside the committee
    'fund:read',
    'fund:approve',
    'disclosure:read',
    'disclosure:approve',
    'survey:read',
    'site:read',
  ],
  grid_worker: [
    ...OFFICIALS,
    'person:write',
    'person:health',
    'visit:write',
    ...HANDLERS,
    ...MONITORING,
    ...EMPLOYMENT,
    'training:read',
    // a grid worker records a resident's consent on their behalf
    'job:read',
    'job:recommend',
    ...SERVICES,
    'volunteer:read',
    'survey:read',
    'survey:answer',
    'site:read',
  ],
  party_member: ['visit:read', 'visit:write', 'incident:report', 'volunteer:serve'],
  social_org_staff: ['service:provide', 'volunteer:serve'],
  enterprise_hr: ['job:post'],
  resident: [
    'incident:report',
    'monitoring:declare',
    'job:apply',
    'service:request',
    'volunteer:serve',
    'survey:respond',
  ],
  system_admin: ['user:read', 'user:write', 'place:read', 'place:write'],
  security_admin: ['user:read', 'user:admins', 'user:grant', 'security:policy', 'place:read'],
  audit_admin: ['audit:read', 'audit:export'],
};

/** Permissions on personal data; the three administrators never hold them. */
export const PERSONAL_DATA_PERMISSIONS: readonly Permission[] = PERMISSIONS.filter((p) =>
  p.startsWith('person:'),
);

export function permissionsOf(roles: readonly Role[]): Permission[] {
  return [...new Set(roles.flatMap((r) => ROLE_PERMISSIONS[r]))];
}

/**
 * Accounts whose password reset or disabling would hand over the system or a whole county: the three
 * administrators and the county administrator. Only the security administrator resets or disables them.
 */
export const GUARDED_ACCOUNT_ROLES: readonly Role[] = [...ADMIN_ROLES, 'county_admin'];

/**
 * What resetting the password of, disabling or enabling an account takes: `user:admins` (the security
 * administrator) for a guarded account, `user:write` (the system administrator) for any other.
 */
export function accountPermission(targetRoles: readonly Role[]): Permission {
  return targetRoles.some((r) => GUARDED_ACCOUNT_ROLES.includes(r)) ? 'user:admins' : 'user:write';
}

export function can(roles: readonly Role[], permission: Permission): boolean {
  return roles.some((r) => ROLE_PERMISSIONS[r].includes(permission));
}
