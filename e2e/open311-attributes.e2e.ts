import { expect } from 'vitest';
import { DESKTOP, chooseOption, journey, openMenu, signIn, useBrowser } from './browser.ts';

useBrowser();

journey(
  'county_admin adds a required single-choice question to an Open311 service, and services/<code>.json shows it at once',
  DESKTOP,
  async (page) => {
    const code = `DOC${Math.floor(Math.random() * 1e6)}`;
    await signIn(page, 'county_admin');
    await openMenu(page);
    await page.getByTestId('menu-open311Services').click();
    const picker = page.getByTestId('service-picker');
    // the list is virtual: narrow it so the service is drawn
    await picker.click();
    await page.keyboard.type('hukou_transfer');
    await chooseOption(page, picker, '户籍与证照办理 (hukou_transfer)');
    const editor = page.getByTestId('attributes-editor');
    await editor.waitFor();
    await page.getByTestId('add-attribute').click();
    const row = editor.locator('tbody tr.ant-table-row').last();
    await row.getByLabel('代码').fill(code);
    await row.getByLabel('问题').fill('证件类型');
    await chooseOption(page, row.locator('.ant-select').first(), '单选');
    await row.getByRole('switch').click();
    for (const [key, name] of [
      ['id', '身份证'],
      ['hk', '户口本'],
    ]) {
      await row.getByTestId('add-value').click();
      await row.getByLabel('键').last().fill(key);
      await row.getByLabel('名称').last().fill(name);
    }
    await page.getByTestId('save-attributes').click();

    const definition = page.getByTestId('definition');
    await expect.poll(() => definition.textContent(), { timeout: 15_000 }).toContain(`"code": "${code}"`);
    const shown = JSON.parse((await definition.textContent()) ?? '{}') as {
      service_code: string;
      attributes: {
        code: string;
        required: boolean;
        datatype: string;
        values: { key: string; name: string }[];
      }[];
    };
    expect(shown.service_code).toBe('hukou_transfer');
    expect(shown.attributes.find((a) => a.code === code)).toMatchObject({
      required: true,
      datatype: 'singlevaluelist',
      values: [
        { key: 'id', name: '身份证' },
        { key: 'hk', name: '户口本' },
      ],
    });
  },
);
