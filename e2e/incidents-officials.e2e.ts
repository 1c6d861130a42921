import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';
import {
  DESKTOP,
  PHONE,
  baseUrl,
  horizontalOverflow,
  journey,
  saveDialog,
  signIn,
  useBrowser,
} from './browser.ts';

useBrowser();

const RESIDENT_PHONE = { width: 375, height: 812 };
const WAIT = { timeout: 15_000 };
const title = `楼道漏水 ${Date.now().toString(36)}`;
/** A 1×1 PNG, as a phone camera would send a (much larger) photo. */
const PHOTO = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a0e3fd2b0000000049454e44ae426082',
  'hex',
);
/** Today in China, the day KPI periods count in. */
const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

type Kpi = { reported: number; closed: number; closedOnTime: number; callbacks: number; satisfied: number };
let kpiBefore: Kpi;
let incidentPath: string;

/** The KPI of today as the signed-in official sees it, fetched in their page. */
const kpiOf = (page: Page) =>
  page.evaluate(
    (day) => fetch(`/api/incidents/kpi?from=${day}&to=${day}`).then((r) => r.json()),
    today,
  ) as Promise<Kpi>;

/** Opens an action's form, lets `fill` complete it, submits it, and waits for its step on the timeline. */
async function act(page: Page, action: string, fill: () => Promise<void> = async () => {}) {
  const steps = page.locator(`[data-testid=incident-step][data-action=${action}]`);
  const before = await steps.count();
  await page.getByTestId(`act-${action}`).click();
  await page.locator('.ant-modal:not(.ant-zoom)').waitFor();
  await fill();
  await saveDialog(page);
  await expect.poll(() => steps.count(), WAIT).toBe(before + 1);
}

async function newPage(browser: Browser, viewport: { width: number; height: number }) {
  const context = await browser.newContext({ viewport, baseURL: baseUrl(), locale: 'zh-CN' });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  return page;
}

journey(
  'a resident reports with a photo on a phone; the grid worker is told at once, accepts and escalates to the community',
  PHONE,
  async (worker) => {
    const streaming = worker.waitForResponse((r) => r.url().endsWith('/api/notifications/stream') && r.ok());
    await signIn(worker, 'grid_worker');
    await streaming;
    kpiBefore = await kpiOf(worker);

    const resident = await newPage(worker.context().browser()!, RESIDENT_PHONE);
    try {
      await signIn(resident, 'resident');
      await resident.goto('/incidents/new');
      await resident.getByTestId('report-category').click();
      await resident.locator('.ant-select-item-option').filter({ hasText: '邻里纠纷' }).click();
      await resident.getByTestId('report-title').fill(title);
      await resident.getByTestId('report-description').fill('楼上卫生间漏水到我家厨房');
      await resident.locator('input[type=file]').setInputFiles({
        name: 'leak.png',
        mimeType: 'image/png',
        buffer: PHOTO,
      });
      await resident.locator('.ant-upload-list-item').first().waitFor();
      expect(await horizontalOverflow(resident)).toBe(0);
      const photoSent = resident.waitForResponse((r) => /\/api\/incidents\/\d+\/photos$/.test(r.url()));
      await resident.getByTestId('report-submit').click();
      expect((await photoSent).status()).toBe(201);
      const row = resident.getByTestId('my-report').filter({ hasText: title });
      await row.waitFor();
      expect(await row.getByTestId('report-status').textContent()).toBe('已提交');
    } finally {
      await resident.context().close();
    }

    // the notification arrives over the open stream, without a reload
    const toast = worker.getByTestId('notification-toast').filter({ hasText: title });
    await toast.waitFor();
    await toast.click();
    await worker.waitForURL('**/incidents/*');
    incidentPath = new URL(worker.url()).pathname;
    await worker.getByTestId('incident-facts').waitFor();
    // the photo shows among the incident's photos and on the report step of the timeline
    await expect.poll(() => worker.locator('[data-testid=incident-photos] img').count(), WAIT).toBe(2);
    expect(await worker.getByTestId('incident-countdown').textContent()).toMatch(/^剩余/);
    expect(await horizontalOverflow(worker)).toBe(0);

    await act(worker, 'accept');
    await act(worker, 'escalate', async () => {
      await worker.locator('.ant-modal .ant-btn-primary').click();
      await worker.getByText('请填写说明').waitFor();
      await worker.getByTestId('act-note').fill('涉及两户，需社区协调');
    });
    await expect.poll(() => worker.getByTestId('incident-facts').textContent(), WAIT).toContain('社区 ·');
    expect(await worker.getByTestId('incident-status').textContent()).toBe('已提交');
    expect(await worker.getByTestId('incident-actions').count()).toBe(0);
  },
);

