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

const stamp = Date.now().toString(36);
const WAIT = { timeout: 10_000 };

/** Creates an account of its own through the API as system_admin, so locking it harms no other journey. */
async function createUser(username: string) {
  const login = await fetch(`${baseUrl()}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'system_admin', password: PASSWORD }),
  });
  expect(login.status).toBe(200);
  const cookie = login.headers.getSetCookie()[0].split(';')[0];
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const created = await fetch(`${baseUrl()}/api/users`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
    body: JSON.stringify({ username, displayName: '锁定测试', password: 'Start#2026lock' }),
  });
  expect(created.status).toBe(201);
}

/** Five wrong passwords through the API; the last one locks the account. */
async function lockThroughApi(username: string) {
  for (let i = 1; i <= 5; i++) {
    const res = await fetch(`${baseUrl()}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: `Wrong#${i}x` }),
    });
    expect(res.status).toBe(i < 5 ? 401 : 423);
  }
}

/** The unread count on the header bell; 0 when the badge is hidden. */
async function unread(page: Page) {
  const count = page
    .getByTestId('notification-bell')
    .locator('sup.ant-badge-count:not(.ant-badge-zoom-leave)');
  return (await count.count()) ? Number(await count.getAttribute('title')) : 0;
}

/** Signs in as security_admin and waits until the unread count is loaded and the stream is open. */
async function signInAsSecurityAdmin(page: Page) {
  const listed = page.waitForResponse((r) => r.url().includes('/api/notifications?') && r.ok());
  const streaming = page.waitForResponse((r) => r.url().endsWith('/api/notifications/stream') && r.ok());
  await signIn(page, 'security_admin');
  await Promise.all([listed, streaming]);
}

journey(
  'security_admin sees an account lock arrive live, and opening it marks it read',
  DESKTOP,
  async (page) => {
    const victim = `lock_${stamp}`;
    await createUser(victim);
    await signInAsSecurityAdmin(page);
    const before = await unread(page);

    // Someone else, in a browser of their own, guesses the password five times.
    const other = await page.context().browser()!.newContext({ baseURL: baseUrl(), locale: 'zh-CN' });
    try {
      const guesser = await other.newPage();
      await guesser.goto('/login');
      for (let i = 1; i <= 5; i++) {
        await guesser.getByTestId('login-username').fill(victim);
        await guesser.getByTestId('login-password').fill(`Wrong#${i}x`);
        const answered = guesser.waitForResponse((r) => r.url().endsWith('/api/auth/login'));
        await guesser.getByTestId('login-submit').click();
        await answered;
      }
      await expect
        .poll(() => guesser.getByTestId('login-error').textContent(), WAIT)
        .toContain('账号已被锁定');
    } finally {
      await other.close();
    }

    const text = `账号 ${victim} 连续5次登录失败已被锁定（来源 127.0.0.1）`;
    const toast = page.getByTestId('notification-toast').filter({ hasText: text });
    await toast.waitFor();
    await expect.poll(() => unread(page), WAIT).toBe(before + 1);
    expect(page.url()).toBe(`${baseUrl()}/`);

    await toast.click();
    await page.waitForURL(`**/admin/users?q=${victim}`);
    const row = page.getByTestId('user-table').locator('tbody tr', { hasText: victim });
    await row.getByText('已锁定').waitFor();
    await expect.poll(() => unread(page), WAIT).toBe(before);

    await page.getByTestId('notification-bell').click();
    const item = page.getByTestId('notification-item').filter({ hasText: text });
    await item.waitFor();
    expect(await item.getAttribute('data-unread')).toBeNull();
  },
);

journey('on a phone, the bell opens a drawer where all can be marked read', PHONE, async (page) => {
  const victim = `lock2_${stamp}`;
  await createUser(victim);
  await signInAsSecurityAdmin(page);
  await lockThroughApi(victim);
  await page.getByTestId('notification-toast').filter({ hasText: victim }).waitFor();
  await expect.poll(() => unread(page), WAIT).toBeGreaterThan(0);
  expect(await horizontalOverflow(page)).toBe(0);

  await page.getByTestId('notification-bell').click();
  // the lock, not the note that the new account needs roles
  const item = page.getByTestId('notification-item').filter({ hasText: `账号 ${victim} 连续5次` });
  expect(await item.getAttribute('data-unread')).toBe('true');
  expect(await horizontalOverflow(page)).toBe(0);
  await page.getByTestId('notification-read-all').click();
  await expect.poll(() => item.getAttribute('data-unread'), WAIT).toBeNull();
  await expect.poll(() => unread(page), WAIT).toBe(0);

  await item.click();
  await page.waitForURL(`**/admin/users?q=${victim}`);
  await page.getByTestId('notification-list').waitFor({ state: 'hidden' });
});
