import { creditCheckCharacter } from '@anju/contracts';
import { expect } from 'vitest';
import {
  DESKTOP,
  PHONE,
  chooseOption,
  dialogReady,
  horizontalOverflow,
  journey,
  openMenu,
  saveDialog,
  signIn,
  useBrowser,
} from './browser.ts';

useBrowser();

const CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** A cooperative's credit code of 昭阳区 with a random organization code: valid, and new in every run. */
function creditCode() {
  let first17 = '93530602';
  while (first17.length < 17) first17 += CHARS[Math.floor(Math.random() * CHARS.length)];
  return first17 + creditCheckCharacter(first17);
}

journey(
  'community staff on a phone registers a workshop: a wrong check character is refused under the field, fixed, saved and found in the list',
  PHONE,
  async (page) => {
    await signIn(page, 'community_staff');
    await openMenu(page);
    await page
      .locator('.ant-menu-submenu-title')
      .filter({ hasText: /^就业帮扶$/ })
      .click();
    await page.getByTestId('menu-enterprises').click();
    await page.waitForURL('**/employment/enterprises');
    await page.getByTestId('enterprise-list').waitFor();
    expect(await horizontalOverflow(page)).toBe(0);

    await page.getByTestId('enterprise-add').click();
    await dialogReady(page);
    const code = creditCode();
    const wrong = code.slice(0, 17) + (code[17] === '0' ? '1' : '0');
    const codeField = page
      .locator('.ant-form-item')
      .filter({ has: page.getByTestId('enterprise-credit-code') });
    await page.getByTestId('enterprise-credit-code').fill(wrong);
    await codeField.locator('.ant-form-item-explain-error', { hasText: '校验码不符' }).waitFor();

    await page.getByTestId('enterprise-credit-code').fill(code);
    await codeField.locator('.ant-form-item-explain-error').waitFor({ state: 'detached' });
    const name = `易安手工编织合作社 ${Date.now().toString(36)}`;
    await page.getByTestId('enterprise-name').fill(name);
    await chooseOption(page, page.getByTestId('enterprise-kind'), '农民专业合作社');
    await chooseOption(page, page.getByTestId('enterprise-workshop'), '居家式');
    expect(await horizontalOverflow(page)).toBe(0);
    await saveDialog(page, { closes: true });

    await page.getByTestId('enterprise-search').locator('input').fill(name);
    await page.getByTestId('enterprise-search').locator('input').press('Enter');
    const card = page.getByTestId('enterprise-card').filter({ hasText: name });
    await card.waitFor();
    expect(await card.innerText()).toContain(code);
    expect(await card.innerText()).toContain('居家式');
    expect(await horizontalOverflow(page)).toBe(0);

    await page.getByTestId('enterprise-search').locator('input').fill('');
    await page.getByTestId('enterprise-search').locator('input').press('Enter');
    await chooseOption(page, page.getByTestId('enterprise-workshop-filter'), '全部帮扶车间');
    await page.getByTestId('enterprise-card').first().waitFor();
    expect(await horizontalOverflow(page)).toBe(0);
  },
);

journey(
  "a county admin on a desktop reads the county's workshops with masked phones and no way to change them",
  DESKTOP,
  async (page) => {
    await signIn(page, 'county_admin');
    await page.goto('/employment/enterprises?workshop=any');
    const rows = page.locator('[data-testid="enterprise-list"] tbody tr.ant-table-row');
    await rows.first().waitFor();
    const text = await rows.first().innerText();
    expect(text).toMatch(/\d{3}\*{4}\d{4}/);
    expect(text).toMatch(/认定标准（\d+( \/ 5)? 人）/);
    expect(await page.getByTestId('enterprise-add').count()).toBe(0);
    expect(await page.getByTestId('enterprise-edit').count()).toBe(0);
    await page.getByText('帮扶车间认定标准：吸纳 5 名以上（含）搬迁或脱贫人口就业。').waitFor();
  },
);
