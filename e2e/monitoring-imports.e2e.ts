import ExcelJS from 'exceljs';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEPARTMENT_DATA_HEADERS } from '@anju/contracts';
import { beforeAll, expect } from 'vitest';
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
import { householdWithHead, withBadCheckDigit } from './registry-helpers.ts';

useBrowser();

const stamp = Date.now().toString(36).slice(-6).toUpperCase();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'anju-dept-'));
let head = { name: '', idNumber: '' };
let householdNo = '';

beforeAll(async () => {
  ({ head, householdNo } = await householdWithHead(`D${stamp}`, '19790815'));
});

/** A department's workbook: the head's large medical bill, and a row whose ID number has a wrong check digit. */
async function departmentFile(): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('医保数据');
  sheet.addRow([...DEPARTMENT_DATA_HEADERS]);
  sheet.addRow([head.idNumber, head.name, '大额医疗支出', 56000, '2026-02-14', '住院']);
  sheet.addRow([withBadCheckDigit(head.idNumber), head.name, '大额医疗支出', 800, '2026-02-20', '']);
  const file = path.join(dir, 'department.xlsx');
  await wb.xlsx.writeFile(file);
  return file;
}

journey(
  'community_staff on a phone imports department data, skips the bad row and sees the lead',
  PHONE,
  async (page) => {
    await signIn(page, 'community_staff');
    await openMenu(page);
    await page.locator('.ant-menu-submenu-title', { hasText: '防返贫监测' }).click();
    const entry = page.getByTestId('menu-monitoringImports');
    await entry.waitFor();
    // the group opens with an animation: click once the entry has stopped moving
    await page.waitForTimeout(500);
    await entry.scrollIntoViewIfNeeded();
    await entry.click();
    await page.waitForURL('**/monitoring/imports');
    // the closing menu drawer hands focus back to its toggle, which would close a select opened meanwhile
    await page.locator('.ant-drawer-content-wrapper').waitFor({ state: 'hidden' });
    await page.getByTestId('imports-department').fill('县医保局');
    await page.getByTestId('imports-kind').click();
    await page.locator('.ant-select-item-option', { hasText: '医疗保障' }).click();
    await page
      .locator('.ant-upload input[type="file"]')
      .first()
      .setInputFiles(await departmentFile());

    const errors = page.getByTestId('imports-errors');
    await errors.waitFor({ timeout: 30_000 });
    const rows = await errors.locator('tbody tr.ant-table-row').allTextContents();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatch(/^3身份证号校验位不正确/);
    expect(await page.getByTestId('imports-count-valid').textContent()).toBe('1');
    expect(await page.getByTestId('imports-commit').isDisabled()).toBe(true);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);

    await page.getByTestId('imports-commit-skip').click();
    await page.locator('.ant-popconfirm .ant-btn-primary').click();
    await page.getByTestId('imports-done').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('imports-leads').textContent()).toContain(householdNo);

    const toLeads = page.locator('a', { has: page.getByTestId('imports-to-leads') });
    expect(await toLeads.getAttribute('href')).toBe('/monitoring/leads?source=department_data');
    await page.getByTestId('imports-leads').getByRole('link', { name: householdNo }).click();
    await page.waitForURL(/\/monitoring\/leads\?/);
    expect(await page.getByTestId('lead-search').locator('input').inputValue()).toBe(householdNo);
    const leads = page.getByTestId('lead-table');
    await expect.poll(() => leads.textContent(), { timeout: 15_000 }).toContain(householdNo);
    expect(await leads.textContent()).toContain('部门数据比对');
  },
);

journey(
  'community_staff given a legacy .xls workbook is told in Chinese to re-save it',
  DESKTOP,
  async (page) => {
    await signIn(page, 'community_staff');
    await page.goto('/monitoring/imports');
    await page.getByTestId('imports-department').fill('县医保局');
    await chooseOption(page, page.getByTestId('imports-kind'), '医疗保障');
    // an Excel 97–2003 file starts with the OLE compound-document signature
    const file = path.join(dir, 'department.xls');
    fs.writeFileSync(file, Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(504)]));
    await page.locator('.ant-upload input[type="file"]').first().setInputFiles(file);
    const refusal = page.getByTestId('imports-error');
    await refusal.waitFor({ timeout: 30_000 });
    expect(await refusal.textContent()).toContain('这是旧版 .xls 工作簿（Excel 97–2003），无法读取');
  },
);
