import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import {
  DESKTOP,
  PHONE,
  baseUrl,
  dialogReady,
  horizontalOverflow,
  journey,
  saveDialog,
  signIn,
  useBrowser,
} from './browser.ts';

useBrowser();

const shot = (name: string) => path.join(import.meta.dirname, 'artifacts', `${name}.png`);

journey(
  'a volunteer on a phone signs up, checks in and out by the QR code, gets the hours approved by the organizer and downloads a certificate checked publicly',
  PHONE,
  async (phone) => {
    const browser = phone.context().browser()!;
    const desk = await (
      await browser.newContext({ viewport: DESKTOP, baseURL: baseUrl(), locale: 'zh-CN' })
    ).newPage();
    desk.setDefaultTimeout(15_000);
    try {
      // the organizer holds an activity running now and shows its code
      await signIn(phone, 'resident');
      await signIn(desk, 'community_staff');
      await desk.goto('/volunteers');
      await desk.getByTestId('activity-add').click();
      await dialogReady(desk);
      const title = `楼道清扫 ${Date.now().toString(36)}`;
      await desk.getByTestId('activity-title').fill(title);
      await desk.getByTestId('activity-address').fill('3栋楼下');
      await saveDialog(desk, { closes: true });
      const card = desk.getByTestId('activity').filter({ hasText: title });
      await card.getByRole('link', { name: title }).click();
      await desk.waitForURL('**/volunteers/activities/*');
      await desk.getByTestId('code-show').click();
      const link = await desk.getByTestId('code-link').getAttribute('href');
      expect(link).toContain('/volunteer/check-in?code=');
      await desk.screenshot({ path: shot('volunteers-activity-desktop'), fullPage: true });

      // the volunteer signs up on the phone
      await phone.goto('/volunteer');
      const mine = phone.getByTestId('my-activity').filter({ hasText: title });
      await mine.getByTestId('sign-up').click();
      await mine.getByText('已报名', { exact: true }).waitFor();
      expect(await horizontalOverflow(phone)).toBe(0);
      await phone.screenshot({ path: shot('volunteers-mine-phone'), fullPage: true });

      // scanning the QR code opens its link on the phone
      await phone.goto(new URL(link!).pathname + new URL(link!).search);
      await phone.getByTestId('scan-in').click();
      await phone.getByTestId('scan-done').filter({ hasText: '签到成功' }).waitFor();
      await phone.getByTestId('scan-out').click();
      await phone.getByTestId('scan-done').filter({ hasText: '签退成功' }).waitFor();
      expect(await horizontalOverflow(phone)).toBe(0);
      await phone.screenshot({ path: shot('volunteers-check-in-phone'), fullPage: true });

      // the organizer approves the hours
      await desk.reload();
      const entry = desk.getByTestId('roster-entry').filter({ hasText: '（扫码）' }).first();
      await entry.getByTestId('approve').click();
      await entry.getByTestId('roster-hours').waitFor();
      await desk.screenshot({ path: shot('volunteers-roster-desktop'), fullPage: true });
      await desk.goto('/volunteers/people');
      await desk.getByTestId('volunteer').first().waitFor();
      await desk.screenshot({ path: shot('volunteers-people-desktop'), fullPage: true });

      // the volunteer issues and downloads the certificate
      await phone.goto('/volunteer');
      await expect
        .poll(async () =>
          Number(
            await phone.getByTestId('my-total-hours').locator('.ant-statistic-content-value').innerText(),
          ),
        )
        .toBeGreaterThan(0);
      const before = await phone.getByTestId('certificate-serial').count();
      await phone.getByTestId('certificate-issue').click();
      await expect.poll(() => phone.getByTestId('certificate-serial').count()).toBe(before + 1);
      const serial = (await phone.getByTestId('certificate-serial').first().innerText()).trim();
      expect(serial).toMatch(/^ZY\d{4}-\d{6,}-[A-Z0-9]{4}$/);
      const [download] = await Promise.all([
        phone.waitForEvent('download'),
        phone.getByTestId('certificate-download').first().click(),
      ]);
      const file = await download.path();
      expect(fs.readFileSync(file!).subarray(0, 5).toString()).toBe('%PDF-');
      await phone.screenshot({ path: shot('volunteers-hours-phone'), fullPage: true });

      // anyone checks it without signing in
      const stranger = await (
        await browser.newContext({ viewport: PHONE, baseURL: baseUrl(), locale: 'zh-CN' })
      ).newPage();
      await stranger.goto(`/verify/${serial}`);
      const result = stranger.getByTestId('verify-result');
      await result.waitFor();
      expect(await result.innerText()).toContain(serial);
      expect(await result.innerText()).toMatch(/\*/);
      await stranger.screenshot({ path: shot('volunteers-verify-phone'), fullPage: true });
      await stranger.context().close();
    } finally {
      await desk.context().close();
    }
  },
);
