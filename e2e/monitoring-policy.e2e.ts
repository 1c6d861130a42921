import { expect } from 'vitest';
import { PHONE, horizontalOverflow, journey, signIn, useBrowser } from './browser.ts';

useBrowser();

const card = 'dict-monitoring_category';

journey(
  'county_admin on a phone adds a monitored category, is told a used code on its field, relabels and retires it; a township officer reads it',
  PHONE,
  async (page) => {
    const code = `journey_${Array.from({ length: 6 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join('')}`;
    await signIn(page, 'county_admin');
    await page.goto('/monitoring/policy');
    const table = page.getByTestId(`${card}-table`);
    await expect
      .poll(() => table.locator('tbody tr.ant-table-row').count(), { timeout: 15_000 })
      .toBeGreaterThan(1);

    await page.getByTestId(`${card}-code`).fill(code);
    await page.getByTestId(`${card}-labelZh`).fill('旅程测试类别');
    await page.getByTestId(`${card}-labelEn`).fill('Journey category');
    await page.getByTestId(`${card}-add`).click();
    await expect.poll(() => table.textContent(), { timeout: 15_000 }).toContain('旅程测试类别');

    await page.getByTestId(`${card}-code`).fill(code);
    await page.getByTestId(`${card}-labelZh`).fill('重复');
    await page.getByTestId(`${card}-labelEn`).fill('Twice');
    await page.getByTestId(`${card}-add`).click();
    const codeError = page
      .getByTestId(`${card}-card`)
      .locator('.ant-form-item', { has: page.getByTestId(`${card}-code`) })
      .locator('.ant-form-item-explain-error');
    await expect.poll(() => codeError.textContent(), { timeout: 15_000 }).toContain('该代码已存在');

    await page.getByTestId(`${card}-edit-${code}`).click();
    await page.getByTestId(`${card}-edit-labelZh`).fill('旅程测试类别（改）');
    await page.getByTestId(`${card}-save-${code}`).click();
    await expect.poll(() => table.textContent(), { timeout: 15_000 }).toContain('旅程测试类别（改）');
    await page.getByTestId(`${card}-active-${code}`).click();
    await expect
      .poll(() => page.getByTestId(`${card}-active-${code}`).getAttribute('aria-checked'), {
        timeout: 15_000,
      })
      .toBe('false');
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);

    await page.context().clearCookies();
    await signIn(page, 'township_officer');
    await page.goto('/monitoring/policy');
    const row = table.locator('tr', { hasText: '旅程测试类别（改）' });
    await expect.poll(() => row.textContent(), { timeout: 15_000 }).toContain('已停用');
    expect(await page.getByTestId(`${card}-add`).count()).toBe(0);
    expect(await page.getByTestId(`${card}-edit-${code}`).count()).toBe(0);
  },
);
