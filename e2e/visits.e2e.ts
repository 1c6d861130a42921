import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { DESKTOP, horizontalOverflow, journey, openMenu, signIn, useBrowser } from './browser.ts';

useBrowser();

const SMALL_PHONE = { width: 375, height: 812 };

/** The smallest valid PNG, as a photo the phone's camera would hand over. */
const PHOTO = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000a49444154789c63000100000500010d0a2db40000000049454e44ae426082',
  'hex',
);

/** Visits made over the coverage page's grids, as the community staff sees them. */
async function visitedOnCoverage(page: Page) {
  await page.goto('/visits/coverage');
  const rows = page.locator('[data-testid="coverage-grids"] tbody tr.ant-table-row');
  await rows.first().waitFor();
  await page.getByTestId('coverage-grids-chart').locator('canvas').waitFor();
  const cells = await rows.evaluateAll((trs) => trs.map((tr) => Number(tr.children[2].textContent)));
  return cells.reduce((a, b) => a + b, 0);
}

journey(
  'a grid worker on a 375-px phone logs a visit with a photo, turns the finding into an incident, and coverage moves',
  SMALL_PHONE,
  async (page) => {
    await signIn(page, 'community_staff');
    const before = await visitedOnCoverage(page);
    expect(await horizontalOverflow(page)).toBe(0);
    await page.context().clearCookies();

    await signIn(page, 'grid_worker');
    await openMenu(page);
    await page
      .locator('.ant-menu-submenu-title')
      .filter({ hasText: /^走访$/ })
      .click();
    await page.getByTestId('menu-visitsToday').click();
    await page.waitForURL('**/visits');
    await page.getByText('已逾期', { exact: true }).first().waitFor();
    await page.locator('.ant-segmented-item').nth(1).click();
    const card = page.getByTestId('due-household').first();
    await card.waitFor();
    expect(await card.getByTestId('due-status').textContent()).toBe('已逾期');
    expect(await horizontalOverflow(page)).toBe(0);
    await card.getByTestId('due-log').click();
    await page.waitForURL('**/visits/new?householdId=*');

    const finding = `二单元楼道水管漏水 ${Date.now().toString(36)}`;
    await page.getByTestId('visit-findings').fill(`${finding}\n地面积水，老人出行不便`);
    await page.getByTestId('visit-follow-ups').fill('联系物业维修');
    await page
      .getByTestId('visit-photo-input')
      .setInputFiles({ name: 'leak.png', mimeType: 'image/png', buffer: PHOTO });
    await page.locator('.ant-image img').first().waitFor();
    expect(await horizontalOverflow(page)).toBe(0);
    await page.getByTestId('visit-submit').click();
    await page.waitForURL(/\/visits\/\d+$/);
    await page.getByTestId('visit-photos').locator('img').first().waitFor();

    await page.getByTestId('visit-to-incident').click();
    await page.locator('.ant-modal:not(.ant-zoom)').waitFor();
    expect(await page.getByTestId('incident-title').inputValue()).toBe(finding);
    await page.getByTestId('incident-category').click();
    await page.locator('.ant-select-item-option').filter({ hasText: '房屋及公共设施维修' }).click();
    await page.getByTestId('incident-submit').click();
    await page.getByTestId('visit-incident-link').waitFor();
    expect(await horizontalOverflow(page)).toBe(0);

    const incidents = await page.evaluate(async () => {
      const res = await fetch('/api/incidents?mine=true&pageSize=50');
      return ((await res.json()) as { items: { title: string; source: string }[] }).items;
    });
    expect(incidents).toContainEqual(expect.objectContaining({ title: finding, source: 'grid_worker' }));
    await page.getByTestId('visit-incident-link').click();
    await page.waitForURL(/\/incidents\/\d+$/);
    await page.getByText(finding).first().waitFor();
    await page.context().clearCookies();

    await signIn(page, 'community_staff');
    expect(await visitedOnCoverage(page)).toBe(before + 1);
  },
);

journey('community staff add, change and remove a visit plan of their community', DESKTOP, async (page) => {
  await signIn(page, 'community_staff');
  await page.goto('/visits/plans');
  const rows = page.locator('[data-testid="plans-table"] tbody tr.ant-table-row');
  await rows.first().waitFor();
  const name = `残疾人每两周走访 ${Date.now().toString(36)}`;

  await page.getByTestId('plan-add').click();
  await page.locator('.ant-modal:not(.ant-zoom)').waitFor();
  await page.getByTestId('plan-interval').fill('0');
  await page.getByTestId('plan-save').click();
  await page.locator('.ant-form-item-explain-error').first().waitFor();
  await page.getByTestId('plan-name').fill(name);
  await page.getByTestId('plan-tag').click();
  await page
    .locator('.ant-select-item-option')
    .filter({ hasText: /^残疾人$/ })
    .click();
  await page.getByTestId('plan-interval').fill('14');
  await page.getByTestId('plan-save').click();
  const added = rows.filter({ hasText: name });
  await added.waitFor();
  expect(await added.textContent()).toContain('每 14 天');

  await added.getByRole('button', { name: '修改' }).click();
  await page.locator('.ant-modal:not(.ant-zoom)').waitFor();
  await page.getByTestId('plan-interval').fill('10');
  await page.getByTestId('plan-save').click();
  await rows.filter({ hasText: name }).filter({ hasText: '每 10 天' }).waitFor();

  await rows.filter({ hasText: name }).getByRole('button', { name: '删除' }).click();
  await page.locator('.ant-popconfirm .ant-btn-primary').click();
  await rows.filter({ hasText: name }).waitFor({ state: 'detached' });
});
