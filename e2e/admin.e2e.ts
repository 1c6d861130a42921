import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import {
  DESKTOP,
  chooseAuditAction,
  dialogReady,
  journey,
  saveDialog,
  signIn,
  useBrowser,
} from './browser.ts';

useBrowser();

const stamp = Date.now().toString(36);
const username = `e2e_${stamp}`;
const initialPassword = 'Start#2026e2e';
const newPassword = 'Mine#2026e2e';

async function findUser(page: Page) {
  await page.goto('/admin/users');
  await page.getByTestId('user-search').locator('input').fill(username);
  await page.getByTestId('user-search').locator('input').press('Enter');
  const row = page.getByTestId('user-table').locator('tbody tr', { hasText: username });
  await row.waitFor();
  return row;
}

async function auditRow(page: Page, action: string) {
  await chooseAuditAction(page, action);
  await page.getByTestId('audit-search').click();
  const row = page.getByTestId('audit-table').locator('tbody tr.ant-table-row', { hasText: action }).first();
  await row.locator('.ant-table-row-expand-icon').click();
  return page.getByTestId('audit-table').locator('tr.ant-table-expanded-row').first().textContent();
}

/** Opens a lazily loaded tree node until its child shows; a click on a switcher still sliding in can be lost. */
async function openTreeNode(tree: Locator, name: string, child: string) {
  const closed = tree
    .locator('.ant-select-tree-treenode', { hasText: name })
    .locator('.ant-select-tree-switcher_close');
  await expect
    .poll(
      async () => {
        if (await tree.getByText(child, { exact: true }).isVisible()) return true;
        if (await closed.isVisible()) await closed.click();
        return false;
      },
      { timeout: 30_000, interval: 500 },
    )
    .toBe(true);
}

journey('system_admin creates a user', DESKTOP, async (page) => {
  await signIn(page, 'system_admin');
  await page.getByTestId('menu-users').click();
  await page.getByTestId('user-create').click();
  await page.getByTestId('user-form-username').fill(username);
  await page.getByTestId('user-form-name').fill('测试网格员');
  await page.getByTestId('user-form-password').fill('short');
  await saveDialog(page);
  await page.getByText('至少 8 位，且包含').nth(1).waitFor();
  await page.getByTestId('user-form-password').fill(initialPassword);
  await saveDialog(page, { closes: true });
  await (await findUser(page)).getByText('测试网格员').waitFor();
});

journey('security_admin grants it the grid worker role and 靖安镇', DESKTOP, async (page) => {
  await signIn(page, 'security_admin');
  await findUser(page);
  await page.getByTestId(`grant-${username}`).click();
  await dialogReady(page);
  await page.getByTestId('grant-roles').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '网格员' }).click();
  await page
    .getByTestId('grant-roles')
    .locator('.ant-select-selection-item', { hasText: '网格员' })
    .waitFor();
  await page.keyboard.press('Escape');
  await page.getByTestId('place-picker').click();
  const tree = page.locator('.ant-select-tree');
  await openTreeNode(tree, '云南省', '昭通市');
  await openTreeNode(tree, '昭通市', '昭阳区');
  await openTreeNode(tree, '昭阳区', '靖安镇');
  await tree.getByText('靖安镇', { exact: true }).click();
  await page.keyboard.press('Escape');
  await saveDialog(page, { closes: true });
  const row = await findUser(page);
  await row.getByText('网格员', { exact: true }).waitFor();
  await row.getByText('靖安镇').waitFor();
});

journey('the new user must change the password, then works in their scope', DESKTOP, async (page) => {
  await signIn(page, username, initialPassword);
  await page.waitForURL('**/password');
  const inputs = page.locator('input[type="password"]');
  await inputs.nth(0).fill(initialPassword);
  await inputs.nth(1).fill(newPassword);
  await inputs.nth(2).fill(newPassword);
  await page.locator('form .ant-btn-primary').click();
  await page.getByTestId('login-notice').waitFor();
  await signIn(page, username, newPassword);
  await page.getByTestId('menu-places').click();
  await expect.poll(() => page.getByTestId('place-name').textContent()).toBe('靖安镇');
});

journey('audit_admin sees the creation and the grant in the audit log', DESKTOP, async (page) => {
  await signIn(page, 'audit_admin');
  await page.getByTestId('menu-audit').click();
  expect(await auditRow(page, 'user.create')).toContain(username);
  expect(await auditRow(page, 'user.grant')).toContain('grid_worker');
  const href = await page.getByTestId('audit-export-csv').getAttribute('href');
  expect(href).toContain('format=csv');
  expect(href).toContain('action=user.grant');
});
