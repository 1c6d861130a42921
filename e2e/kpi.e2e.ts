import ExcelJS from 'exceljs';
import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { DESKTOP, PHONE, horizontalOverflow, journey, openMenu, signIn, useBrowser } from './browser.ts';

useBrowser();

/** Names in the first column of the breakdown table. */
const tableNames = (page: Page) =>
  page.getByTestId('kpi-table').locator('tbody tr.ant-table-row td:first-child').allTextContents();

/** The figure shown on a KPI card. */
const cardValue = (page: Page, key: string) =>
  page.getByTestId(`kpi-card-${key}`).locator('.ant-statistic-content').textContent();

journey(
  'county admin reads the demo KPIs, switches grouping and period, and exports',
  DESKTOP,
  async (page) => {
    await signIn(page, 'county_admin');
    await page.getByTestId('menu-kpi').click();
    await page.waitForURL('**/incidents/kpi');

    // a year of demo history: every rate is a real percentage, the average a number of hours
    await expect.poll(() => cardValue(page, 'timelyAcceptanceRate')).toMatch(/^\d{1,3}\.\d%$/);
    expect(await cardValue(page, 'onTimeClosureRate')).toMatch(/^\d{1,3}\.\d%$/);
    expect(await cardValue(page, 'satisfactionRate')).toMatch(/^\d{1,3}\.\d%$/);
    expect(await cardValue(page, 'averageHandlingHours')).toMatch(/^\d+\.\d/);
    await page.getByTestId('kpi-help-onTimeClosureRate').hover();
    await page.locator('.ant-popover').getByText('分母').waitFor();
    await page.locator('.ant-popover').getByText('依据').waitFor();
    // beside each figure: what it is taken over, and the rule it follows
    for (const key of ['timelyAcceptanceRate', 'onTimeClosureRate', 'satisfactionRate'])
      expect(await page.getByTestId(`kpi-definition-${key}`).textContent()).toContain('12345');

    // grids of the demo community, each with its figures, and the bar chart drawn
    await expect.poll(async () => (await tableNames(page)).length).toBeGreaterThan(1);
    expect((await tableNames(page)).every((n) => n.includes('网格'))).toBe(true);
    await page.getByTestId('kpi-bar-chart').locator('canvas').waitFor();
    await page.getByTestId('kpi-trend-chart').locator('canvas').waitFor();

    // the place picker opens the county level by level; choosing the demo community narrows every figure to it
    await page.getByTestId('kpi-place').click();
    for (const name of ['昭阳区', '靖安镇'])
      await page
        .locator('.ant-select-tree-treenode')
        .filter({ hasText: name })
        .locator('.ant-select-tree-switcher')
        .first()
        .click();
    await page.locator('.ant-select-tree-node-content-wrapper').getByText('嘉和社区').click();
    await page.waitForURL(/under=\d+/);
    await expect.poll(async () => (await tableNames(page)).length).toBeGreaterThan(1);

    await page.getByTestId('kpi-by').getByText('部门').click();
    await page.waitForURL(/by=department/);
    await expect.poll(() => tableNames(page)).toContain('人力资源和社会保障局');

    const yearReported = await page.getByTestId('kpi-parts-timelyAcceptanceRate').textContent();
    await page.getByTestId('kpi-preset').click();
    await page.locator('.ant-select-item-option').getByText('上月').click();
    await page.waitForURL(/from=\d{4}-\d{2}-01/);
    await expect
      .poll(() => page.getByTestId('kpi-parts-timelyAcceptanceRate').textContent())
      .not.toBe(yearReported);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('kpi-export').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^kpi-department-.*\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(fs.readFileSync((await download.path())!) as never);
    const [figures, notes] = workbook.worksheets;
    expect(figures.getRow(1).getCell(1).value).toBe('部门');
    expect(figures.rowCount).toBeGreaterThan(1);
    expect(notes.getRow(2).getCell(1).value).toBe('及时签收率');
  },
);

journey('the KPI page fits a phone', PHONE, async (page) => {
  await signIn(page, 'township_officer');
  await openMenu(page);
  await page.getByTestId('menu-kpi').click();
  await page.waitForURL('**/incidents/kpi');
  await expect.poll(() => cardValue(page, 'timelyAcceptanceRate')).toMatch(/%$/);
  await page.getByTestId('kpi-bar-chart').locator('canvas').waitFor();
  await page.getByTestId('kpi-from').waitFor();
  expect(await horizontalOverflow(page)).toBe(0);
});
