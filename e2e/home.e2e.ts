import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { DESKTOP, PHONE, horizontalOverflow, journey, signIn, useBrowser } from './browser.ts';

useBrowser();

/** The number on a home to-do card, once it has loaded. */
async function todoCount(page: Page, key: string) {
  const value = page.getByTestId(`todo-${key}`).locator('.ant-statistic-content-value');
  await expect
    .poll(async () => /^\d+$/.test((await value.count()) ? await value.innerText() : ''))
    .toBe(true);
  return Number(await value.innerText());
}

/** Which to-do cards and links the home shows. */
const shown = (page: Page) =>
  page
    .locator('[data-testid^="todo-"], [data-testid^="home-link-"]')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')));

journey(
  "a grid worker's home counts the reports to accept and opens the workbench on that tab",
  PHONE,
  async (page) => {
    await signIn(page, 'grid_worker');
    const toAccept = await todoCount(page, 'toAccept');
    expect(await shown(page)).toEqual([
      'todo-toAccept',
      'todo-overdue',
      'todo-visitsDue',
      'todo-leads',
      'todo-cases',
      'todo-zeroEmployment',
      'home-link-kpi',
      'home-link-monitoringOverview',
    ]);
    expect(await horizontalOverflow(page)).toBe(0);
    await page.getByTestId('todo-toAccept').click();
    await page.waitForURL('**/incidents?tab=toAccept');
    await expect
      .poll(() => page.locator('.ant-tabs-tab-active [data-testid="incident-tab-toAccept"]').count())
      .toBe(1);
    await expect.poll(() => page.getByTestId('incident-count-toAccept').innerText()).toBe(String(toAccept));
  },
);

journey(
  "a resident's home shows their own reports and what they may do, no officials' work",
  PHONE,
  async (page) => {
    await signIn(page, 'resident');
    await todoCount(page, 'myReports');
    expect(await shown(page)).toEqual(['todo-myReports', 'home-link-report', 'home-link-declare']);
    await page.getByTestId('todo-myReports').click();
    await page.waitForURL('**/incidents/mine');
  },
);

journey(
  "a county admin's home shows overdue and in-hand incidents and the figures, no visits",
  DESKTOP,
  async (page) => {
    await signIn(page, 'county_admin');
    await todoCount(page, 'overdue');
    expect(await shown(page)).toEqual([
      'todo-toAccept',
      'todo-overdue',
      'todo-leads',
      'todo-cases',
      'todo-inHand',
      'home-link-kpi',
      'home-link-monitoringOverview',
    ]);
    await page.getByTestId('todo-overdue').click();
    await page.waitForURL('**/incidents?tab=overdue');
  },
);
