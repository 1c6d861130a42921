import { expect } from 'vitest';
import { DESKTOP, chooseOption, dialogReady, journey, saveDialog, signIn, useBrowser } from './browser.ts';

useBrowser();

journey(
  "community staff records a job with a workshop of the register, and the workshop's recognition counts the person",
  DESKTOP,
  async (page) => {
    await signIn(page, 'community_staff');
    await page.goto('/employment/enterprises?workshop=any');
    const starting = page
      .locator('[data-testid="enterprise-list"] tbody tr.ant-table-row')
      .filter({ hasText: '未达认定标准' })
      .first();
    await starting.waitFor();
    const name = (await starting.locator('td').first().innerText()).trim();
    const count = Number(/（(\d+) \/ 5 人）/.exec(await starting.innerText())![1]);

    // a member of the labour force out of work takes a job with it
    const labour = (await (
      await page.request.get('/api/employment/labour?employed=false&pageSize=20')
    ).json()) as {
      items: { householdId: string; name: string }[];
    };
    const person = labour.items[0];
    expect(person).toBeDefined();
    await page.goto(`/registry/households/${person.householdId}`);
    await page.getByRole('tab', { name: '就业' }).click();
    await page
      .getByTestId('labour-member')
      .filter({ hasText: person.name })
      .getByTestId('record-add')
      .click();
    await dialogReady(page);
    await chooseOption(page, page.getByTestId('record-kind'), '帮扶车间');
    await chooseOption(page, page.getByTestId('record-enterprise'), name);
    await expect.poll(() => page.getByTestId('record-employer').inputValue()).toBe(name);
    await page.getByTestId('record-wage').fill('2100');
    await saveDialog(page, { closes: true });

    await page.goto('/employment/enterprises?workshop=any');
    const row = page
      .locator('[data-testid="enterprise-list"] tbody tr.ant-table-row')
      .filter({ hasText: name });
    await expect.poll(() => row.innerText()).toMatch(new RegExp(`（${count + 1}( / 5)? 人）`));
  },
);
