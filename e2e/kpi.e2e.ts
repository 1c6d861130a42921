import ExcelJS from 'exceljs';
import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import {
  DESKTOP,
  PASSWORD,
  PHONE,
  baseUrl,
  horizontalOverflow,
  journey,
  openMenu,
  signIn,
  useBrowser,
} from './browser.ts';

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

/** An official signed in through the API, as their own app would be: a caller of the API with their session. */
async function official(username: string) {
  const login = await fetch(`${baseUrl()}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: PASSWORD }),
  });
  expect(login.status).toBe(200);
  const cookie = login.headers.getSetCookie()[0].split(';')[0];
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  return async <T>(method: string, path: string, body?: Record<string, unknown>): Promise<T> => {
    const res = await fetch(`${baseUrl()}/api${path}`, {
      method,
      headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
      body: body && JSON.stringify(body),
    });
    expect(res.status, await res.clone().text()).toBeLessThan(300);
    return (await res.json()) as T;
  };
}

journey(
  'a county admin sees the on-time closure rate move, beside its definition, when an incident closes in time',
  DESKTOP,
  async (page) => {
    const grid = await official('grid_worker');
    const staff = await official('community_staff');
    const { scopes } = await grid<{ scopes: { id: string }[] }>('GET', '/auth/me');
    // today in China, the day the period counts in
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    await signIn(page, 'county_admin');
    await page.goto(`${baseUrl()}/incidents/kpi?from=${today}&to=${today}&under=${scopes[0].id}`);
    const parts = () => page.getByTestId('kpi-parts-onTimeClosureRate').textContent();
    await expect.poll(parts).toMatch(/\d/);
    const before = (await parts())!.match(/\d+/g)!.map(Number);
    // the rule it follows is named beside the figure
    expect(await page.getByTestId('kpi-definition-onTimeClosureRate').textContent()).toMatch(/12345/);

    // a grid worker reports, takes it in hand and replies; community staff check and call back
    type I = { id: string; version: number };
    let i = await grid<I>('POST', '/incidents', {
      categoryCode: 'neighbour_dispute',
      title: `指标演示 ${Date.now().toString(36)}`,
      placeId: scopes[0].id,
    });
    const step = async (by: typeof grid, body: Record<string, unknown>) =>
      (i = await by<I>('POST', `/incidents/${i.id}/actions`, { version: i.version, ...body }));
    await step(grid, { action: 'accept' });
    await step(grid, { action: 'handle' });
    await step(grid, { action: 'reply', note: '已调解' });
    await step(staff, { action: 'verify' });
    await step(staff, { action: 'callback', satisfaction: 'satisfied' });

    // replied in time: one more on time over one more that fell due
    await page.reload();
    await expect
      .poll(async () => (await parts())?.match(/\d+/g)?.map(Number))
      .toEqual([before[0] + 1, before[1] + 1]);
    expect(await page.getByTestId('kpi-definition-onTimeClosureRate').textContent()).toMatch(/12345/);
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
