import ExcelJS from 'exceljs';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import { DESKTOP, PHONE, journey, signIn, useBrowser } from './browser.ts';

useBrowser();

const stamp = Date.now().toString(36);

/** A workbook of accounts in the import's columns, written to a temporary file. */
async function workbook(rows: string[][]) {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('账号');
  sheet.addRow(['用户名', '姓名', '角色', '负责地区编码']);
  for (const r of rows) sheet.addRow(r);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'anju-accounts-')), 'accounts.xlsx');
  await book.xlsx.writeFile(file);
  return file;
}

journey(
  'the security administrator imports grid workers from Excel: a dry run shows the bad row, the corrected file creates them with one-time passwords to download',
  DESKTOP,
  async (page) => {
    await signIn(page, 'security_admin');
    await page.goto('/admin/users');
    await page.getByTestId('user-import').click();
    await page.waitForURL('**/admin/users/import');
    // the community's code, as the place tree gives it
    const code = await page.evaluate(async () => {
      const roots = await (await fetch('/api/places/search?q=嘉和社区&levels=community')).json();
      return roots[0].code as string;
    });
    expect(code).toBeTruthy();

    const upload = async (rows: string[][]) => {
      const chooser = page.waitForEvent('filechooser');
      await page.getByTestId('user-import-file').click();
      await (await chooser).setFiles(await workbook(rows));
    };
    await upload([
      [`gw_${stamp}_1`, '网格员 一', '网格员', code],
      [`gw_${stamp}_2`, '网格员 二', '巡逻员', code],
    ]);
    const problems = page.getByTestId('user-import-problems');
    await problems.locator('tbody tr.ant-table-row').first().waitFor();
    expect(await problems.locator('tbody tr.ant-table-row').count()).toBe(1);
    expect(await problems.textContent()).toContain('未知角色：巡逻员');

    await upload([
      [`gw_${stamp}_1`, '网格员 一', '网格员', code],
      [`gw_${stamp}_2`, '网格员 二', '网格员', code],
    ]);
    await page.getByTestId('user-import-commit').click();
    await page.getByTestId('user-import-done').waitFor();
    const download = page.waitForEvent('download');
    await page.getByTestId('user-import-passwords').click();
    const csv = fs.readFileSync(await (await download).path(), 'utf8');
    const lines = csv.trim().split('\r\n');
    expect(lines).toHaveLength(3);
    const [username, , password] = lines[1].split(',').map((c) => c.replace(/^"|"$/g, ''));
    expect(username).toBe(`gw_${stamp}_1`);

    // the new grid worker signs in with it on a phone and must change it first
    const phone = await page
      .context()
      .browser()!
      .newContext({ viewport: PHONE, baseURL: new URL(page.url()).origin });
    const worker = await phone.newPage();
    await signIn(worker, username, password);
    await worker.waitForURL('**/password');
    await phone.close();
  },
);
