import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { PHONE, journey, signIn, useBrowser } from './browser.ts';

useBrowser();

const LIMIT = 5 * 1024 * 1024;
/** The smallest valid PNG, small enough to go as picked. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

/** A 6000×4000 camera-sized JPEG of noise, encoded in the page: far over the server's 5 MB. */
async function cameraPhoto(page: Page): Promise<Buffer> {
  const base64 = await page.evaluate(async () => {
    const canvas = new OffscreenCanvas(6000, 4000);
    const ctx = canvas.getContext('2d') as OffscreenCanvasRenderingContext2D;
    const band = ctx.createImageData(6000, 250);
    for (let y = 0; y < 4000; y += 250) {
      for (let i = 0; i < band.data.length; i += 4) {
        const v = (Math.random() * 255) | 0;
        band.data[i] = v;
        band.data[i + 1] = (v * 7) & 255;
        band.data[i + 2] = 255 - v;
        band.data[i + 3] = 255;
      }
      ctx.putImageData(band, 0, y);
    }
    const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.7 });
    const bytes = new Uint8Array(await blob.arrayBuffer());
    let text = '';
    for (let i = 0; i < bytes.length; i += 0x8000)
      text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(text);
  });
  return Buffer.from(base64, 'base64');
}

journey(
  'a resident on a phone reports with a 13 MB camera photo, and it arrives shrunk',
  PHONE,
  async (page) => {
    await signIn(page, 'resident');
    await page.goto('/incidents/new');
    const photo = await cameraPhoto(page);
    expect(photo.length).toBeGreaterThan(LIMIT);

    const title = `楼道墙面开裂 ${Date.now().toString(36)}`;
    await page.getByTestId('report-category').click();
    await page.locator('.ant-select-item-option').filter({ hasText: '邻里纠纷' }).click();
    await page.getByTestId('report-title').fill(title);
    await page
      .locator('input[type=file]')
      .first()
      .setInputFiles({ name: 'IMG_0001.jpg', mimeType: 'image/jpeg', buffer: photo });
    await page.locator('.ant-upload-list-item-container').first().waitFor();
    await expect.poll(() => page.getByTestId('photo-shrinking').count()).toBe(0);
    await page.getByTestId('report-submit').click();
    await page.getByTestId('my-report').filter({ hasText: title }).waitFor();

    const stored = await page.evaluate(async (title) => {
      const list = await fetch('/api/incidents?mine=true&pageSize=100').then((r) => r.json());
      const item = (list as { items: { id: string; title: string }[] }).items.find((i) => i.title === title);
      const detail = await fetch(`/api/incidents/${item?.id}`).then((r) => r.json());
      const ids = (detail as { steps: { photoIds: string[] }[] }).steps.flatMap((s) => s.photoIds);
      const blob = await fetch(`/api/incident-photos/${ids[0]}`).then((r) => r.blob());
      const bitmap = await createImageBitmap(blob);
      return { count: ids.length, bytes: blob.size, width: bitmap.width, height: bitmap.height };
    }, title);
    expect(stored.count).toBe(1);
    expect(Math.max(stored.width, stored.height)).toBeLessThanOrEqual(1600);
    expect(stored.width).toBe(1600);
    expect(stored.bytes).toBeLessThan(LIMIT);
  },
);

journey(
  'a photo that fails to go is sent again without picking it again or reporting twice',
  PHONE,
  async (page) => {
    await signIn(page, 'resident');
    await page.goto('/incidents/new');
    const title = `楼道灯不亮 ${Date.now().toString(36)}`;
    await page.getByTestId('report-category').click();
    await page.locator('.ant-select-item-option').filter({ hasText: '邻里纠纷' }).click();
    await page.getByTestId('report-title').fill(title);
    await page
      .locator('input[type=file]')
      .first()
      .setInputFiles({ name: 'lamp.png', mimeType: 'image/png', buffer: PNG });
    await page.locator('.ant-upload-list-item-container').first().waitFor();
    await page.route('**/api/incidents/*/photos', (route) => route.abort('connectionreset'), { times: 1 });
    await page.getByTestId('report-submit').click();
    await page.getByTestId('report-photos-failed').waitFor();
    await page.getByTestId('report-photos-retry').click();
    await page.getByTestId('report-photos-failed').waitFor({ state: 'detached' });

    const stored = await page.evaluate(async (title) => {
      const list = await fetch('/api/incidents?mine=true&pageSize=100').then((r) => r.json());
      const items = (list as { items: { id: string; title: string }[] }).items.filter(
        (i) => i.title === title,
      );
      const detail = await fetch(`/api/incidents/${items[0]?.id}`).then((r) => r.json());
      return {
        reports: items.length,
        photos: (detail as { steps: { photoIds: string[] }[] }).steps.flatMap((s) => s.photoIds).length,
      };
    }, title);
    expect(stored).toEqual({ reports: 1, photos: 1 });
  },
);
