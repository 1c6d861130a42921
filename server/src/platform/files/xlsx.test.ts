import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { Open } from 'unzipper';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { xlsxSheets } from './xlsx.ts';

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'anju-xlsx-test-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A workbook of two sheets written by exceljs's streaming writer, which stores each sheet before the shared strings. */
async function workbook(name: string, zip: { forceZip64?: boolean } = {}, more = 0): Promise<string> {
  const file = path.join(dir, name);
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true, zip });
  wb.addWorksheet('填写说明').addRow(['每人一行']).commit();
  const sheet = wb.addWorksheet('人口');
  sheet.addRow(['户编号', '姓名', '出生日期']).commit();
  sheet.addRow(['H-1', '赵大山', new Date(Date.UTC(1980, 0, 2))]).commit();
  for (let i = 0; i < more; i++) sheet.addRow([`H-${i + 2}`, `姓名${i}`, i]).commit();
  await wb.commit();
  return file;
}

async function read(file: string) {
  let bytes = 0;
  const sheets: unknown[] = [];
  for await (const sheet of xlsxSheets(file, 'cache', (n) => (bytes += n))) {
    const rows = [];
    for await (const row of sheet) rows.push((row.values as ExcelJS.CellValue[]).slice(1));
    sheets.push([sheet.name, rows]);
  }
  return { sheets, bytes };
}

const expected = [
  ['填写说明', [['每人一行']]],
  [
    '人口',
    [
      ['户编号', '姓名', '出生日期'],
      ['H-1', '赵大山', new Date(Date.UTC(1980, 0, 2))],
    ],
  ],
];

it('reads the sheets by name in the order of the workbook, whatever the order of its parts in the zip, counting their compressed bytes', async () => {
  const file = await workbook('parts.xlsx');
  const zip = fs.readFileSync(file);
  expect(zip.indexOf('xl/worksheets/sheet2.xml')).toBeLessThan(zip.indexOf('xl/sharedStrings.xml'));
  expect(zip.indexOf('xl/sharedStrings.xml')).toBeLessThan(zip.indexOf('xl/workbook.xml'));
  const { sheets, bytes } = await read(file);
  expect(sheets).toEqual(expected);
  const read_ =
    /^xl\/(_rels\/workbook\.xml\.rels|workbook\.xml|sharedStrings\.xml|styles\.xml|worksheets\/.*)$/;
  const parts = (await Open.file(file)).files.filter((f) => read_.test(f.path));
  expect(parts).toHaveLength(6);
  expect(bytes).toBe(parts.reduce((sum, f) => sum + f.compressedSize, 0));
});

it('reads a zip64 workbook, whose sizes and offsets are in the extra fields', async () => {
  const file = await workbook('zip64.xlsx', { forceZip64: true });
  expect(fs.readFileSync(file).includes(Buffer.from([0x50, 0x4b, 0x06, 0x06]))).toBe(true);
  const { sheets, bytes } = await read(file);
  expect(sheets).toEqual(expected);
  expect(bytes).toBeGreaterThan(0);
});

it('closes the file when a workbook is left half read', async () => {
  const file = await workbook('left.xlsx', {}, 50_000);
  const held = () =>
    fs.readdirSync('/proc/self/fd').filter((fd) => {
      try {
        return fs.readlinkSync(`/proc/self/fd/${fd}`) === file;
      } catch {
        return false;
      }
    }).length;
  for await (const sheet of xlsxSheets(file, 'ignore')) {
    if (sheet.name !== '人口') continue;
    for await (const row of sheet) if (row.number === 1) break;
    expect(held()).toBeGreaterThan(0);
    break;
  }
  await expect.poll(held).toBe(0);
});

it('fails on a file that is not a zip', async () => {
  const file = path.join(dir, 'text.xlsx');
  fs.writeFileSync(file, '户编号,姓名\nH-1,赵大山\n'.repeat(20));
  await expect(read(file)).rejects.toThrow('not a zip');
});
