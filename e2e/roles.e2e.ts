import { expect } from 'vitest';
import { DESKTOP, PHONE, journey, openMenu, signIn, useBrowser } from './browser.ts';

useBrowser();

const MENUS = ['home', 'places', 'households', 'persons', 'import', 'report', 'users', 'audit', 'password'];
const OFFICIAL = ['home', 'places', 'households', 'persons', 'report', 'password'];
const COMMUNITY = [...OFFICIAL, 'import'];
const PUBLIC = ['home', 'password'];
/** The public roles who may report a problem (「我要反映」). */
const REPORTER = [...PUBLIC, 'report'];

/** What each demo account must see in the side menu, with its role label in zh-CN. */
const ROLES: [string, string, string[]][] = [
  ['county_admin', '县级管理员', OFFICIAL],
  ['department_officer', '部门工作人员', OFFICIAL],
  ['township_officer', '乡镇（街道）工作人员', OFFICIAL],
  ['community_staff', '社区工作人员', COMMUNITY],
  ['party_secretary', '社区党组织书记', OFFICIAL],
  ['grid_worker', '网格员', OFFICIAL],
  ['party_member', '党员', REPORTER],
  ['social_org_staff', '社会组织工作人员', PUBLIC],
  ['enterprise_hr', '企业（帮扶车间）人事', PUBLIC],
  ['resident', '居民', REPORTER],
  ['system_admin', '系统管理员', ['home', 'places', 'users', 'password']],
  ['security_admin', '安全管理员', ['home', 'places', 'users', 'password']],
  ['audit_admin', '审计管理员', ['home', 'audit', 'password']],
];

const PHONE_ROLES = new Set(['grid_worker', 'resident']);

for (const [username, label, menus] of ROLES) {
  journey(`${username} sees their menu`, PHONE_ROLES.has(username) ? PHONE : DESKTOP, async (page) => {
    await signIn(page, username);
    await expect.poll(() => page.getByTestId('welcome').textContent()).toContain(label);
    await openMenu(page);
    for (const key of MENUS) {
      expect(await page.getByTestId(`menu-${key}`).count(), `menu-${key}`).toBe(menus.includes(key) ? 1 : 0);
    }
    // a phone shows the scope as a small button opening the tree
    const scopeControl = PHONE_ROLES.has(username) ? 'scope-button' : 'scope-switcher';
    expect(await page.getByTestId(scopeControl).count()).toBe(menus.includes('places') ? 1 : 0);
  });
}
