import { expect } from 'vitest';
import { horizontalOverflow, journey, openMenu, signIn, useBrowser } from './browser.ts';

useBrowser();

/** The narrowest phone grid workers carry. */
const NARROW = { width: 375, height: 812 };

journey(
  'grid_worker on a 375 px phone: household cards, household and person detail without sideways scrolling',
  NARROW,
  async (page) => {
    await signIn(page, 'grid_worker');
    await openMenu(page);
    await page.getByTestId('menu-households').click();
    const card = page.getByTestId('household-card').first();
    await card.waitFor();
    expect(await page.getByTestId('household-table').count()).toBe(0);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);

    const head = (await card.locator('strong').textContent())!;
    await card.click();
    await expect.poll(() => page.getByTestId('household-title').textContent()).toBe(`${head}户`);
    await page.getByTestId('member-table').waitFor();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    const history = page.getByRole('tab', { name: '变更记录' });
    await history.click();
    await expect.poll(() => history.getAttribute('aria-selected')).toBe('true');
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);

    await page.getByRole('tab').first().click();
    await page.getByTestId('member-table').getByRole('link', { name: head }).click();
    await expect.poll(() => page.getByTestId('person-title').textContent()).toBe(head);
    await page.getByTestId('person-facts').waitFor();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
  },
);
