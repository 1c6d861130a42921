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

const ARTIFACTS = path.join(import.meta.dirname, 'artifacts');

journey(
  'a county official finds the site whose kindergarten is short of places and opens its demand against capacity',
  DESKTOP,
  async (page) => {
    await signIn(page, 'county_admin');
    await page.goto('/sites?view=short');
    const short = page.getByTestId('site-figures').filter({ has: page.getByTestId('gap-kindergarten') });
    await short.getByTestId('site-link').first().waitFor();
    await page.screenshot({ path: path.join(ARTIFACTS, 'sites-overview-desktop.png'), fullPage: true });
    await short.getByTestId('site-link').first().click();
    await page.waitForURL('**/sites/*');
    const row = page.getByTestId('site-demand').locator('tr').filter({ hasText: '幼儿园' });
    await row.waitFor();
    expect(await row.locator('.ant-tag-red').count()).toBe(1);
    await page.screenshot({ path: path.join(ARTIFACTS, 'sites-site-desktop.png'), fullPage: true });
  },
);

journey(
  "community staff on a phone pays a project's dividend to its households, and it shows on a household's page",
  PHONE,
  async (page) => {
    await signIn(page, 'community_staff');
    await page.goto('/sites');
    await page.getByTestId('site-link').first().waitFor();
    expect(await horizontalOverflow(page)).toBe(0);
    await page.screenshot({ path: path.join(ARTIFACTS, 'sites-overview-phone.png'), fullPage: true });
    await page.getByTestId('site-link').first().click();
    await page.waitForURL('**/sites/*');
    await page.getByRole('tab', { name: '配套产业' }).click();
    await page.getByTestId('project').filter({ hasText: '食用菌' }).getByRole('link').click();
    await page.waitForURL('**/sites/projects/*');
    await page.getByTestId('payout').click();
    await dialogReady(page);
    const note = `季度分红 ${Date.now().toString(36)}`;
    await page.getByTestId('payout-amount').fill('321');
    await page.getByTestId('payout-note').fill(note);
    await saveDialog(page, { closes: true });
    await page.getByText(note).first().waitFor();
    expect(await horizontalOverflow(page)).toBe(0);
    await page.screenshot({ path: path.join(ARTIFACTS, 'sites-project-phone.png'), fullPage: true });

    await page.getByTestId('beneficiaries').getByRole('link').first().click();
    await page.waitForURL('**/registry/households/*');
    await page.getByRole('tab', { name: '产业收益' }).click();
    const payment = page.getByTestId('household-payment').filter({ hasText: note });
    await payment.waitFor();
    expect(await payment.innerText()).toContain('321');
    await page.screenshot({ path: path.join(ARTIFACTS, 'sites-household-phone.png'), fullPage: true });
  },
);
