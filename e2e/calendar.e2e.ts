import ExcelJS from 'exceljs';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import {
  DESKTOP,
  PHONE,
  chooseOption,
  dialogReady,
  horizontalOverflow,
  journey,
  openMenu,
  signIn,
  useBrowser,
} from './browser.ts';

useBrowser();

journey(
  'a county admin reads the national holiday calendar, keeps the county’s own, and reads the categories’ limits in hours and in working days',
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
    // the demo counts a category a department handles in working days
    await expect
      .poll(() =>
        page.getByTestId('categories-table').locator('tr', { hasText: '社会救助与低保' }).textContent(),
      )
      .toMatch(/工作日/);
  },
);

/** A calendar workbook as an official keeps one, written to a temporary file. */
async function workbook(rows: string[][]) {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('节假日');
  sheet.addRow(['日期', '类型', '名称']);
  for (const r of rows) sheet.addRow(r);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'anju-calendar-')), 'calendar.xlsx');
  await book.xlsx.writeFile(file);
  return file;
}

journey(
  'a county admin exports the holiday calendar to Excel, and imports next year’s: a dry run shows the bad row, the corrected file becomes the county’s calendar',
  DESKTOP,
  async (page) => {
    await signIn(page, 'county_admin');
    await page.getByTestId('menu-calendar').click();
    await page.waitForURL('**/calendar');
    await chooseOption(page, page.getByTestId('calendar-year'), '2026');
    await expect.poll(() => page.getByTestId('calendar-source').textContent()).toMatch(/安排/);
    const download = page.waitForEvent('download');
    await page.getByTestId('calendar-export').click();
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(await (await download).path());
    const exported: string[][] = [];
    book.worksheets[0].eachRow((r) => exported.push((r.values as string[]).slice(1)));
    expect(exported[0]).toEqual(['日期', '类型', '名称']);
    expect(exported).toContainEqual(['2026-09-20', '调休上班', '国庆节调休']);

    await chooseOption(page, page.getByTestId('calendar-year'), '2027');
    await page.getByTestId('calendar-source').waitFor();
    const upload = async (rows: string[][]) => {
      const chooser = page.waitForEvent('filechooser');
      await page.getByTestId('calendar-import').click();
      await (await chooser).setFiles(await workbook(rows));
      await dialogReady(page);
    };
    const good = [
      ['2027-01-01', '放假', '元旦'],
      ['2027-02-06', '调休上班', '春节调休'],
    ];
    await upload([...good, ['2026-12-31', '放假', '元旦']]);
    const problems = page.getByTestId('calendar-import-problems');
    await expect.poll(() => problems.locator('tbody tr.ant-table-row').count()).toBe(1);
    expect(await problems.textContent()).toContain('须为 2027 年的日期');
    expect(await page.getByTestId('calendar-import-commit').isDisabled()).toBe(true);
    await page.locator('.ant-modal-footer .ant-btn:not(.ant-btn-primary)').click();
    await expect.poll(() => page.locator('.ant-modal-wrap:visible').count()).toBe(0);

    await upload(good);
    const preview = page.getByTestId('calendar-import-days').locator('tbody tr.ant-table-row');
    await expect.poll(() => preview.count()).toBe(2);
    await page.getByTestId('calendar-import-commit').click();
    await expect.poll(() => page.locator('.ant-modal-wrap:visible').count()).toBe(0);
    await expect.poll(() => page.getByTestId('calendar-source').textContent()).toMatch(/本地安排/);
    const rows = page.getByTestId('calendar-days').locator('tbody tr.ant-table-row');
    await expect.poll(() => rows.filter({ hasText: '2027-02-06' }).textContent()).toMatch(/调休上班/);
    await expect.poll(() => rows.filter({ hasText: '2027-01-01' }).textContent()).toMatch(/放假/);
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
