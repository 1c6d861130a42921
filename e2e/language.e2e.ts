import { expect } from 'vitest';
import { DESKTOP, journey, signIn, useBrowser } from './browser.ts';

useBrowser();

journey('switching to English and back persists across reloads', DESKTOP, async (page) => {
  await signIn(page, 'community_staff');
  const home = page.getByTestId('menu-home');
  expect(await home.textContent()).toContain('工作台');

  await page.getByTestId('lang-switch').click();
  await expect.poll(() => home.textContent()).toContain('Home');
  await page.reload();
  await expect.poll(() => page.getByTestId('menu-home').textContent()).toContain('Home');
  expect(await page.getAttribute('html', 'lang')).toBe('en-US');
  expect(await page.getByTestId('welcome').textContent()).toContain('Community staff');

  await page.getByTestId('lang-switch').click();
  await expect.poll(() => page.getByTestId('menu-home').textContent()).toContain('工作台');
  await page.reload();
  await expect.poll(() => page.getByTestId('menu-home').textContent()).toContain('工作台');
  expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
});
