import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { DESKTOP, PHONE, horizontalOverflow, journey, saveDialog, signIn, useBrowser } from './browser.ts';

useBrowser();

const placeName = (page: Page) => page.getByTestId('place-name').textContent();

/** Opens the first place of this level label in the children table. */
async function openChild(page: Page, levelLabel: string) {
  const row = page
    .getByTestId('place-children')
    .locator('tbody tr', { has: page.getByRole('cell', { name: levelLabel, exact: true }) })
    .first();
  const name = (await row.locator('a').first().textContent())!;
  await row.locator('a').first().click();
  await expect.poll(() => placeName(page)).toBe(name);
  return name;
}

journey(
  'county_admin browses 靖安镇, a community and a grid, and searches by pinyin initials',
  DESKTOP,
  async (page) => {
    await signIn(page, 'county_admin');
    await page.getByTestId('menu-places').click();
    await expect.poll(() => placeName(page)).toBe('昭阳区');

    const tree = page.getByTestId('place-tree');
    await tree.locator('.ant-tree-treenode', { hasText: '昭阳区' }).locator('.ant-tree-switcher').click();
    await tree.getByText('靖安镇', { exact: true }).click();
    await expect.poll(() => placeName(page)).toBe('靖安镇');

    const community = await openChild(page, '安置社区');
    await openChild(page, '网格');
    const path = await page.getByTestId('place-path').textContent();
    expect(path).toContain('靖安镇');
    expect(path).toContain(community);

    await page.getByTestId('place-search').click();
    await page.keyboard.type('jaz');
    await page.locator('.ant-select-item-option', { hasText: '靖安镇' }).first().click();
    await expect.poll(() => placeName(page)).toBe('靖安镇');
  },
);

journey(
  'community_staff adds a grid under the community and renames it twice, on a phone',
  PHONE,
  async (page) => {
    await signIn(page, 'community_staff');
    await page.goto('/places');
    await page.getByTestId('place-add').waitFor();
    expect(await horizontalOverflow(page)).toBe(0);
    const name = `测试网格${Date.now() % 100000}`;

    await page.getByTestId('place-add').click();
    await page.getByTestId('place-form-name').fill(name);
    await saveDialog(page);
    await page.getByTestId('place-children').getByRole('link', { name }).click();
    await expect.poll(() => placeName(page)).toBe(name);

    // Each rename carries the version the previous one left, so a second one needs no reload.
    for (const renamed of [`${name}（改）`, `${name}（再改）`]) {
      await page.getByTestId('place-rename').click();
      await page.getByTestId('place-form-name').fill(renamed);
      await saveDialog(page);
      await expect.poll(() => placeName(page)).toBe(renamed);
    }
    expect(await page.getByTestId('place-form-error').count()).toBe(0);
  },
);

journey('home and places have no horizontal scroll on a phone', PHONE, async (page) => {
  await signIn(page, 'grid_worker');
  await page.getByTestId('scope-summary').waitFor();
  expect(await horizontalOverflow(page)).toBe(0);
  await page.goto('/places');
  await page.getByTestId('place-children').waitFor();
  expect(await horizontalOverflow(page)).toBe(0);
});

journey(
  'the chosen scope is kept across reloads and opens the place browser there',
  DESKTOP,
  async (page) => {
    await signIn(page, 'township_officer');
    await page.getByTestId('scope-switcher').click();
    const popup = page.locator('.ant-select-tree');
    await popup
      .locator('.ant-select-tree-treenode', { hasText: '靖安镇' })
      .locator('.ant-select-tree-switcher')
      .click();
    await popup.getByText('嘉和社区', { exact: true }).click();
    await page.reload();
    await expect.poll(() => page.getByTestId('scope-switcher').textContent()).toContain('嘉和社区');
    await page.getByTestId('menu-places').click();
    await expect.poll(() => placeName(page)).toBe('嘉和社区');
  },
);
