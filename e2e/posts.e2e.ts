import ExcelJS from 'exceljs';
import { maskName } from '@anju/contracts';
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

journey(
  'community staff on a phone opens a post, assigns a holder, enters attendance and downloads the payroll with the masked name',
  PHONE,
  async (page) => {
    await signIn(page, 'community_staff');
    await page.goto('/employment/posts');
    await page.getByTestId('post-add').click();
    await dialogReady(page);
    const title = `e2e保洁岗${Date.now().toString(36)}`;
    await chooseOption(page, page.getByTestId('post-type'), '保洁');
    await page.getByTestId('post-title').fill(title);
    await page.getByTestId('post-subsidy').fill('1500');
    await saveDialog(page, { closes: true });
    await page.waitForURL(/\/employment\/posts\/\d+$/);
    await page.getByTestId('post-holder').getByTestId('post-vacant').waitFor();
    expect(await horizontalOverflow(page)).toBe(0);

    // the first labour-force member found who holds no post yet takes it
    await page.getByTestId('holder-assign').click();
    await dialogReady(page);
    const picker = page.getByTestId('holder-person');
    await picker.click();
    await page.keyboard.type('杨');
    const options = page.locator('.ant-select-dropdown:visible .ant-select-item-option');
    await options.first().waitFor();
    const count = await options.count();
    let assigned = false;
    for (let i = 0; i < count && !assigned; i++) {
      if ((await page.locator('.ant-select-dropdown:visible').count()) === 0) await picker.click();
      await options.nth(i).click();
      await page.locator('.ant-modal-footer .ant-btn-primary').click();
      const closed = async () => (await page.locator('.ant-modal-wrap:visible').count()) === 0;
      const refused = async () => (await page.locator('.ant-form-item-explain-error').count()) > 0;
      await expect.poll(async () => (await closed()) || (await refused()), { timeout: 15_000 }).toBe(true);
      assigned = await closed();
    }
    expect(assigned).toBe(true);
    const holder = page.getByTestId('post-holder').locator('.ant-typography').first();
    await holder.waitFor();
    const held = (await holder.innerText()).trim();
    expect(held.length).toBeGreaterThan(1);

    // this month's attendance: one day, which any holder starting today has held
    const days = page.getByTestId('attendance-days');
    await days.fill('1');
    await page.getByTestId('attendance-save').click();
    await page.getByText('考勤已保存').waitFor();
    expect(await horizontalOverflow(page)).toBe(0);

    await page.goto('/employment/posts');
    await page.getByTestId('payroll-export').waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('payroll-export').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^posts-payroll-\d{4}-\d{2}\.xlsx$/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(await download.path());
    const rows: string[][] = [];
    book.worksheets[0].eachRow((r) =>
      rows.push((r.values as unknown[]).slice(1).map((v) => String(v ?? ''))),
    );
    const mine = rows.find((r) => r.includes(title));
    expect(mine).toBeDefined();
    expect(mine).toContain(maskName(held));
    expect(rows.flat().join('|')).not.toContain(held);
  },
);
