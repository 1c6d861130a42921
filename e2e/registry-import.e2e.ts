import ExcelJS from 'exceljs';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, expect } from 'vitest';
import { DESKTOP, chooseAuditAction, journey, signIn, useBrowser } from './browser.ts';
import { apiAs, idNumber, uniqueName, withBadCheckDigit, type PlaceRow } from './registry-helpers.ts';

useBrowser();

const stamp = Date.now().toString(36).slice(-6).toUpperCase();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'anju-import-'));
const headName = uniqueName();
const headId = idNumber('19850312', Number.parseInt(stamp.slice(-3), 36), true);
const codes = { community: '', village: '', dwellings: [] as string[] };

/** Real codes of the demo data, looked up through the API: the community, a village, two new free dwellings. */
beforeAll(async () => {
  const staff = await apiAs('community_staff');
  const [community] = await staff.get<PlaceRow[]>('/places/roots');
  codes.community = community.code!;
  const grids = await staff.get<{ items: PlaceRow[] }>(`/places/${community.id}/children`);
  const buildings = await staff.get<{ items: PlaceRow[] }>(`/places/${grids.items[0].id}/children`);
  for (const n of [1, 2]) {
    const code = `E2E${stamp}${n}`;
    await staff.post('/places', {
      parentId: buildings.items[0].id,
      level: 'dwelling',
      code,
      name: `9单元${stamp}${n}室`,
    });
    codes.dwellings.push(code);
  }
  const county = await apiAs('county_admin');
  const [village] = await county.get<PlaceRow[]>('/places/search?q=村&levels=village&limit=1');
  codes.village = village.code!;
});

type Row = Record<string, string>;

/** Two households: the first one's head has the given ID number, the second has a head only when `fixed`. */
function rows(headIdNumber: string, fixed: boolean): Row[] {
  const common = (household: string, dwelling: string): Row => ({
    户编号: household,
    户籍地代码: codes.community,
    住房代码: dwelling,
    迁出村代码: codes.village,
    搬迁年份: '2019',
    安置方式: '城镇集中安置',
    户类型: '脱贫户',
    劳动能力: '有劳动力',
  });
  return [
    { ...common('1', codes.dwellings[0]), 与户主关系: '户主', 姓名: headName, 身份证号: headIdNumber },
    {
      ...common('1', codes.dwellings[0]),
      与户主关系: '配偶',
      姓名: uniqueName(),
      身份证号: idNumber('19870506', 11, false),
    },
    {
      ...common('2', codes.dwellings[1]),
      与户主关系: fixed ? '户主' : '子女',
      姓名: uniqueName(),
      身份证号: idNumber('19700101', 22, true),
    },
    {
      ...common('2', codes.dwellings[1]),
      与户主关系: '配偶',
      姓名: uniqueName(),
      身份证号: idNumber('19720202', 33, false),
    },
  ];
}

/** Fills the downloaded template's data sheet and saves it as a new workbook. */
async function buildFile(template: string, name: string, data: Row[]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(template);
  const sheet = wb.getWorksheet('人口')!;
  const headers = (sheet.getRow(1).values as (string | undefined)[]).slice(1);
  for (const row of data) sheet.addRow(headers.map((h) => (h ? (row[h] ?? '') : '')));
  const file = path.join(dir, name);
  await wb.xlsx.writeFile(file);
  return file;
}

async function upload(page: Page, file: string) {
  await page.locator('.ant-upload input[type="file"]').setInputFiles(file);
}

const errorRows = (page: Page) =>
  page.getByTestId('import-errors').locator('tbody tr.ant-table-row').allTextContents();

journey(
  'community_staff imports a file with errors, fixes it, commits and reveals an ID',
  DESKTOP,
  async (page) => {
    await signIn(page, 'community_staff');
    await page.getByTestId('menu-import').click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('import-template').click(),
    ]);
    const template = path.join(dir, 'template.xlsx');
    await download.saveAs(template);

    const xls = path.join(dir, 'legacy.xls');
    fs.writeFileSync(xls, Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(512)]));
    await upload(page, xls);
    const refused = page.getByTestId('upload-error');
    await refused.filter({ hasText: '另存为 .xlsx' }).waitFor();
    expect(await refused.textContent()).toContain('旧版 .xls 工作簿');

    await upload(page, await buildFile(template, 'broken.xlsx', rows(withBadCheckDigit(headId), false)));
    await page.getByTestId('import-errors').waitFor({ timeout: 30_000 });
    const errors = await errorRows(page);
    expect(
      errors.some((r) => r.startsWith('2') && r.includes('身份证号') && r.includes('校验位不正确')),
    ).toBe(true);
    expect(errors.some((r) => r.includes('与户主关系') && /户 \S+ 没有户主/.test(r))).toBe(true);
    expect(await page.getByTestId('import-commit').isDisabled()).toBe(true);
    const [report] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('import-errors-download').click(),
    ]);
    const reportFile = path.join(dir, 'errors.xlsx');
    await report.saveAs(reportFile);
    const reportBook = new ExcelJS.Workbook();
    await reportBook.xlsx.readFile(reportFile);
    const sheet = reportBook.worksheets[0];
    expect(sheet.getRow(1).values).toEqual([undefined, '行号', '列', '问题']);
    expect(sheet.getRow(2).values).toEqual([undefined, 2, '身份证号', '校验位不正确（GB 11643）']);

    await page.getByTestId('import-restart').click();
    await upload(page, await buildFile(template, 'fixed.xlsx', rows(headId, true)));
    await expect
      .poll(() => page.getByTestId('import-count-invalid').textContent(), { timeout: 30_000 })
      .toBe('0');
    expect(await page.getByTestId('import-count-newPersons').textContent()).toBe('4');
    await page.getByTestId('import-commit').click();
    await page.getByTestId('import-done').waitFor({ timeout: 30_000 });

    await page.getByTestId('import-to-persons').click();
    await page.getByTestId('person-q').fill(headName);
    await page.getByTestId('person-search').click();
    await page.getByTestId('person-table').getByRole('link', { name: headName }).click();
    await expect
      .poll(() => page.getByTestId('person-title').textContent(), { timeout: 15_000 })
      .toBe(headName);
    expect(await page.getByTestId('person-idNumber').textContent()).not.toBe(headId);
    await page.getByTestId('reveal-idNumber').click();
    await expect
      .poll(() => page.getByTestId('person-idNumber').textContent(), { timeout: 15_000 })
      .toBe(headId);
  },
);

journey('audit_admin sees the reveal in the audit log', DESKTOP, async (page) => {
  await signIn(page, 'audit_admin');
  await page.getByTestId('menu-audit').click();
  await chooseAuditAction(page, 'person.reveal');
  await page.getByTestId('audit-search').click();
  const row = page.getByTestId('audit-table').locator('tbody tr.ant-table-row', { hasText: 'person.reveal' });
  await row.first().waitFor();
  expect(await row.first().textContent()).toContain('community_staff');
});
