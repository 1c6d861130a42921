import path from 'node:path';
import { expect } from 'vitest';
import {
  DESKTOP,
  PHONE,
  dialogReady,
  horizontalOverflow,
  journey,
  saveDialog,
  signIn,
  useBrowser,
} from './browser.ts';

useBrowser();

const shot = (name: string) => path.join(import.meta.dirname, 'artifacts', `service-projects-${name}.png`);

journey(
  'staff read the projects list, a project, an organization with its credibility formula, and the ranked providers of an open need',
  DESKTOP,
  async (page) => {
    await signIn(page, 'community_staff');
    await page.goto('/service-projects');
    const row = page.getByTestId('project-row').first();
    await row.waitFor();
    await page.screenshot({ path: shot('list-desktop'), fullPage: true });
    await row.locator('a').first().click();
    await page.waitForURL(/\/service-projects\/\d+$/);
    await page.getByTestId('project-milestones').waitFor();
    await page.getByTestId('project-spending').waitFor();
    await page.screenshot({ path: shot('project-desktop'), fullPage: true });
    await page.locator('a[href^="/social-organizations/"]').first().click();
    await page.getByTestId('credibility-formula').waitFor();
    expect(await page.getByTestId('credibility-formula').innerText()).toContain('按期完成率');
    await page.screenshot({ path: shot('org-desktop'), fullPage: true });
    await page.goto('/needs?status=open');
    await page.getByTestId('need-row').first().locator('a').first().click();
    await page.waitForURL(/\/needs\/\d+$/);
    await page.getByTestId('need-matches').waitFor();
    await page.getByTestId('need-matches').getByText('匹配分 =', { exact: false }).waitFor();
    await page.screenshot({ path: shot('matches-desktop'), fullPage: true });
  },
);

journey('the provider reports progress on a phone, with spending held to the budget', PHONE, async (page) => {
  await signIn(page, 'social_org_staff');
  await page.goto('/provider-projects');
  const card = page.getByTestId('project-card').first();
  await card.waitFor();
  expect(await horizontalOverflow(page)).toBe(0);
  await page.screenshot({ path: shot('provider-list-phone'), fullPage: true });
  await card.click();
  await page.waitForURL(/\/provider-projects\/\d+$/);
  const note = `入户探访 ${Date.now().toString(36)}`;
  await page.getByTestId('project-report').click();
  await dialogReady(page);
  await page.getByTestId('report-note').fill(note);
  await page.getByTestId('report-spent').fill('999999999');
  await saveDialog(page);
  await page.locator('.ant-form-item-explain-error').filter({ hasText: '超过预算' }).waitFor();
  await page.getByTestId('report-spent').fill('0');
  await saveDialog(page, { closes: true });
  await page.getByTestId('project-reports').getByText(note).waitFor();
  expect(await horizontalOverflow(page)).toBe(0);
  await page.screenshot({ path: shot('project-phone'), fullPage: true });
});
