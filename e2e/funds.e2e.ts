import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import {
  DESKTOP,
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

/** The input of a field whose test id sits on the input itself or on a wrapper around it. */
const inputOf = (page: Page, id: string) =>
  page.locator(`input[data-testid="${id}"], [data-testid="${id}"] input`).first();

journey(
  'an expense recorded by the community staff is refused when self-approved, approved by the party secretary, published in the month’s finance disclosure and read by a resident on a phone without logging in',
  DESKTOP,
  async (page) => {
    const summary = `购买活动器材${Date.now().toString(36)}`;
    await signIn(page, 'community_staff');
    await page.goto('/funds/journal');
    await page.getByTestId('entry-list').waitFor();
    await page.getByTestId('entry-add').click();
    await chooseOption(page, page.getByTestId('entry-account'), '上级拨款', { partial: true });
    await chooseOption(page, page.getByTestId('entry-category'), '活动经费');
    await inputOf(page, 'entry-amount').fill('1234.5');
    await page.getByTestId('entry-summary').fill(summary);
    const lastMonth = new Date();
    lastMonth.setUTCDate(1);
    lastMonth.setUTCMonth(lastMonth.getUTCMonth() - 1);
    const period = lastMonth.toISOString().slice(0, 7);
    const dateInput = inputOf(page, 'entry-date');
    await dateInput.click();
    await dateInput.fill(`${period}-15`);
    await dateInput.press('Enter');
    await saveDialog(page, { closes: true });

    await page.getByText(summary).click();
    await page.getByTestId('entry-detail').waitFor();
    await expect
      .poll(() => page.getByTestId('entry-detail').getByTestId('entry-status').innerText())
      .toBe('待审批');
    expect(await page.getByTestId('entry-approve').count()).toBe(0);
    // the server refuses the recorder too, saying why
    const refusal = await page.evaluate(async (text) => {
      const list = await (await fetch(`/api/funds/entries?pageSize=50&status=pending`)).json();
      const entry = list.items.find((e: { summary: string }) => e.summary === text);
      const csrf = (await (await fetch('/api/auth/me')).json()).csrfToken;
      const res = await fetch(`/api/funds/entries/${entry.id}/decisions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': csrf },
        body: JSON.stringify({ action: 'approve', version: entry.version }),
      });
      return { status: res.status, body: await res.json() };
    }, summary);
    expect(refusal.status).toBe(403);
    expect(refusal.body.error.details[0].reason).toBe(
      'the one who recorded an entry never approves or refuses it',
    );
    await page.goto('/funds/approvals');
    await page.getByTestId('entry-list').waitFor();
    expect(await page.getByText(summary).count()).toBe(0);
    await page.screenshot({ path: 'e2e/artifacts/funds-journal-desktop.png', fullPage: true });

    await page.context().clearCookies();
    await signIn(page, 'party_secretary');
    await page.goto('/funds/approvals');
    await page.getByText(summary).click();
    await page.getByTestId('entry-approve').click();
    await expect
      .poll(() => page.getByTestId('entry-detail').getByTestId('entry-status').innerText())
      .toBe('已入账');
    await page.goto('/funds/accounts');
    await page.getByTestId('statement').waitFor();
    await page.screenshot({ path: 'e2e/artifacts/funds-accounts-desktop.png', fullPage: true });
    await page.goto('/funds/budget');
    await page.getByTestId('budget-table').waitFor();
    await page.screenshot({ path: 'e2e/artifacts/funds-budget-desktop.png', fullPage: true });

    // the staff drafts the month's finance disclosure from the ledgers; the secretary approves; the staff publishes
    await page.context().clearCookies();
    await signIn(page, 'community_staff');
    await page.goto('/disclosures');
    await page.getByTestId('disclosure-add').click();
    await dialogReady(page);
    await chooseOption(page, page.getByTestId('disclosure-period'), period);
    const title = `${period} 财务公开 ${summary}`;
    await page.getByTestId('disclosure-title').fill(title);
    await saveDialog(page, { closes: true });
    await page.context().clearCookies();
    await signIn(page, 'party_secretary');
    await page.goto('/disclosures');
    await page.getByText(title).click();
    await page.getByTestId('disclosure-approve').click();
    await page.getByTestId('disclosure-approve').waitFor({ state: 'detached' });
    await page.context().clearCookies();
    await signIn(page, 'community_staff');
    await page.goto('/disclosures');
    await page.getByText(title).click();
    await page.getByTestId('disclosure-publish').click();
    const link = page.getByTestId('disclosure-public-link');
    await page.getByTestId('disclosure-publish').waitFor({ state: 'detached' });
    const href = (await link.getAttribute('href'))!;

    // a resident on a phone, not signed in
    await page.context().clearCookies();
    await page.setViewportSize(PHONE);
    await page.goto(href);
    await page.getByTestId('public-title').waitFor();
    const item = page.getByTestId('public-item').filter({ hasText: title });
    await item.getByTestId('disclosure-entries').getByText(summary).waitFor();
    expect(await item.getByTestId('public-hash').innerText()).toMatch(/[0-9a-f]{64}/);
    expect(await horizontalOverflow(page)).toBe(0);
    await page.screenshot({ path: 'e2e/artifacts/disclosure-public-phone.png', fullPage: true });
  },
);

journey('the journal on a phone: entries as cards, nothing scrolls sideways', PHONE, async (page) => {
  await signIn(page, 'community_staff');
  await page.goto('/funds/journal');
  await page.getByTestId('entry-card').first().waitFor();
  expect(await horizontalOverflow(page)).toBe(0);
  await page.screenshot({ path: 'e2e/artifacts/funds-journal-phone.png', fullPage: true });
});
