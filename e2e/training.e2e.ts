import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import {
  PHONE,
  dialogReady,
  horizontalOverflow,
  journey,
  saveDialog,
  signIn,
  useBrowser,
} from './browser.ts';

useBrowser();

/** The number a headline figure card shows. */
async function figure(page: Page, id: string) {
  const value = page.getByTestId(`figure-${id}`).locator('.ant-statistic-content-value');
  await value.waitFor();
  return Number((await value.innerText()).replace(/[^\d.]/g, ''));
}

journey(
  'community staff on a phone offers a course, enrols a person, records the hours and completes with a certificate; the figures count the completion and download as Excel',
  PHONE,
  async (page) => {
    await signIn(page, 'community_staff');
    await page.goto('/employment/figures');
    const before = await figure(page, 'training_completions');

    await page.goto('/training');
    await page.getByTestId('course-add').click();
    await dialogReady(page);
    const title = `电工培训班 ${Date.now().toString(36)}`;
    await page.getByTestId('course-title').fill(title);
    await page.getByTestId('course-provider').fill('县职业技能培训学校');
    await saveDialog(page, { closes: true });
    const card = page.getByTestId('course').filter({ hasText: title });
    await card.waitFor();
    expect(await horizontalOverflow(page)).toBe(0);
    await card.getByRole('link', { name: title }).click();
    await page.waitForURL('**/training/*');

    // the first person of the labour register not enrolled yet
    await expect
      .poll(async () => {
        if ((await page.locator('.ant-select-dropdown:visible').count()) === 0)
          await page.getByTestId('enrol-person').click();
        await page
          .locator('.ant-select-dropdown:visible .ant-select-item-option')
          .first()
          .click({ timeout: 3000 })
          .catch(() => undefined);
        return page.getByTestId('enrol-save').isEnabled();
      })
      .toBe(true);
    await page.getByTestId('enrol-save').click();
    const enrolment = page.getByTestId('enrolment');
    await enrolment.waitFor();
    await expect.poll(() => page.getByTestId('course-seats').innerText()).toContain('1/30');

    await enrolment.locator('input.ant-input-number-input').fill('40');
    await enrolment.getByTestId('attendance-save').click();
    await expect.poll(() => enrolment.getByTestId('enrolment-complete').isEnabled()).toBe(true);
    expect(await horizontalOverflow(page)).toBe(0);
    await page.screenshot({
      path: path.join(import.meta.dirname, 'artifacts', 'training-course-phone.png'),
      fullPage: true,
    });
    await page.getByTestId('enrolment').getByTestId('enrolment-complete').click();
    await dialogReady(page);
    await page.getByTestId('certificate-no').fill(`PX-${Date.now()}`);
    await saveDialog(page, { closes: true });
    await page.getByTestId('enrolment-completed').waitFor();

    await page.goto('/employment/figures');
    await expect.poll(() => figure(page, 'training_completions')).toBe(before + 1);
    await page.getByTestId('figures-trend').waitFor();
    expect(await horizontalOverflow(page)).toBe(0);
    await page.screenshot({
      path: path.join(import.meta.dirname, 'artifacts', 'training-figures-phone.png'),
      fullPage: true,
    });

    const download = page.waitForEvent('download');
    await page.getByTestId('figures-export').click();
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(await (await download).path());
    const [figures, , definitions] = book.worksheets;
    const header = (figures.getRow(1).values as string[]).slice(1);
    const total = (figures.getRow(2).values as unknown[]).slice(1);
    const column = header.findIndex((h) => h.startsWith('培训结业人数'));
    expect(total[column]).toBe(before + 1);
    expect(definitions.getColumn(1).values).toContain('employed_after_training_rate');
  },
);
