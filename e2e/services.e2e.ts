import path from 'node:path';
import { expect } from 'vitest';
import {
  PHONE,
  dialogReady,
  horizontalOverflow,
  journey,
  openMenu,
  saveDialog,
  signIn,
  useBrowser,
} from './browser.ts';

useBrowser();

const shot = (name: string) => path.join(import.meta.dirname, 'artifacts', `services-${name}.png`);

journey(
  'a resident raises a need on a phone with consent; staff refer it; the organization accepts and finishes it; the resident rates it',
  PHONE,
  async (page) => {
    const summary = `老人白天无人照看 ${Date.now().toString(36)}`;
    await signIn(page, 'resident');
    await openMenu(page);
    await page.getByTestId('menu-myNeeds').click();
    await page.waitForURL('**/my-needs');
    await page.getByTestId('need-raise').click();
    await page.getByTestId('raise-category').click();
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '养老服务' })
      .click();
    await page.getByTestId('raise-summary').fill(summary);
    await page.getByTestId('raise-detail').fill('老伴腿脚不便，子女在外务工');
    // consent to share the name, address and details is ticked by default and kept
    expect(await page.getByTestId('raise-consent').locator('input:checked').count()).toBe(3);
    expect(await horizontalOverflow(page)).toBe(0);
    await page.getByTestId('raise-submit').click();
    const card = page.getByTestId('my-need-card').filter({ hasText: summary });
    await card.waitFor();
    expect(await card.innerText()).toContain('待转介');
    await page.screenshot({ path: shot('resident-phone'), fullPage: true });
    await card.click();
    await page.waitForURL(/\/my-needs\/\d+$/);
    const id = page.url().split('/').pop()!;
    await page.getByTestId('need-consent').filter({ hasText: '姓名、住址、详细情况' }).waitFor();

    await page.context().clearCookies();
    await signIn(page, 'community_staff');
    await page.goto(`/needs/${id}`);
    await page.getByTestId('need-refer').click();
    await dialogReady(page);
    await page.getByTestId('refer-org').click();
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '阳光社会工作服务中心' })
      .first()
      .click();
    await saveDialog(page, { closes: true });
    await page.getByTestId('need-status').filter({ hasText: '已转介待接单' }).waitFor();
    expect(await page.getByTestId('need-timeline').innerText()).toContain('转介');

    await page.context().clearCookies();
    await signIn(page, 'social_org_staff');
    await page.goto('/referrals');
    await page.getByTestId('need-card').first().waitFor();
    expect(await horizontalOverflow(page)).toBe(0);
    await page.screenshot({ path: shot('referred-phone'), fullPage: true });
    await page.goto(`/referrals/${id}`);
    await page.getByText('老伴腿脚不便，子女在外务工').waitFor();
    await page.getByTestId('need-accept').click();
    await page.getByTestId('need-status').filter({ hasText: '已接单' }).waitFor();
    await page.getByTestId('need-finish').click();
    await page.getByTestId('need-status').filter({ hasText: '已完成待评价' }).waitFor();
    expect(await page.getByTestId('need-rate').count()).toBe(0);

    await page.context().clearCookies();
    await signIn(page, 'resident');
    await page.goto(`/my-needs/${id}`);
    await page.getByTestId('need-rating').getByRole('radio').nth(4).click();
    await page.getByTestId('need-rating').locator('.ant-rate-star-full').nth(4).waitFor();
    await page.getByTestId('need-rating-comment').fill('社工每天都来，很贴心');
    await page.getByTestId('need-rate').click();
    await page.getByTestId('need-status').filter({ hasText: '已评价' }).waitFor();
    expect(await page.getByTestId('need-timeline').innerText()).toMatch(/评价/);
    expect(await horizontalOverflow(page)).toBe(0);
    await page.screenshot({ path: shot('rated-phone'), fullPage: true });
  },
);
