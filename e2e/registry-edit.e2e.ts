import ExcelJS from 'exceljs';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, expect } from 'vitest';
import { baseUrl, chooseOption, DESKTOP, journey, saveDialog, signIn, useBrowser } from './browser.ts';
import { apiAs, idNumber, uniqueName, withBadCheckDigit, type PlaceRow } from './registry-helpers.ts';

useBrowser();

interface Prepared {
  community: PlaceRow;
  building: PlaceRow;
  dwellings: PlaceRow[];
  householdId: string;
  headName: string;
  registeredName: string;
  registeredId: string;
}
let p: Prepared;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'anju-edit-'));

/** A building of free dwellings straight under the community, so the dwelling pickers reach them in two steps. */
beforeAll(async () => {
  const staff = await apiAs('community_staff');
  const [community] = await staff.get<PlaceRow[]>('/places/roots');
  const building = await staff.post<PlaceRow>('/places', {
    parentId: community.id,
    level: 'building',
    name: `0号楼${Date.now() % 1000}`,
  });
  const dwellings: PlaceRow[] = [];
  for (const room of ['101室', '102室', '103室'])
    dwellings.push(
      await staff.post<PlaceRow>('/places', { parentId: building.id, level: 'dwelling', name: room }),
    );
  const headName = uniqueName();
  const registeredName = uniqueName();
  const registeredId = idNumber('19800101', 11, true);
  const member = (name: string, id: string, relation: string) => ({
    name,
    idNumber: id,
    relation,
    labourCapacity: 'full',
    hukouPlaceId: community.id,
  });
  const household = await staff.post<{ id: string }>('/households', {
    dwellingId: dwellings[2].id,
    resettlementType: 'urban_centralized',
    povertyStatus: 'ordinary',
    members: [
      member(headName, idNumber('19750505', 12, true), 'head'),
      member(registeredName, registeredId, 'spouse'),
    ],
  });
  p = { community, building, dwellings, householdId: household.id, headName, registeredName, registeredId };
});

/**
 * Opens a dwelling picker and picks a dwelling of the prepared building. The tree loads a level when
 * it is opened, and a click while the list still slides open is lost, so each step is tried again
 * until the dwelling shows.
 */
async function pickDwelling(page: Page, testId: string, room: string) {
  const tree = page.locator('.ant-select-dropdown:visible .ant-select-tree');
  const node = (name: string) => tree.locator('.ant-select-tree-treenode', { hasText: name }).first();
  const dwelling = tree.locator('.ant-select-tree-title', { hasText: room });
  const opened = async (name: string) =>
    (await node(name).locator('.ant-select-tree-switcher_open').count()) > 0;
  await expect
    .poll(
      async () => {
        if (await dwelling.isVisible()) return true;
        if (!(await tree.isVisible()))
          await page
            .getByTestId(testId)
            .click({ timeout: 2000 })
            .catch(() => undefined);
        else if (await node(p.building.name).isVisible()) {
          if (!(await opened(p.building.name)))
            await node(p.building.name)
              .locator('.ant-select-tree-switcher')
              .click({ timeout: 2000 })
              .catch(() => undefined);
        } else if (!(await opened(p.community.name)))
          await node(p.community.name)
            .locator('.ant-select-tree-switcher')
            .click({ timeout: 2000 })
            .catch(() => undefined);
        return dwelling.isVisible();
      },
      { timeout: 30_000, interval: 500 },
    )
    .toBe(true);
  await dwelling.click();
}

/** Picks the community as a hukou place through the place search. */
async function pickHukou(page: Page, testId: string) {
  await page.getByTestId(testId).click();
  await page.getByTestId(testId).locator('input').fill(p.community.name);
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: p.community.name })
    .click();
}

const selectOption = (page: Page, testId: string, label: string) =>
  chooseOption(page, page.getByTestId(testId), label);

const errorUnder = (page: Page, testId: string) =>
  page
    .locator('.ant-form-item', { has: page.getByTestId(testId) })
    .locator('.ant-form-item-explain-error')
    .first();

journey(
  'community_staff registers a household of two: messages under the fields, then saved',
  DESKTOP,
  async (page) => {
    await signIn(page, 'community_staff');
    await page.goto('/registry/households/new');
    await pickDwelling(page, 'dwelling-picker', '101室');
    await selectOption(page, 'household-poverty', '一般户');
    const head = uniqueName();
    const headId = idNumber('19820304', 21, true);
    await page.getByTestId('member-0-name').fill(head);
    await page.getByTestId('member-0-id').fill(withBadCheckDigit(headId));
    await page.getByTestId('member-0-name').click();
    await expect.poll(() => errorUnder(page, 'member-0-id').textContent()).toBe('校验位不正确（GB 11643）');
    await page.getByTestId('member-0-id').fill(headId);
    await expect.poll(() => errorUnder(page, 'member-0-id').count()).toBe(0);
    expect(await page.getByTestId('id-derived').first().textContent()).toContain('1982-03-04');
    await pickHukou(page, 'member-0-hukou');

    await page.getByTestId('member-add').click();
    await page.getByTestId('member-1-name').fill(uniqueName());
    // an ID number someone already holds: the server's answer lands under the field too
    await page.getByTestId('member-1-id').fill(p.registeredId);
    await selectOption(page, 'member-1-relation', '配偶');
    await pickHukou(page, 'member-1-hukou');
    await page.getByTestId('household-submit').click();
    await expect
      .poll(() => errorUnder(page, 'member-1-id').textContent(), { timeout: 15_000 })
      .toBe(`身份证号已登记：${p.registeredName}`);

    await page.getByTestId('member-1-id').fill(idNumber('19840708', 22, false));
    await page.getByTestId('household-submit').click();
    await page.waitForURL(/\/registry\/households\/\d+$/);
    await expect.poll(() => page.getByTestId('household-title').textContent()).toBe(`${head}户`);
    const rows = page.getByTestId('member-table').locator('tbody tr.ant-table-row');
    await expect.poll(() => rows.count()).toBe(2);
    expect(await rows.allTextContents()).toEqual([
      expect.stringContaining(head),
      expect.stringContaining('配偶'),
    ]);
  },
);

