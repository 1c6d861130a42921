import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { PHONE, baseUrl, signIn } from './browser.ts';

let browser: Browser;
// Chromium's own fake microphone: a beep that MediaRecorder records like speech
beforeAll(async () => {
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--use-fake-ui-for-media-stream',
      '--use-fake-device-for-media-stream',
    ],
  });
});
afterAll(() => browser?.close());

test('a resident records a voice message as a quick report, and the grid worker plays it back', async () => {
  const context = await browser.newContext({ viewport: PHONE, baseURL: baseUrl(), locale: 'zh-CN' });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  try {
    await signIn(page, 'resident');
    await page.goto('/incidents/new');
    await page.getByTestId('report-mode-quick').click();
    await page.getByTestId('voice-record').click();
    // the counter moving shows the recorder is taking sound
    await page.getByTestId('voice-stop').filter({ hasText: /\b2\b/ }).waitFor();
    await page.getByTestId('voice-stop').click();
    await page.getByTestId('voice-playback').waitFor();
    const voice = page.waitForResponse((r) => /\/api\/incidents\/\d+\/voice$/.test(r.url()));
    await page.getByTestId('quick-submit').click();
    const sent = await voice;
    expect(sent.status()).toBe(201);
    const { id } = await sent.json();
    expect((await sent.json()).contentType).toMatch(/^audio\/(webm|ogg|mp4)$/);
    await page.getByTestId('my-report').filter({ hasText: '随手拍' }).first().waitFor();

    await context.clearCookies();
    await signIn(page, 'grid_worker');
    const played = await page.evaluate(async (voiceId) => {
      const res = await fetch(`/api/incident-photos/${voiceId}`);
      return {
        status: res.status,
        type: res.headers.get('content-type'),
        bytes: (await res.arrayBuffer()).byteLength,
      };
    }, id);
    expect(played).toMatchObject({ status: 200, type: expect.stringMatching(/^audio\//) });
    expect(played.bytes).toBeGreaterThan(100);
  } finally {
    await context.close();
  }
});
