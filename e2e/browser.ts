import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';

export const PASSWORD = 'Anju@2026';
export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1366, height: 800 };
const ARTIFACTS = path.join(import.meta.dirname, 'artifacts');

let browser: Browser;

/** Launches Debian's Chromium once per journey file. */
export function useBrowser() {
  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
  });
  afterAll(() => browser?.close());
}

export const baseUrl = () => inject('baseUrl');
/** The journeys' server through the machine's LAN address (undefined on a machine with none). */
export const lanUrl = () => inject('lanUrl');

/**
 * A journey in a fresh browser context (on `origin`, by default the loopback one); on failure a
 * screenshot goes to e2e/artifacts/.
 */
export function journey(
  name: string,
  viewport: { width: number; height: number },
  body: (page: Page) => Promise<void>,
  origin = baseUrl,
) {
  test(name, async () => {
    const context = await browser.newContext({ viewport, baseURL: origin(), locale: 'zh-CN' });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    try {
      await body(page);
    } catch (error) {
      fs.mkdirSync(ARTIFACTS, { recursive: true });
      await page
        .screenshot({ path: path.join(ARTIFACTS, `${name.replace(/[^\w-]+/g, '_')}.png`), fullPage: true })
        .catch(() => {});
      throw error;
    } finally {
      await context.close();
    }
  });
}

/** Signs in through the login page and waits for the signed-in layout. */
export async function signIn(page: Page, username: string, password = PASSWORD) {
  await page.goto('/login');
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('menu-home').or(page.getByTestId('menu-toggle')).first().waitFor();
}

/** Opens the side menu when it lives in a drawer (phones). */
export async function openMenu(page: Page) {
  const toggle = page.getByTestId('menu-toggle');
  if (await toggle.isVisible()) await toggle.click();
  await page.getByTestId('menu-home').waitFor();
}

/** Width of the page's content beyond the viewport: 0 when nothing scrolls sideways. */
export const horizontalOverflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

/** Waits until the open dialog has stopped zooming in, so clicks land where they are aimed. */
export const dialogReady = (page: Page) => page.locator('.ant-modal:not(.ant-zoom)').waitFor();

/**
 * Clicks the open dialog's primary button once the dialog has stopped zooming in: a click aimed
 * while it still grows can land beside the moving button and be lost.
 */
export async function saveDialog(page: Page, { closes = false } = {}) {
  await dialogReady(page);
  await page.locator('.ant-modal-footer .ant-btn-primary').click();
  // Leaving the page before the save has answered would cancel it.
  if (closes)
    await expect.poll(() => page.locator('.ant-modal-wrap:visible').count(), { timeout: 15_000 }).toBe(0);
}

/**
 * Picks the option `label` of an antd Select (single or multiple) and waits until the Select shows it; a click that landed
 * while the list was still sliding open is lost, so the pick is tried again until it shows. With `partial`, the
 * option is the first whose label contains `label`.
 */
export async function chooseOption(
  page: Page,
  select: Locator,
  label: string,
  { partial = false }: { partial?: boolean } = {},
) {
  // the test id may sit on the Select's root or on an element inside it; the chosen label shows in the root
  const root = select.locator(
    'xpath=ancestor-or-self::*[contains(concat(" ", @class, " "), " ant-select ")][1]',
  );
  // a single Select shows its label; a multiple one shows one tag a line
  const shown = () =>
    root
      .innerText({ timeout: 1000 })
      .then((text) =>
        text.split('\n').some((line) => (partial ? line.includes(label) : line.trim() === label))
          ? label
          : text.trim(),
      )
      .catch(() => null);
  await expect
    .poll(
      async () => {
        if ((await shown()) === label) return label;
        if ((await page.locator('.ant-select-dropdown:visible').count()) === 0) await select.click();
        await page
          .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: label })
          .first()
          .click({ timeout: 5000 })
          .catch(() => undefined);
        return shown();
      },
      { timeout: 30_000, interval: 500 },
    )
    .toBe(label);
}

/** Picks an action of the audit log's filter by its code (the list offers names, searched by name or code). */
export async function chooseAuditAction(page: Page, code: string) {
  await page.getByTestId('audit-action').click();
  await page.keyboard.type(code);
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option-active').waitFor();
  await page.keyboard.press('Enter');
}
