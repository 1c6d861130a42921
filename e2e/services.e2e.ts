import path from 'node:path';
import { expect } from 'vitest';
import {
  DESKTOP,
  chooseOption,
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
    await chooseOption(page, page.getByTestId('raise-category'), '养老服务');
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
    await chooseOption(page, page.getByTestId('refer-org'), '阳光社会工作服务中心', { partial: true });
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

journey(
  'community staff on a desktop filter the needs list, allocate some of a resource to a need and change an organization',
  DESKTOP,
  async (page) => {
    await signIn(page, 'community_staff');
    await page.goto('/needs?overdue=true');
    const rows = page.getByTestId('need-row');
    await rows.first().waitFor();
    expect(await rows.first().getAttribute('style')).toContain('background');
    expect(await page.getByTestId('need-overdue').count()).toBeGreaterThan(0);
    await page.screenshot({ path: shot('needs-desktop') });

    await page.goto('/service-resources');
    const rice = page
      .locator('[data-testid="resource-list"] tbody tr.ant-table-row')
      .filter({ hasText: '爱心米面油' });
    const before = await rice.getByTestId('resource-remaining').innerText();
    await rice.getByTestId('resource-allocate').click();
    await dialogReady(page);
    await page.getByTestId('allocate-need').click();
    const first = page.locator('.ant-select-dropdown:visible .ant-select-item-option').first();
    const summary = (await first.innerText()).split(' · ')[0].trim();
    await chooseOption(page, page.getByTestId('allocate-need'), summary, { partial: true });
    await saveDialog(page, { closes: true });
    const left = (text: string) => Number(text.split(' / ')[0]);
    await expect
      .poll(async () => left(await rice.getByTestId('resource-remaining').innerText()))
      .toBe(left(before) - 1);

    await page.goto('/social-organizations');
    const org = page.locator('[data-testid="org-list"] tbody tr.ant-table-row').first();
    await org.getByTestId('org-edit').click();
    await dialogReady(page);
    await page.getByTestId('org-name').fill(`嘉和阳光社会工作服务中心 ${Date.now().toString(36)}`);
    await saveDialog(page, { closes: true });
    await page.screenshot({ path: shot('organizations-desktop') });
  },
);
