import ExcelJS from 'exceljs';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { LEDGER_HEADERS } from '@anju/contracts';
import { beforeAll, expect } from 'vitest';
import { PHONE, horizontalOverflow, journey, signIn, useBrowser } from './browser.ts';
import { householdWithHead } from './registry-helpers.ts';

useBrowser();

const stamp = Date.now().toString(36).slice(-6).toUpperCase();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'anju-ledger-'));
let householdId = '';
let head = { name: '', idNumber: '' };

beforeAll(async () => {
  ({ head, householdId } = await householdWithHead(`L${stamp}`, '19860412'));
});

/** The ledger as the department sends it: the head's job, and optionally a row whose name is wrong and one with a bad kind. */
async function ledgerFile(withBadRows: boolean): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('就业台账');
  sheet.addRow([...LEDGER_HEADERS]);
  sheet.addRow([head.name, head.idNumber, '安居帮扶车间', '帮扶车间', 2600, '2026-03-01', '']);
  if (withBadRows) {
    sheet.addRow(['张冠李戴', head.idNumber, '园区电子厂', '本地企业', 3200, '2026-05-01', '']);
    sheet.addRow([head.name, head.idNumber, '县城超市', '挖矿', 2000, '2026-06-01', '']);
  }
  const file = path.join(dir, `ledger-${withBadRows}.xlsx`);
  await wb.xlsx.writeFile(file);
  return file;
}

journey(
  'community_staff on a phone checks the employment ledger, sees every bad row, then imports it',
  PHONE,
  async (page) => {
    await signIn(page, 'community_staff');
    await page.goto('/employment/ledger');
    await page
      .locator('.ant-upload input[type="file"]')
      .first()
      .setInputFiles(await ledgerFile(true));

    const errors = page.getByTestId('ledger-errors');
    await errors.waitFor({ timeout: 30_000 });
    const rows = await errors.locator('tbody tr.ant-table-row').allTextContents();
    expect(rows).toEqual(['3姓名姓名与户籍登记不一致', '4就业类型不认识的就业类型“挖矿”']);
    expect(await page.getByTestId('ledger-count-valid').textContent()).toBe('1');
    expect(await page.getByTestId('ledger-commit').isDisabled()).toBe(true);
    expect(await page.getByTestId('ledger-commit-skip').count()).toBe(0);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    if (process.env.ANJU_E2E_SHOTS)
      await page.screenshot({ path: process.env.ANJU_E2E_SHOTS, fullPage: true });

    await page.getByTestId('ledger-restart').click();
    await page
      .locator('.ant-upload input[type="file"]')
      .first()
      .setInputFiles(await ledgerFile(false));
    await page.getByTestId('ledger-report').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('ledger-count-created').textContent()).toBe('1');
    await page.getByTestId('ledger-commit').click();
    await page.getByTestId('ledger-done').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('ledger-done').textContent()).toContain('新增 1 条');

    // the year's wage from the imported job (March to December), used in the income record after confirming
    await page.goto(`/registry/households/${householdId}`);
    const tab = page.getByRole('tab', { name: '就业', exact: true });
    await tab.scrollIntoViewIfNeeded();
    // the tab bar scrolls on a phone: click again until the tab holds
    await expect
      .poll(async () => {
        await tab.click();
        return tab.getAttribute('aria-selected');
      })
      .toBe('true');
    const wages = page.getByTestId('wages-card');
    await expect.poll(() => wages.getByTestId('wages-total').textContent()).toBe('26000 元');
    expect(await wages.textContent()).toContain('该年度尚无收入记录');
    if (process.env.ANJU_E2E_SHOTS)
      await page.screenshot({
        path: process.env.ANJU_E2E_SHOTS.replace('.png', '-wages.png'),
        fullPage: true,
      });
    await wages.getByTestId('wages-accept').click();
    await page.locator('.ant-popconfirm .ant-btn-primary').click();
    await expect.poll(() => wages.getByTestId('wages-declared').textContent()).toContain('来自就业记录');
  },
);
