import path from 'node:path';
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

const WAIT = { timeout: 15_000 };
const title = `楼道灯不亮 ${Date.now().toString(36)}`;
const words = `单元门口有积水 ${Date.now().toString(36)}`;
const PHOTO = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a0e3fd2b0000000049454e44ae426082',
  'hex',
);
let building = '';
let quickId = '';
const shot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(import.meta.dirname, 'artifacts', `${name}.png`), fullPage: true });

journey('a resident on a phone places a report on a building of the community map', PHONE, async (page) => {
  await signIn(page, 'resident');
  await page.goto('/incidents/new');
  // the report starts at home, so saying nothing more still works
  await page.getByTestId('where-home').waitFor();
  await page.getByTestId('where-building').click();
  const buildings = page.locator('[data-testid=where-map] [data-testid^=map-building-]');
  await expect.poll(() => buildings.count(), WAIT).toBeGreaterThan(1);
  const tapped = buildings.nth(1);
  building = (await tapped.getAttribute('aria-label'))!;
  await tapped.click();
  expect(await page.getByTestId('where-chosen').textContent()).toContain(building);
  expect(await horizontalOverflow(page)).toBe(0);
  await shot(page, 'report-where-building-phone');
  await chooseOption(page, page.getByTestId('report-category'), '邻里纠纷');
  await page.getByTestId('report-title').fill(title);
  const sent = page.waitForResponse(
    (r) => r.url().endsWith('/api/incidents') && r.request().method() === 'POST',
  );
  await page.getByTestId('report-submit').click();
  const body = await (await sent).json();
  expect(body).toMatchObject({ locationKind: 'building', place: { label: building } });
  await page.getByTestId('my-report').filter({ hasText: title }).waitFor();
});

journey('the grid worker sees the building on the map of the report', DESKTOP, async (page) => {
  await signIn(page, 'grid_worker');
  await page.goto(`/incidents?q=${encodeURIComponent(title)}`);
  await page.getByTestId('incident-row').filter({ hasText: title }).locator('a').first().click();
  await page.waitForURL('**/incidents/*');
  await expect.poll(() => page.getByTestId('incident-where').textContent(), WAIT).toContain(building);
  const chosen = page.locator(`[data-testid=incident-map] [aria-label="${building}"] rect`);
  expect(await chosen.getAttribute('fill')).toBe('#fa541c');
  await shot(page, 'report-where-official-desktop');
});

journey('a resident sends a quick report: one photo and the place, nothing else', PHONE, async (page) => {
  await signIn(page, 'resident');
  await page.goto('/incidents/new');
  await page.getByTestId('report-mode-quick').click();
  await page.getByTestId('quick-submit').click();
  // without a photo or a voice message there is nothing to send
  await page.locator('.ant-form-item-explain-error').first().waitFor();
  await page
    .locator('input[type=file]')
    .setInputFiles({ name: 'water.png', mimeType: 'image/png', buffer: PHOTO });
  await page.locator('.ant-upload-list-item').first().waitFor();
  await page.getByTestId('where-area').click();
  await chooseOption(page, page.getByTestId('where-area-select'), '第一网格公共区域');
  await page.getByTestId('quick-description').fill(words);
  expect(await horizontalOverflow(page)).toBe(0);
  await shot(page, 'report-quick-phone');
  const photo = page.waitForResponse((r) => /\/api\/incidents\/\d+\/photos$/.test(r.url()));
  const sent = page.waitForResponse(
    (r) => r.url().endsWith('/api/incidents') && r.request().method() === 'POST',
  );
  await page.getByTestId('quick-submit').click();
  const quick = await (await sent).json();
  expect(quick).toMatchObject({ categoryCode: 'other', title: '', locationKind: 'area' });
  quickId = quick.id;
  expect((await photo).status()).toBe(201);
  await page.getByTestId('my-report').filter({ hasText: '随手拍' }).first().waitFor();
});

journey(
  'the grid worker accepts the quick report and files it under its real category',
  DESKTOP,
  async (page) => {
    await signIn(page, 'grid_worker');
    await page.goto(`/incidents/${quickId}`);
    await expect.poll(() => page.getByTestId('incident-category').textContent(), WAIT).toBe('其他诉求');
    await page.getByTestId('act-accept').click();
    await saveDialog(page, { closes: true });
    await page.getByTestId('act-classify').click();
    await dialogReady(page);
    await chooseOption(page, page.getByTestId('act-category'), '环境卫生');
    await saveDialog(page, { closes: true });
    await expect.poll(() => page.getByTestId('incident-category').textContent(), WAIT).toBe('环境卫生');
    const step = page.locator('[data-testid=incident-step][data-action=classify]');
    expect(await step.textContent()).toContain('其他诉求 → 环境卫生');
    expect(await page.getByTestId('incident-status').textContent()).toBe('已受理');
    await shot(page, 'incident-classified-desktop');
  },
);

journey(
  'the grid worker’s map page shows their grids, buildings and names, on a phone',
  PHONE,
  async (page) => {
    await signIn(page, 'grid_worker');
    const community = await page.evaluate(async () => {
      const me = await (await fetch('/api/auth/me')).json();
      const map = await (await fetch(`/api/site-map?place=${me.scopes[0].id}`)).json();
      return map.community.id as string;
    });
    const failures: string[] = [];
    page.on('response', (r) => r.status() === 404 && failures.push(r.url()));
    await page.goto(`/grids/${community}`);
    const map = page.getByTestId('grid-site-map');
    await map.waitFor();
    await expect.poll(() => map.locator('[data-testid^=map-building-]').count(), WAIT).toBeGreaterThan(1);
    expect(await map.locator('[data-testid^=map-grid-] text').first().textContent()).toMatch(/网格$/);
    expect(failures.join(' ')).toBe('');
    expect(await horizontalOverflow(page)).toBe(0);
    await shot(page, 'grid-site-map-phone');
    await page.setViewportSize(DESKTOP);
    await map.waitFor();
    await shot(page, 'grid-site-map-desktop');
  },
);
