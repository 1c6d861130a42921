import { expect } from 'vitest';
import { PHONE, journey, signIn, useBrowser } from './browser.ts';

useBrowser();

/** The smallest valid PNG, as a photo the phone's camera would hand over. */
const PHOTO = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000a49444154789c63000100000500010d0a2db40000000049454e44ae426082',
  'hex',
);

journey(
  "a visit's photo that fails to go is sent again with its progress, without logging the visit twice",
  PHONE,
  async (page) => {
    await signIn(page, 'grid_worker');
    await page.goto('/visits');
    const card = page.getByTestId('due-household').first();
    await card.waitFor();
    await card.getByTestId('due-log').click();
    await page.waitForURL('**/visits/new?householdId=*');
    const householdId = new URL(page.url()).searchParams.get('householdId');
    const finding = `照片重传 ${Date.now().toString(36)}`;
    await page.getByTestId('visit-findings').fill(finding);
    await page
      .getByTestId('visit-photo-input')
      .setInputFiles({ name: 'door.png', mimeType: 'image/png', buffer: PHOTO });
    await page.locator('.ant-image img').first().waitFor();

    await page.route('**/api/visits/*/photos', (route) => route.abort('connectionreset'), { times: 1 });
    await page.getByTestId('visit-submit').click();
    await page.getByTestId('visit-photos-failed').waitFor();
    await page.getByTestId('visit-photos-retry').click();
    await page.waitForURL(/\/visits\/\d+$/);
    await page.getByTestId('visit-photos').locator('img').first().waitFor();

    const logged = await page.evaluate(
      async ({ householdId, finding }) => {
        const res = await fetch(`/api/visits?householdId=${householdId}&pageSize=100`);
        const items = ((await res.json()) as { items: { findings: string; photoCount?: number }[] }).items;
        return items.filter((v) => v.findings === finding).length;
      },
      { householdId, finding },
    );
    expect(logged).toBe(1);
  },
);
