import { expect } from 'vitest';
import {
  DESKTOP,
  PHONE,
  chooseOption,
  horizontalOverflow,
  journey,
  openMenu,
  signIn,
  useBrowser,
} from './browser.ts';

useBrowser();

const LABOURS = ['有劳动力', '弱劳动力', '无劳动力'];

journey(
  'grid_worker on a phone finds a person by building-room and edits labour capacity',
  PHONE,
  async (page) => {
    await signIn(page, 'grid_worker');
    await openMenu(page);
    await page.getByTestId('menu-persons').click();
    await page.getByTestId('person-q').fill('1-101');
    await page.getByTestId('person-search').click();
    const card = page.getByTestId('person-card').first();
    await card.waitFor();
    expect(await card.textContent()).toContain('101');
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await card.click();
    await page.getByTestId('person-title').waitFor();
    const before = (await page.getByTestId('person-labour').textContent())!;
    const after = LABOURS.find((l) => l !== before)!;
    await page.getByTestId('person-edit').click();
    await page.locator('.ant-modal:not(.ant-zoom)').waitFor();
    await chooseOption(page, page.getByTestId('edit-labour'), after);
    await page.locator('.ant-modal-footer .ant-btn-primary').click();
    await expect.poll(() => page.getByTestId('person-labour').textContent(), { timeout: 15_000 }).toBe(after);
    const entry = page.getByTestId('history-entry').first();
    await expect
      .poll(() => entry.textContent(), { timeout: 15_000 })
      .toContain(`劳动能力: ${before} → ${after}`);
    expect(await entry.textContent()).toContain('网格员 杨丽');
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
  },
);

journey(
  'township_officer sees the people whose hukou is in the township, read-only',
  DESKTOP,
  async (page) => {
    await signIn(page, 'township_officer');
    await page.getByTestId('menu-persons').click();
    await page.getByTestId('person-side').click();
    await page.locator('.ant-select-item-option', { hasText: '户籍在此' }).click();
    await page.getByTestId('person-search').click();
    await page.waitForURL('**side=hukou**');
    const table = page.getByTestId('person-table');
    const first = table.locator('tbody tr.ant-table-row').first();
    await first.waitFor();
    // Everyone listed has their hukou here: registered in the township, whether or not they live here.
    await expect
      .poll(
        async () => {
          const badges = await table.getByTestId('side-badge').allTextContents();
          return badges.length > 0 && badges.every((b) => b === '户籍在此' || b === '居住且户籍在此');
        },
        { timeout: 15_000 },
      )
      .toBe(true);
    await first.getByRole('link').first().click();
    await page.getByTestId('person-title').waitFor();
    expect(await page.getByTestId('person-facts').getByTestId('side-badge').textContent()).toMatch(
      /户籍在此/,
    );
    expect(await page.getByTestId('person-edit').count()).toBe(0);
    expect(await page.getByTestId('reveal-idNumber').count()).toBe(1);
    await page.getByTestId('person-household').click();
    await page.getByTestId('member-table').waitFor();
    expect(await page.getByTestId('household-events').count()).toBe(0);
  },
);

journey(
  'community_staff finds a person by the whole phone number, which stays out of the address',
  DESKTOP,
  async (page) => {
    await signIn(page, 'community_staff');
    await page.getByTestId('menu-persons').click();
    const rows = page.getByTestId('person-table').locator('tbody tr.ant-table-row');
    await rows.first().waitFor();
    const withPhone = rows.filter({ hasText: /1\d{2}\*{4}\d{4}/ }).first();
    const name = (await withPhone.getByRole('link').first().textContent())!;
    await withPhone.getByRole('link').first().click();
    await page.getByTestId('reveal-phone').click();
    await expect.poll(() => page.getByTestId('person-phone').textContent()).toMatch(/^1\d{10}$/);
    const phone = (await page.getByTestId('person-phone').textContent())!;
    await page.getByTestId('menu-persons').click();
    await rows.first().waitFor();
    await page.getByTestId('person-phone').fill(phone);
    await page.getByTestId('person-search').click();
    await page.getByTestId('person-find-note').waitFor();
    await expect.poll(() => rows.allTextContents()).toEqual([expect.stringContaining(name)]);
    expect(page.url()).not.toContain(phone);
    await page.getByTestId('person-find-clear').click();
    await expect.poll(() => rows.count()).toBeGreaterThan(1);
  },
);
