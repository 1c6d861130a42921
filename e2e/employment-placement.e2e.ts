import { expect } from 'vitest';
import { DESKTOP, PHONE, horizontalOverflow, journey, signIn, useBrowser } from './browser.ts';

useBrowser();

interface CaseMeasures {
  measures: { type: string; placement: { employerName: string; personName: string } | null }[];
}

journey(
  "a county admin sees on a case's employment measure the job a member was hired into, on a desktop and a phone",
  DESKTOP,
  async (page) => {
    await signIn(page, 'county_admin');
    const get = async <T>(url: string) => (await (await page.request.get(url)).json()) as T;
    const { items } = await get<{ items: { id: string }[] }>(
      '/api/monitoring/cases?step=assisted&pageSize=100',
    );
    let found: { id: string; employerName: string } | null = null;
    for (const c of items) {
      const detail = await get<CaseMeasures>(`/api/monitoring/cases/${c.id}`);
      const placed = detail.measures.find((m) => m.placement !== null);
      if (placed) {
        found = { id: c.id, employerName: placed.placement!.employerName };
        break;
      }
    }
    expect(found).not.toBeNull();
    await page.goto(`/monitoring/cases/${found!.id}`);
    const cell = page.getByTestId('measure-placement').first();
    await cell.waitFor();
    expect(await cell.innerText()).toContain(found!.employerName);
    await page.screenshot({ path: 'e2e/artifacts/case-measure-placement-desktop.png', fullPage: true });

    await page.setViewportSize(PHONE);
    await page.reload();
    const item = page.getByTestId('measure-placement').first();
    await item.waitFor();
    expect(await item.innerText()).toContain('安置就业');
    expect(await horizontalOverflow(page)).toBe(0);
    await page.screenshot({ path: 'e2e/artifacts/case-measure-placement-phone.png', fullPage: true });
  },
);

journey(
  "the employment figures' trend says each month counts the labour capacity people had then",
  DESKTOP,
  async (page) => {
    await signIn(page, 'county_admin');
    await page.goto('/employment/figures');
    await page.getByTestId('figures-trend').waitFor();
    await page.getByText('每月的劳动力按当月的劳动能力统计').waitFor();
    await page.screenshot({ path: 'e2e/artifacts/employment-figures-trend-desktop.png', fullPage: true });
  },
);
