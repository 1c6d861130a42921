import { expect } from 'vitest';
import { PHONE, horizontalOverflow, journey, openMenu, signIn, useBrowser } from './browser.ts';

useBrowser();

journey('resident on a phone reports a problem and sees it in the list as submitted', PHONE, async (page) => {
  const title = `楼道灯不亮 ${Date.now().toString(36)}`;
  await signIn(page, 'resident');
  await openMenu(page);
  await page.getByTestId('menu-report').click();
  await page.waitForURL('**/incidents/new');

  await page.getByTestId('report-category').click();
  await page.locator('.ant-select-item-option-active').waitFor({ state: 'attached' });
  await page.keyboard.press('Enter');
  await page.getByTestId('report-title').fill(title);
  await page.getByTestId('report-description').fill('三楼楼道的灯坏了一周');
  await page.getByTestId('report-title').press('Enter');

  const row = page.getByTestId('my-report').filter({ hasText: title });
  await row.waitFor();
  expect(await row.getByTestId('report-status').textContent()).toBe('已提交');
  expect(await row.getByTestId('report-recall').count()).toBe(1);
  expect(await horizontalOverflow(page)).toBe(0);
});
