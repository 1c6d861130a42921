import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import {
  chooseOption,
  dialogReady,
  horizontalOverflow,
  journey,
  openMenu,
  PHONE,
  saveDialog,
  signIn,
  useBrowser,
} from './browser.ts';

useBrowser();

interface Member {
  personId: string;
  name: string;
  labourForce: boolean;
  employed: boolean;
  profile: { skills: string[]; workPreference: string | null } | null;
  records: { id: string; current: boolean; startOn: string; version: number }[];
}

/** What the signed-in user's API says of a household's employment. */
async function employmentOf(page: Page, householdId: string) {
  const res = await page.request.get(`/api/households/${householdId}/employment`);
  return (await res.json()) as {
    members: Member[];
    zeroEmployment: { id: string; clearedOn: string | null } | null;
  };
}

journey('a grid worker surveys the labour of a household on a 390-px phone', PHONE, async (page) => {
  await signIn(page, 'grid_worker');
  await openMenu(page);
  await page
    .locator('.ant-menu-submenu-title')
    .filter({ hasText: /^就业帮扶$/ })
    .click();
  await page.getByTestId('menu-employmentLabour').click();
  await page.waitForURL('**/employment/labour');
  const row = page.getByTestId('labour-row').first();
  await row.waitFor();
  expect(await horizontalOverflow(page)).toBe(0);
  await row.getByTestId('labour-survey').click();
  await page.waitForURL(/\/employment\/survey\/\d+$/);
  const householdId = page.url().split('/').pop()!;

  const member = page.getByTestId('survey-member').first();
  await member.waitFor();
  await chooseOption(page, member.getByTestId('survey-skills'), '焊工');
  await page.keyboard.press('Escape');
  await member.getByText('省内', { exact: true }).click();
  expect(await horizontalOverflow(page)).toBe(0);
  await member.getByTestId('survey-save').click();
  await page.getByText('的信息已保存').first().waitFor();

  await expect
    .poll(async () => {
      const m = (await employmentOf(page, householdId)).members.find((x) => x.labourForce);
      return m?.profile && { skills: m.profile.skills.includes('焊工'), where: m.profile.workPreference };
    })
    .toEqual({ skills: true, where: 'in_province' });

  const jobs = async () =>
    (await employmentOf(page, householdId)).members.find((x) => x.labourForce)!.records.length;
  const before = await jobs();
  await member.getByTestId('survey-record-add').click();
  await dialogReady(page);
  await chooseOption(page, page.getByTestId('record-kind'), '帮扶车间');
  await page.getByTestId('record-employer').fill('社区帮扶车间（电子组装）');
  await page.getByTestId('record-wage').fill('2300');
  expect(await horizontalOverflow(page)).toBe(0);
  await saveDialog(page, { closes: true });
  await expect.poll(jobs).toBe(before + 1);
  expect(await horizontalOverflow(page)).toBe(0);
});

journey('a zero-employment household is helped, then cleared by a job', PHONE, async (page) => {
  await signIn(page, 'grid_worker');
  // a household of the worker's grid whose jobs all began before yesterday loses them
  const labour = (await (
    await page.request.get('/api/employment/labour?employed=true&pageSize=50')
  ).json()) as {
    items: { householdId: string }[];
  };
  const { csrfToken } = (await (await page.request.get('/api/auth/me')).json()) as { csrfToken: string };
  const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
  let householdId = '';
  let current: Member['records'] = [];
  for (const { householdId: id } of labour.items) {
    current = (await employmentOf(page, id)).members.flatMap((m) => m.records.filter((r) => r.current));
    if (current.every((r) => r.startOn < yesterday)) {
      householdId = id;
      break;
    }
  }
  expect(householdId).not.toBe('');
  for (const r of current) {
    const res = await page.request.patch(`/api/employment/records/${r.id}`, {
      headers: { 'x-csrf-token': csrfToken },
      data: { endOn: yesterday, version: r.version },
    });
    expect(res.status()).toBe(200);
  }
  const zero = (await employmentOf(page, householdId)).zeroEmployment!;
  expect(zero.clearedOn).toBeNull();

  await openMenu(page);
  await page
    .locator('.ant-menu-submenu-title')
    .filter({ hasText: /^就业帮扶$/ })
    .click();
  await page.getByTestId('menu-employmentZero').click();
  await page.waitForURL('**/employment/zero');
  await page.getByTestId('zero-household').first().waitFor();
  expect(await horizontalOverflow(page)).toBe(0);
  await page.goto(`/employment/zero/${zero.id}`);

  await chooseOption(page, page.getByTestId('help-kind'), '技能培训');
  await page.getByTestId('help-note').fill('报名参加电工培训班');
  await page.getByTestId('help-submit').click();
  await page.getByTestId('zero-help').filter({ hasText: '报名参加电工培训班' }).waitFor();
  expect(await horizontalOverflow(page)).toBe(0);

  await page.getByTestId('record-add').first().click();
  await dialogReady(page);
  await chooseOption(page, page.getByTestId('record-kind'), '公益性岗位');
  await page.getByTestId('record-employer').fill('社区保洁公益岗');
  await page.getByTestId('record-wage').fill('1200');
  await saveDialog(page, { closes: true });
  await page.getByTestId('zero-state').filter({ hasText: '已清零' }).first().waitFor();
  expect(await horizontalOverflow(page)).toBe(0);
  expect((await employmentOf(page, householdId)).zeroEmployment).toMatchObject({ id: zero.id });
  expect((await employmentOf(page, householdId)).zeroEmployment!.clearedOn).not.toBeNull();
});
