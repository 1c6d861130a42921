import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { DESKTOP, PHONE, horizontalOverflow, journey, openMenu, signIn, useBrowser } from './browser.ts';

useBrowser();

const cardValue = (page: Page, key: string) =>
  page.getByTestId(`overview-card-${key}`).locator('.ant-statistic-content').textContent();
const total = async (page: Page, chart: string) =>
  Number((await page.getByTestId(`${chart}-total`).textContent())?.replace(/\D/g, ''));

journey(
  'county admin reads the monitoring overview of the demo cases and opens the overdue cases',
  DESKTOP,
  async (page) => {
    await signIn(page, 'county_admin');
    await page.locator('.ant-menu-submenu-title', { hasText: '防返贫监测' }).click();
    await page.getByTestId('menu-monitoringOverview').click();
    await page.waitForURL('**/monitoring/overview');

    // the generated cases: households monitored now, some being identified, a rate of eliminated ones
    await expect.poll(async () => Number(await cardValue(page, 'monitored'))).toBeGreaterThan(0);
    expect(Number(await cardValue(page, 'deciding'))).toBeGreaterThan(0);
    expect(await cardValue(page, 'overdue')).toMatch(/^\d+$/);
    expect(await cardValue(page, 'elimination')).toMatch(/^\d{1,3}\.\d%$/);

    for (const chart of ['overview-step-chart', 'overview-category-chart', 'overview-risk-chart']) {
      await page.getByTestId(chart).locator('canvas').waitFor();
      expect(await total(page, chart)).toBeGreaterThan(0);
    }
    await page.getByTestId('overview-trend-chart').locator('canvas').waitFor();
    // live cases by step add up to those monitored and those being identified
    expect(await total(page, 'overview-step-chart')).toBe(
      Number(await cardValue(page, 'monitored')) + Number(await cardValue(page, 'deciding')),
    );

    await page.getByTestId('overview-months').getByText('近 24 个月').click();
    await page.waitForURL(/months=24/);

    await page.getByTestId('overview-overdue-link').click();
    await page.waitForURL(/\/monitoring\/cases\?overdue=true/);
  },
);

journey('community staff read their community overview on a phone', PHONE, async (page) => {
  await signIn(page, 'community_staff');
  await openMenu(page);
  await page.locator('.ant-menu-submenu-title', { hasText: '防返贫监测' }).click();
  await page.getByTestId('menu-monitoringOverview').click();
  await page.waitForURL('**/monitoring/overview');
  await expect.poll(async () => Number(await cardValue(page, 'monitored'))).toBeGreaterThan(0);
  await page.getByTestId('overview-trend-chart').locator('canvas').waitFor();
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
});
