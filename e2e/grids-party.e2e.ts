import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { DESKTOP, PHONE, horizontalOverflow, journey, signIn, useBrowser } from './browser.ts';

useBrowser();

/** A busy machine may take seconds to answer and redraw. */
const SLOW = { timeout: 15_000 };

interface MapItem {
  id: string;
  name: string;
  hasBoundary: boolean;
  version: number;
  boundary: { coordinates: number[][][] } | null;
}

async function gridNamed(page: Page, name: string): Promise<MapItem | undefined> {
  const community = new URL(page.url()).pathname.split('/').at(-1);
  const res = await page.request.get(`/api/communities/${community}/grid-map`);
  return ((await res.json()) as { items: MapItem[] }).items.find((g) => g.name === name);
}

const vertices = async (page: Page) =>
  Number(await page.getByTestId('draw-bar').getAttribute('data-vertices'));

/** Clicks the map at fractions of its width and height, each click once the last one has added its vertex. */
async function clickMap(page: Page, points: [number, number][]) {
  const box = (await page.getByTestId('grid-map').boundingBox())!;
  for (const [x, y] of points) {
    const before = await vertices(page);
    await page.mouse.click(box.x + box.width * x, box.y + box.height * y);
    await expect.poll(() => vertices(page), SLOW).toBe(before + 1);
  }
}

const unlookedTotal = async (page: Page) =>
  Number(
    (await page.getByTestId('unlooked-total').locator('.ant-statistic-content-value').textContent())!.replace(
      /\D/g,
      '',
    ),
  );

journey(
  'community_staff adds a grid, draws and saves its boundary, sees it under the norm, and links an unlooked-after household',
  DESKTOP,
  async (page) => {
    await signIn(page, 'community_staff');
    await page.getByTestId('menu-grids').click();
    await page.getByTestId('grid-map').locator('canvas').waitFor();
    await expect.poll(() => page.url(), SLOW).toMatch(/\/grids\/\d+$/);

    const name = `测绘网格${Date.now() % 100000}`;
    await page.getByTestId('grid-create').click();
    await page.getByTestId('grid-name').fill(name);
    await page.getByTestId('grid-create-ok').click();
    // the dialog fades out over the map; clicks land on the map only once it is gone
    await page.getByTestId('grid-name').waitFor({ state: 'hidden' });
    await page.getByTestId('draw-bar').waitFor();
    // a new grid has no households: it is listed among those outside the 300–500 norm
    await expect.poll(() => page.getByTestId('size-warnings').textContent(), SLOW).toContain(name);
    // the norm used is named beside the flags: the demo community is an urban site
    expect(await page.getByTestId('grid-norm').textContent()).toMatch(/城镇安置社区.*300–500 户.*依据/);

    await clickMap(page, [
      [0.3, 0.3],
      [0.45, 0.3],
      [0.45, 0.45],
      [0.3, 0.45],
    ]);
    await page.getByTestId('draw-close').click();
    // drag the third vertex right and down, then a click near the first edge inserts a fifth vertex
    const box = (await page.getByTestId('grid-map').boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.45, box.y + box.height * 0.45);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.55, box.y + box.height * 0.55, { steps: 8 });
    await page.mouse.up();
    await clickMap(page, [[0.375, 0.305]]);
    await page.getByTestId('draw-save').click();
    await page.getByTestId('draw-bar').waitFor({ state: 'detached' });
    const saved = await gridNamed(page, name);
    expect(saved?.hasBoundary).toBe(true);
    const ring = saved!.boundary!.coordinates[0];
    expect(ring).toHaveLength(6);
    // the dragged vertex (now fourth) lies east of the one above it and south of the one beside it
    expect(ring[3][0]).toBeGreaterThan(ring[2][0]);
    expect(ring[3][1]).toBeLessThan(ring[4][1]);
    await expect.poll(() => page.getByTestId('boundary-draw').textContent(), SLOW).toContain('编辑');

    // someone else saves the boundary meanwhile: this screen's save is refused, and reloading starts from theirs
    const { csrfToken } = (await (await page.request.get('/api/auth/me')).json()) as { csrfToken: string };
    const elsewhere = await page.request.put(`/api/grids/${saved!.id}/boundary`, {
      headers: { 'x-csrf-token': csrfToken },
      data: { boundary: saved!.boundary, version: saved!.version },
    });
    expect(elsewhere.status()).toBe(200);
    await page.getByTestId('boundary-draw').click();
    await clickMap(page, [[0.3, 0.375]]);
    await page.getByTestId('draw-save').click();
    await expect.poll(() => page.getByTestId('boundary-error').textContent(), SLOW).toContain('已被他人修改');
    await page.getByTestId('boundary-reload').click();
    await page.getByTestId('boundary-error').waitFor({ state: 'detached' });
    await page.getByTestId('draw-save').click();
    await page.getByTestId('draw-bar').waitFor({ state: 'detached' });
    expect((await gridNamed(page, name))?.version).toBe(saved!.version + 2);

    await page.getByTestId('menu-party').click();
    await page.getByTestId('org-tree').waitFor();
    // a grid branch of the demo holds more than 50 members: the party's rules call for a general branch
    await page.locator('[data-testid^="org-flag-"]').first().click();
    await expect
      .poll(() => page.getByTestId('org-check-general_branch_due').textContent(), SLOW)
      .toContain('应成立党总支');
    await page.getByTestId('tab-care').click();
    const before = await unlookedTotal(page);
    expect(before).toBeGreaterThan(0);
    const firstId = await page
      .getByTestId('unlooked-list')
      .locator('.ant-list-item')
      .first()
      .getAttribute('data-testid');
    const first = page.getByTestId(firstId!);
    // the first carer with room left; a click while the list still slides open is lost, so it is tried again
    const carer = page.locator(
      '.ant-select-dropdown:visible .ant-select-item-option:not(.ant-select-item-option-disabled)',
    );
    await expect
      .poll(
        async () => {
          if (await first.getByTestId('link-save').isEnabled()) return true;
          if ((await page.locator('.ant-select-dropdown:visible').count()) === 0)
            await first.getByTestId('link-carer').click();
          await carer
            .first()
            .click({ timeout: 5000 })
            .catch(() => undefined);
          return first.getByTestId('link-save').isEnabled();
        },
        { timeout: 30_000, interval: 500 },
      )
      .toBe(true);
    await first.getByTestId('link-save').click();
    await expect.poll(() => unlookedTotal(page), SLOW).toBe(before - 1);
  },
);

journey('the grid page is a list of grids with counts on a phone', PHONE, async (page) => {
  await signIn(page, 'party_secretary');
  await page.goto('/grids');
  await page.getByTestId('grid-list').locator('.ant-list-item').first().waitFor();
  expect(await page.getByTestId('grid-list').textContent()).toMatch(/\d+ 户/);
  expect(await horizontalOverflow(page)).toBe(0);
  await page.getByTestId('grid-list').locator('.ant-list-item').first().click();
  await page.getByTestId('grid-buildings').waitFor();
  expect(await horizontalOverflow(page)).toBe(0);
});