journey('a birth and a change of dwelling appear on the household timeline', DESKTOP, async (page) => {
  await signIn(page, 'community_staff');
  await page.goto(`/registry/households/${p.householdId}`);
  await page.getByTestId('household-title').waitFor();

  await page.getByTestId('household-events').click();
  await page.getByTestId('event-birth').click();
  const baby = uniqueName();
  const today = new Date();
  const birth = `${today.getFullYear()}${String(today.getMonth() + 1).padStart(2, '0')}01`;
  await page.getByTestId('event-person-name').fill(baby);
  await page.getByTestId('event-person-id').fill(idNumber(birth, 31, false));
  // the event date follows the birth date the ID number holds
  expect(await page.locator('.ant-modal .ant-picker input').inputValue()).toBe(
    `${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6)}`,
  );
  await pickHukou(page, 'event-person-hukou');
  await saveDialog(page);
  const rows = page.getByTestId('member-table').locator('tbody tr.ant-table-row');
  await expect.poll(() => rows.count(), { timeout: 15_000 }).toBe(3);
  expect((await rows.allTextContents()).some((r) => r.includes(baby) && r.includes('子女'))).toBe(true);

  await page.getByTestId('household-events').click();
  await page.getByTestId('event-change_dwelling').click();
  await page.locator('.ant-modal:not(.ant-zoom)').waitFor();
  await pickDwelling(page, 'event-dwelling', '102室');
  await saveDialog(page);
  await expect
    .poll(() => page.getByTestId('household-facts').textContent(), { timeout: 15_000 })
    .toContain('102室');

  await page.getByRole('tab', { name: '变更记录' }).click();
  const entries = page.getByTestId('history-entry');
  await expect.poll(() => entries.count(), { timeout: 15_000 }).toBeGreaterThanOrEqual(3);
  const texts = await entries.allTextContents();
  expect(texts[0]).toContain('换房');
  expect(texts.some((e) => e.includes('出生') && e.includes(baby))).toBe(true);
});

journey('two people edit one household: the second is told and reloads', DESKTOP, async (page) => {
  const other = await page
    .context()
    .browser()!
    .newContext({ viewport: DESKTOP, baseURL: baseUrl(), locale: 'zh-CN' });
  const second = await other.newPage();
  try {
    for (const tab of [page, second]) {
      await signIn(tab, 'community_staff');
      await tab.goto(`/registry/households/${p.householdId}`);
      await tab.getByTestId('household-edit').click();
      await tab.locator('.ant-modal:not(.ant-zoom)').waitFor();
    }
    await selectOption(page, 'edit-poverty', '监测户');
    await saveDialog(page);
    await expect
      .poll(() => page.getByTestId('household-poverty-value').textContent(), { timeout: 15_000 })
      .toBe('监测户');

    await selectOption(second, 'edit-poverty', '脱贫户');
    await saveDialog(second);
    const error = second.getByTestId('save-error');
    await expect.poll(() => error.textContent(), { timeout: 15_000 }).toContain('该记录已被他人修改');
    await second.getByTestId('stale-reload').click();
    await expect.poll(() => second.getByTestId('household-poverty-value').textContent()).toBe('监测户');
    await expect.poll(() => second.getByTestId('save-error').count()).toBe(0);
    await selectOption(second, 'edit-poverty', '脱贫户');
    await saveDialog(second);
    await expect
      .poll(() => second.getByTestId('household-poverty-value').textContent(), { timeout: 15_000 })
      .toBe('脱贫户');
  } finally {
    await other.close();
  }
});

journey(
  'a saved filter of the persons list applies again; the list exports masked',
  DESKTOP,
  async (page) => {
    await signIn(page, 'community_staff');
    await page.goto('/registry/persons');
    await page.getByTestId('person-q').fill(p.headName);
    await page.getByTestId('person-search').click();
    await page.waitForURL(/q=/);
    const names = () =>
      page.getByTestId('person-table').locator('tbody tr.ant-table-row td:first-child').allTextContents();
    await expect.poll(names, { timeout: 15_000 }).toEqual([p.headName]);

    await page.getByTestId('saved-filter-save').click();
    const filterName = `户主 ${p.headName}`;
    await page.getByTestId('saved-filter-name').fill(filterName);
    await saveDialog(page, { closes: true });
    await page.goto('/registry/persons');
    await expect.poll(async () => (await names()).length, { timeout: 15_000 }).toBeGreaterThan(1);
    await selectOption(page, 'saved-filter-select', filterName);
    await page.waitForURL(/q=/);
    await expect.poll(names, { timeout: 15_000 }).toEqual([p.headName]);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('person-export-xlsx').click(),
    ]);
    const file = path.join(dir, 'persons.xlsx');
    await download.saveAs(file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const sheet = wb.worksheets[0];
    const header = (sheet.getRow(1).values as string[]).slice(1);
    expect(sheet.rowCount).toBe(2);
    const row = (sheet.getRow(2).values as string[]).slice(1);
    const id = row[header.indexOf('身份证号')];
    expect(row[header.indexOf('姓名')]).toBe(p.headName);
    expect(id).toMatch(/^\d\*{16}[\dX]$/);
    expect(header).not.toContain('健康状况');
  },
);
