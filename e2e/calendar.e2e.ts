import { expect } from 'vitest';
import {
  DESKTOP,
  PHONE,
  chooseOption,
  horizontalOverflow,
  journey,
  openMenu,
  signIn,
  useBrowser,
} from './browser.ts';

useBrowser();

journey(
  'a county admin reads the national holiday calendar, keeps the county’s own, and reads the categories’ limits',
  DESKTOP,
  async (page) => {
    await signIn(page, 'county_admin');
    await page.getByTestId('menu-calendar').click();
    await page.waitForURL('**/calendar');
    await chooseOption(page, page.getByTestId('calendar-year'), '2026');
    // the national calendar as the State Council published it, adjusted working days among the holidays
    await expect.poll(() => page.getByTestId('calendar-source').textContent()).toMatch(/国务院办公厅/);
    const rows = page.getByTestId('calendar-days').locator('tbody tr.ant-table-row');
    await expect.poll(() => rows.filter({ hasText: '2026-09-20' }).textContent()).toMatch(/调休上班/);

    // the county rests one more day: its own calendar from now on
    await page.getByTestId('calendar-day').click();
    await page.getByTestId('calendar-day').fill('2026-12-28');
    await page.keyboard.press('Enter');
    await page.getByTestId('calendar-add').click();
    await expect.poll(() => page.getByTestId('calendar-source').textContent()).toMatch(/本地安排/);
    await expect.poll(() => rows.filter({ hasText: '2026-12-28' }).textContent()).toMatch(/放假/);
    await page.getByTestId('calendar-remove-2026-12-28').click();
    await expect.poll(() => rows.filter({ hasText: '2026-12-28' }).count()).toBe(0);

    // the categories' limits apply in every county: a county admin reads them, a province's admin sets them
    await page.getByTestId('menu-incidentCategories').click();
    await page.waitForURL('**/incidents/categories');
    await page.getByTestId('categories-province-only').waitFor();
    await expect
      .poll(() => page.getByTestId('categories-table').locator('tr', { hasText: '邻里纠纷' }).textContent())
      .toMatch(/小时/);
  },
);

journey('the holiday calendar fits a phone', PHONE, async (page) => {
  await signIn(page, 'county_admin');
  await openMenu(page);
  await page.getByTestId('menu-calendar').click();
  await page.waitForURL('**/calendar');
  await page.getByTestId('calendar-days').waitFor();
  expect(await horizontalOverflow(page)).toBe(0);
});
