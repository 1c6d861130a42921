import path from 'node:path';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import {
  DESKTOP,
  PASSWORD,
  PHONE,
  baseUrl,
  horizontalOverflow,
  journey,
  signIn,
  useBrowser,
} from './browser.ts';

useBrowser();

const WAIT = { timeout: 15_000 };
const title = `单元门禁坏了 ${Date.now().toString(36)}`;
const ARTIFACTS = path.join(import.meta.dirname, 'artifacts');

/** An official acting through the API, as their own app would. */
async function official(username: string) {
  const login = await fetch(`${baseUrl()}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: PASSWORD }),
  });
  expect(login.status).toBe(200);
  const cookie = login.headers.getSetCookie()[0].split(';')[0];
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  return async (id: string, body: Record<string, unknown>) => {
    const read = await fetch(`${baseUrl()}/api/incidents/${id}`, { headers: { cookie } });
    const { version } = (await read.json()) as { version: number };
    const res = await fetch(`${baseUrl()}/api/incidents/${id}/actions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
      body: JSON.stringify({ version, ...body }),
    });
    expect(res.status, await res.clone().text()).toBe(200);
  };
}

/** The unread count on the header bell; 0 when the badge is hidden. */
async function unread(page: Page) {
  const count = page
    .getByTestId('notification-bell')
    .locator('sup.ant-badge-count:not(.ant-badge-zoom-leave)');
  return (await count.count()) ? Number(await count.getAttribute('title')) : 0;
}

const STEPS = [
  `您反映的“${title}”已受理，我们会尽快安排人处理。`,
  `您反映的“${title}”已有专人负责，正在处理。`,
  `您反映的“${title}”已处理，我们正在核实处理结果。`,
  `您反映的“${title}”已办结，谢谢您。请点开告诉我们您是否满意。`,
];

journey(
  'a resident on a phone is told in plain words as their report is accepted, handled and closed',
  PHONE,
  async (page) => {
    await signIn(page, 'resident');
    const streaming = page.waitForResponse((r) => r.url().endsWith('/api/notifications/stream') && r.ok());
    await page.goto('/incidents/new');
    await streaming;
    await page.getByTestId('report-category').click();
    await page.locator('.ant-select-item-option').filter({ hasText: '邻里纠纷' }).click();
    await page.getByTestId('report-title').fill(title);
    const filed = page.waitForResponse(
      (r) => r.url().endsWith('/api/incidents') && r.request().method() === 'POST',
    );
    await page.getByTestId('report-submit').click();
    const { id } = (await (await filed).json()) as { id: string };
    await page.getByTestId('my-report').filter({ hasText: title }).waitFor();
    const before = await unread(page);

    const grid = await official('grid_worker');
    const staff = await official('community_staff');
    const steps: [typeof grid, Record<string, unknown>, string | undefined][] = [
      [grid, { action: 'accept' }, STEPS[0]],
      [grid, { action: 'handle' }, STEPS[1]],
      [grid, { action: 'reply', note: '已更换门禁电池' }, STEPS[2]],
      [staff, { action: 'verify' }, undefined],
      [staff, { action: 'callback', satisfaction: 'satisfied' }, STEPS[3]],
    ];
    let told = 0;
    for (const [by, body, text] of steps) {
      await by(id, body);
      if (!text) continue;
      told += 1;
      // each step arrives live: a toast and a count one higher
      await page.getByTestId('notification-toast').filter({ hasText: text }).first().waitFor();
      await expect.poll(() => unread(page), WAIT).toBe(before + told);
    }

    // the toasts cover the header of a phone until they close; a pointer resting on them keeps them open
    await page.mouse.move(PHONE.width / 2, PHONE.height - 10);
    await expect.poll(() => page.getByTestId('notification-toast').count(), { timeout: 30_000 }).toBe(0);
    await page.getByTestId('notification-bell').click();
    const items = page.getByTestId('notification-item').filter({ hasText: title });
    await expect.poll(() => items.count(), WAIT).toBe(4);
    const texts = await items.allTextContents();
    STEPS.toReversed().forEach((step, n) => expect(texts[n]).toContain(step));
    expect(await horizontalOverflow(page)).toBe(0);
    await page.screenshot({ path: path.join(ARTIFACTS, 'resident-told-bell-phone.png') });

    // the last one opens the report, where the resident can say how satisfied they are
    await items.filter({ hasText: '已办结' }).click();
    await page.waitForURL(`**/incidents/${id}`);
    await expect.poll(() => unread(page), WAIT).toBe(before + 3);
  },
);

journey('the resident reaches their message settings from the bell, on a phone', PHONE, async (page) => {
  await signIn(page, 'resident');
  await page.getByTestId('notification-bell').click();
  await page.getByTestId('notification-settings-link').click();
  await page.waitForURL('**/notifications/settings');
  const form = page.getByTestId('notification-settings');
  await form.waitFor();
  // this server has no gateway: the bell is all there is, and the page says so
  await form.getByText('本系统还没有接通短信或微信').waitFor();
  expect(await page.getByTestId('settings-webhook').isDisabled()).toBe(true);
  await form.getByText('English').click();
  const saved = page.waitForResponse((r) => r.url().endsWith('/api/notifications/preferences') && r.ok());
  await page.getByTestId('settings-save').click();
  await saved;
  await page.getByText('已保存').waitFor();
  expect(await horizontalOverflow(page)).toBe(0);
  await page.screenshot({ path: path.join(ARTIFACTS, 'notification-settings-phone.png') });
});

journey('message settings on a desktop, from the menu and from the profile', DESKTOP, async (page) => {
  await signIn(page, 'grid_worker');
  await page.getByTestId('menu-notificationSettings').click();
  await page.getByTestId('notification-settings').waitFor();
  await page.goto('/');
  await page.getByTestId('user-menu').click();
  await page.getByTestId('profile-notification-settings').click();
  await page.getByTestId('notification-settings').waitFor();
  await page.screenshot({ path: path.join(ARTIFACTS, 'notification-settings-desktop.png') });
});
