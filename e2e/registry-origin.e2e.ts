import { expect } from 'vitest';
import { DESKTOP, journey, signIn, useBrowser } from './browser.ts';

useBrowser();

journey(
  'origin_officer of the origin county sees its people in the resettlement community, from the hukou side only',
  DESKTOP,
  async (page) => {
    await signIn(page, 'origin_officer');
    await page.getByTestId('menu-persons').click();
    const table = page.getByTestId('person-table');
    await table.locator('tbody tr.ant-table-row').first().waitFor();
    await expect
      .poll(async () => new Set(await table.getByTestId('side-badge').allTextContents()), { timeout: 15_000 })
      .toEqual(new Set(['户籍在此']));
    await table.locator('tbody tr.ant-table-row').first().getByRole('link').first().click();
    await page.getByTestId('person-title').waitFor();
    expect(await page.getByTestId('person-facts').getByTestId('side-badge').textContent()).toBe('户籍在此');
    // the record is kept by the residence side
    expect(await page.getByTestId('person-edit').count()).toBe(0);
  },
);
