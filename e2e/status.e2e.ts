import { expect } from 'vitest';
import { DESKTOP, PHONE, horizontalOverflow, journey, signIn, useBrowser } from './browser.ts';

useBrowser();

journey('a wrong password shows a translated error', PHONE, async (page) => {
  await page.goto('/login');
  expect(await horizontalOverflow(page)).toBe(0);
  await page.getByTestId('login-username').fill('resident');
  await page.getByTestId('login-password').fill('not-the-password');
  await page.getByTestId('login-submit').click();
  await expect.poll(() => page.getByTestId('login-error').textContent()).toContain('用户名或密码错误');
});

journey('signed out, a page sends you to the login page', DESKTOP, async (page) => {
  await page.goto('/places');
  await page.waitForURL('**/login');
});

journey('grid_worker opening /admin/users sees the 403 page', PHONE, async (page) => {
  await signIn(page, 'grid_worker');
  await page.goto('/admin/users');
  await page.getByTestId('page-403').waitFor();
});

journey('an unknown record and an unknown page show the 404 page', DESKTOP, async (page) => {
  await signIn(page, 'county_admin');
  await page.goto('/places/999999999');
  await page.getByTestId('page-404').waitFor();
  await page.goto('/no/such/page');
  await page.getByTestId('page-404').waitFor();
});

journey('a place outside the scope reads as missing', PHONE, async (page) => {
  await signIn(page, 'resident');
  await page.goto('/places');
  await page.getByTestId('page-403').waitFor();
  await signIn(page, 'grid_worker');
  await page.goto('/places/1');
  await page.getByTestId('page-404').waitFor();
});

journey('when the session is gone, the next request leads to the login page', DESKTOP, async (page) => {
  await signIn(page, 'county_admin');
  await page.context().clearCookies();
  await page.getByTestId('menu-places').click();
  await page.waitForURL('**/login');
});
