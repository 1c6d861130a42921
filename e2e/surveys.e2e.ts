import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { expect } from 'vitest';
import {
  PHONE,
  chooseOption,
  dialogReady,
  horizontalOverflow,
  journey,
  saveDialog,
  signIn,
  useBrowser,
} from './browser.ts';

useBrowser();

/** A community's XLSForm as it comes from Excel: a relevant follow-up question and a constraint with its message. */
async function xlsform(formId: string) {
  const book = new ExcelJS.Workbook();
  book.addWorksheet('survey').addRows([
    ['type', 'name', 'label', 'relevant', 'constraint', 'constraint_message', 'required'],
    ['select_one score', 'satisfaction', '您对社区服务满意吗？', '', '', '', 'yes'],
    ['text', 'why_not', '请说说哪里不满意', '${satisfaction} <= 2', '', '', 'yes'],
    ['integer', 'years', '搬来几年了？', '', '. >= 0 and . <= 20', '请填写0到20之间的年数', 'yes'],
  ]);
  book
    .addWorksheet('choices')
    .addRows([
      ['list_name', 'name', 'label'],
      ...['很不满意', '不满意', '一般', '满意', '很满意'].map((l, i) => ['score', String(i + 1), l]),
    ]);
  book.addWorksheet('settings').addRows([
    ['form_title', 'form_id', 'version'],
    ['入户满意度回访', formId, '1'],
  ]);
  const file = path.join(os.tmpdir(), `${formId}.xlsx`);
  await book.xlsx.writeFile(file);
  return file;
}

journey(
  'community staff import a form from Excel and send it; a grid worker answers it door to door on a phone, a follow-up question appearing and a constraint refusing',
  PHONE,
  async (page) => {
    const formId = `visit_${Date.now().toString(36)}`;
    const file = await xlsform(formId);
    await signIn(page, 'community_staff');
    await page.goto('/surveys');
    await page.getByTestId('survey-import').click();
    await dialogReady(page);
    const place = page.getByTestId('survey-import-place');
    if (!(await place.innerText()).includes('嘉和社区')) {
      await place.click();
      await page.keyboard.type('嘉和');
      await chooseOption(page, place, '嘉和社区', { partial: true });
    }
    await page.locator('.ant-modal input[type=file]').setInputFiles(file);
    await page.getByTestId('survey-import-save').click();
    // the imported form opens the campaign dialog for it
    await page.getByTestId('campaign-title').waitFor();
    // the browser reads the chosen file when it sends it
    fs.rmSync(file, { force: true });
    const title = `入户满意度回访 ${formId}`;
    await page.getByTestId('campaign-title').fill(title);
    const campaignPlace = page.getByTestId('campaign-place');
    if (!(await campaignPlace.innerText()).includes('嘉和社区')) {
      await campaignPlace.click();
      await page.keyboard.type('嘉和');
      await chooseOption(page, campaignPlace, '嘉和社区', { partial: true });
    }
    await saveDialog(page, { closes: true });
    await page.waitForURL(/\/surveys\/\d+$/);
    const campaignUrl = new URL(page.url()).pathname;

    await page.context().clearCookies();
    await signIn(page, 'grid_worker');
    await page.goto(`${campaignUrl}/answer`);
    await chooseOption(page, page.getByTestId('survey-household'), ' · ', { partial: true });
    const why = page.getByTestId('q-why_not');
    await page.getByTestId('q-satisfaction').getByText('很满意').click();
    expect(await why.count()).toBe(0);
    await page.getByTestId('q-satisfaction').getByText('不满意', { exact: true }).click();
    await why.waitFor();
    await page.getByTestId('q-years').locator('input').fill('30');
    await expect.poll(() => page.getByTestId('q-years').innerText()).toContain('请填写0到20之间的年数');
    await page.getByTestId('survey-send').click();
    await expect.poll(() => why.innerText()).toContain('必填');
    expect(await horizontalOverflow(page)).toBe(0);
    await page.screenshot({
      path: path.join(import.meta.dirname, 'artifacts', 'surveys-answer-phone.png'),
      fullPage: true,
    });

    await why.locator('textarea, input').fill('楼道灯坏了很久');
    await page.getByTestId('q-years').locator('input').fill('6');
    await page.getByTestId('survey-send').click();
    await page.getByText('已提交').waitFor();

    await page.context().clearCookies();
    await signIn(page, 'community_staff');
    await page.goto(campaignUrl);
    await page.getByTestId('chart-satisfaction').waitFor();
    await expect.poll(() => page.getByTestId('campaign-rates').innerText()).toMatch(/1\/\d+/);
    expect(await horizontalOverflow(page)).toBe(0);
    await page.screenshot({
      path: path.join(import.meta.dirname, 'artifacts', 'surveys-results-phone.png'),
      fullPage: true,
    });
  },
);
