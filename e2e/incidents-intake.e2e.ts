import { expect } from 'vitest';
import { DESKTOP, journey, signIn, useBrowser } from './browser.ts';

useBrowser();

journey(
  'community staff take a 12345 hotline call as an incident, naming the caller',
  DESKTOP,
  async (page) => {
    await signIn(page, 'community_staff');
    await page.goto('/incidents/new');
    await page.getByTestId('report-caller').fill('王女士');
    await page.getByTestId('report-category').click();
    await page.locator('.ant-select-item-option', { hasText: '环境卫生' }).click();
    await page.getByTestId('report-title').fill('3 栋楼道垃圾三天没人清运');
    await page.getByTestId('report-submit').click();
    await expect
      .poll(
        () =>
          page.evaluate(async () => {
            const res = await fetch('/api/incidents?pageSize=5&q=' + encodeURIComponent('3 栋楼道垃圾'));
            return ((await res.json()) as { items: { source: string }[] }).items.map((i) => i.source);
          }),
        { timeout: 15_000 },
      )
      .toContain('hotline_12345');
  },
);
