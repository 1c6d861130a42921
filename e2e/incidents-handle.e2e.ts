import path from 'node:path';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { DESKTOP, PHONE, horizontalOverflow, journey, saveDialog, signIn, useBrowser } from './browser.ts';

useBrowser();

const WAIT = { timeout: 15_000 };
const title = `楼道堆放杂物 ${Date.now().toString(36)}`;
let incidentPath: string;

/** Takes an action (through its form when it has one) and waits for its step on the timeline. */
async function act(page: Page, action: string, fill?: () => Promise<void>) {
  const steps = page.locator(`[data-testid=incident-step][data-action=${action}]`);
  const before = await steps.count();
  await page.getByTestId(`act-${action}`).click();
  if (fill) {
    await page.locator('.ant-modal:not(.ant-zoom)').waitFor();
    await fill();
    await saveDialog(page);
  }
  await expect.poll(() => steps.count(), WAIT).toBe(before + 1);
}

journey('a resident reports clutter on the stairs', PHONE, async (page) => {
  await signIn(page, 'resident');
  await page.goto('/incidents/new');
  await page.getByTestId('report-category').click();
  await page.locator('.ant-select-item-option').filter({ hasText: '邻里纠纷' }).click();
  await page.getByTestId('report-title').fill(title);
  await page.getByTestId('report-submit').click();
  await page.getByTestId('my-report').filter({ hasText: title }).waitFor();
});

journey(
  'the grid worker on a phone finds it under “to accept”, accepts it and handles it in one step; the reply is checked by someone else',
  PHONE,
  async (page) => {
    await signIn(page, 'grid_worker');
    await page.goto('/incidents?tab=toAccept');
    const count = page.getByTestId('incident-count-toAccept');
    await expect.poll(async () => Number(await count.textContent()), WAIT).toBeGreaterThan(0);
    const card = page.getByTestId('incident-card').filter({ hasText: title });
    await card.waitFor();
    // every card under “to accept” is new work
    const statuses = await page
      .locator('[data-testid=incident-card] [data-testid=incident-status]')
      .allTextContents();
    expect(new Set(statuses)).toEqual(new Set(['已提交']));
    // the tabs fit the phone: nothing runs off the side
    expect(await horizontalOverflow(page)).toBe(0);
    await page.screenshot({
      path: path.join(import.meta.dirname, 'artifacts', 'incident-workbench-tabs-phone.png'),
    });
    await card.click();
    await page.waitForURL('**/incidents/*');
    incidentPath = new URL(page.url()).pathname;

    await act(page, 'accept', async () => {});
    // one step: no dialog, no choosing oneself as the one it is dispatched to
    await act(page, 'handle');
    await expect.poll(() => page.getByTestId('incident-status').textContent(), WAIT).toBe('处理中');
    await act(page, 'reply', async () => {
      await page.getByTestId('act-note').fill('已通知住户清走杂物，楼道已通畅');
    });
    await expect.poll(() => page.getByTestId('incident-status').textContent(), WAIT).toBe('已答复');
    // the one who replied is not offered the check, and is told who will check
    expect(await page.getByTestId('act-verify').count()).toBe(0);
    expect(await page.getByTestId('incident-checker').textContent()).toMatch(/^由.+的其他工作人员审核/);
    expect(await horizontalOverflow(page)).toBe(0);
  },
);

journey(
  'community staff verify the grid worker’s reply and close it with a callback',
  DESKTOP,
  async (page) => {
    await signIn(page, 'community_staff');
    await page.goto(incidentPath);
    await act(page, 'verify', async () => {});
    await act(page, 'callback', async () => {
      await page.locator('.ant-modal').getByText('满意', { exact: true }).click();
    });
    expect(await page.getByTestId('incident-status').textContent()).toBe('已办结');
    const timeline = await page.getByTestId('incident-timeline').textContent();
    expect(timeline).toContain('自行办理');
  },
);