journey(
  'community staff find it on the workbench, accept it (a stale tab is told) and dispatch it',
  DESKTOP,
  async (page) => {
    await signIn(page, 'community_staff');
    await page.goto('/incidents');
    await page.getByTestId('incident-search').locator('input').fill(title);
    await page.getByTestId('incident-search').locator('input').press('Enter');
    // new work is on the first page before the search answers: wait for the search's answer
    await expect.poll(() => page.getByTestId('incident-row').count(), WAIT).toBe(1);
    const row = page.getByTestId('incident-row').filter({ hasText: title });
    await row.waitFor();
    expect(await row.getByTestId('incident-status').textContent()).toBe('已提交');
    await row.locator('a').click();
    await page.waitForURL(`**${incidentPath}`);

    // a second tab still shows the incident as reported when the first one accepts it
    const stale = await page.context().newPage();
    await stale.goto(incidentPath);
    await stale.getByTestId('act-accept').waitFor();
    await act(page, 'accept');
    await stale.getByTestId('act-accept').click();
    await saveDialog(stale);
    await stale.getByText('有人先办理了这件事，已为您刷新').waitFor();
    await expect.poll(() => stale.getByTestId('incident-status').textContent(), WAIT).toBe('已受理');
    expect(await stale.getByTestId('act-accept').count()).toBe(0);
    await stale.close();

    // nobody dispatches to themselves: the community's own official is not among the choices
    await act(page, 'dispatch', async () => {
      await page.getByTestId('act-assignee').click();
      await page.locator('.ant-select-item-option').filter({ hasText: '杨丽' }).click();
      expect(await page.locator('.ant-select-item-option').filter({ hasText: '陈主任' }).count()).toBe(0);
    });
    expect(await page.getByTestId('incident-status').textContent()).toBe('已派单');
  },
);

journey(
  'the grid worker replies with a photo; community staff verify and close it with a callback',
  DESKTOP,
  async (page) => {
    await signIn(page, 'grid_worker');
    await page.goto(incidentPath);
    await act(page, 'start');
    await act(page, 'reply', async () => {
      await page.getByTestId('act-note').fill('已请物业修好楼上管道');
      await page.locator('.ant-modal input[type=file]').setInputFiles({
        name: 'fixed.png',
        mimeType: 'image/png',
        buffer: PHOTO,
      });
    });
    await expect.poll(() => page.locator('[data-testid=incident-photos] img').count(), WAIT).toBe(4);
    // whoever replied does not verify their own reply: a second official does
    expect(await page.getByTestId('act-verify').count()).toBe(0);
    await page.context().clearCookies();
    await signIn(page, 'community_staff');
    await page.goto(incidentPath);
    await act(page, 'verify');
    await act(page, 'callback', async () => {
      await page.locator('.ant-modal').getByText('基本满意').click();
    });
    expect(await page.getByTestId('incident-status').textContent()).toBe('已办结');
    expect(await page.getByTestId('incident-actions').count()).toBe(0);
  },
);

journey(
  'the resident rates the outcome on a phone, and the KPI figures move',
  RESIDENT_PHONE,
  async (page) => {
    await signIn(page, 'resident');
    await page.goto('/incidents/mine');
    const row = page.getByTestId('my-report').filter({ hasText: title });
    expect(await row.getByTestId('report-status').textContent()).toBe('已办结待评价');
    await row.getByTestId('my-report-link').click();
    await page.waitForURL(`**${incidentPath}`);
    expect(await page.getByTestId('plain-status').textContent()).toBe('已办结待评价');
    const timeline = await page.getByTestId('incident-timeline').textContent();
    expect(timeline).toContain('转交上级处理');
    expect(timeline).toContain('已请物业修好楼上管道');
    expect(timeline).not.toContain('陈主任');

    await act(page, 'rate', async () => {
      await page.locator('.ant-modal').getByText('满意', { exact: true }).click();
      await page.getByTestId('act-note').fill('修得很及时，谢谢');
    });
    expect(await page.getByTestId('plain-status').textContent()).toBe('已办结');
    expect(await page.getByTestId('my-rating').textContent()).toContain('满意');
    expect(await page.getByTestId('incident-actions').count()).toBe(0);
    expect(await horizontalOverflow(page)).toBe(0);

    const official = await newPage(page.context().browser()!, DESKTOP);
    try {
      await signIn(official, 'grid_worker');
      const after = await kpiOf(official);
      expect(after.reported).toBeGreaterThanOrEqual(kpiBefore.reported + 1);
      expect(after.closed).toBeGreaterThanOrEqual(kpiBefore.closed + 1);
      expect(after.callbacks).toBeGreaterThanOrEqual(kpiBefore.callbacks + 1);
      expect(after.satisfied).toBeGreaterThanOrEqual(kpiBefore.satisfied + 1);
      // on the KPI page the on-time closure moved, with what it is taken over and its source beside it
      await official.goto(`/incidents/kpi?from=${today}&to=${today}`);
      await expect
        .poll(
          async () =>
            Number(
              (await official.getByTestId('kpi-parts-onTimeClosureRate').textContent())?.split(' / ')[0],
            ),
          WAIT,
        )
        .toBeGreaterThanOrEqual(kpiBefore.closedOnTime + 1);
      const definition = await official.getByTestId('kpi-definition-onTimeClosureRate').textContent();
      expect(definition).toContain('仍未办结且已超期');
      expect(definition).toContain('12345');
    } finally {
      await official.context().close();
    }
  },
);
