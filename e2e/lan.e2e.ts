import { expect } from 'vitest';
import { PHONE, journey, lanUrl, signIn, useBrowser } from './browser.ts';

useBrowser();

// Not on localhost, which browsers treat as secure anyway: a county intranet serves plain HTTP on
// its LAN address, where a request to upgrade to HTTPS would leave a blank page.
const lan = () => {
  const url = lanUrl();
  if (!url) throw new Error('this machine has no non-loopback IPv4 address to open Anju through');
  return url;
};

journey(
  'over plain HTTP on the LAN address the login page loads and a resident reaches home',
  PHONE,
  async (page) => {
    const failed: string[] = [];
    page.on('requestfailed', (r) => failed.push(`${r.url()} ${r.failure()?.errorText}`));
    await page.goto('/login');
    expect(new URL(page.url()).protocol).toBe('http:');
    await signIn(page, 'resident');
    await page.getByTestId('welcome').waitFor();
    expect(page.url()).toBe(`${lan()}/`);
    expect(failed).toEqual([]);
  },
  lan,
);
