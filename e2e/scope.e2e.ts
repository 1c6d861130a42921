import { expect } from 'vitest';
import { DESKTOP, PHONE, horizontalOverflow, journey, openMenu, signIn, useBrowser } from './browser.ts';

useBrowser();

journey(
  'a one-community official sees their community at once: one scope control a page, nothing to pick',
  DESKTOP,
  async (page) => {
    await signIn(page, 'party_secretary');
    await expect.poll(() => page.getByTestId('scope-switcher').textContent()).toContain('社区');
    const community = (await page.getByTestId('scope-switcher').textContent())!.trim();

    await page.getByTestId('menu-party').click();
    await page.getByTestId('org-tree').waitFor();
    expect(await page.getByTestId('community-picker').textContent()).toContain(community);
    expect(await page.getByTestId('scope-switcher').count()).toBe(0);

    await page.getByTestId('menu-grids').click();
    await page.getByTestId('grid-list').or(page.getByTestId('grid-map')).first().waitFor();
    expect(await page.getByTestId('scope-switcher').count()).toBe(0);
    expect(await page.getByTestId('community-picker').count()).toBe(1);

    await page.getByTestId('menu-incidents').click();
    await page.getByTestId('scope-switcher').waitFor();
    expect(await page.getByTestId('community-picker').count()).toBe(0);
  },
);

journey(
  'on a phone the scope is a small button opening the tree; the community picked is kept for the next page',
  PHONE,
  async (page) => {
    await signIn(page, 'township_officer');
    const button = page.getByTestId('scope-button');
    await expect.poll(() => button.textContent()).toContain('靖安镇');
    const { width } = (await button.boundingBox())!;
    expect(width).toBeLessThan(PHONE.width / 2);
    expect(await horizontalOverflow(page)).toBe(0);

    await button.click();
    await page.getByTestId('scope-switcher').waitFor();
    const popup = page.locator('.ant-select-tree');
    await popup
      .locator('.ant-select-tree-treenode', { hasText: '靖安镇' })
      .locator('.ant-select-tree-switcher')
      .click();
    await popup.getByText('嘉和社区', { exact: true }).click();
    await expect.poll(() => button.textContent()).toContain('嘉和社区');
    await page.screenshot({ path: 'e2e/artifacts/scope-phone.png' });

    await openMenu(page);
    await page.getByTestId('menu-party').click();
    await page.getByTestId('org-tree').waitFor();
    expect(await page.getByTestId('community-picker').textContent()).toContain('嘉和社区');
    expect(await button.count()).toBe(0);
    expect(await horizontalOverflow(page)).toBe(0);
  },
);
