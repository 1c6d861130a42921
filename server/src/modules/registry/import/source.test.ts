import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { IMPORT_HEADERS } from '@anju/contracts';
import { DATA_SHEET, openSource } from './source.ts';

// a slow temporary file for the sheet exceljs's own pass over the zip sets aside made it lose the parts after it
const tmp = createRequire(createRequire(import.meta.url).resolve('exceljs'))('tmp') as {
  file: (...args: unknown[]) => void;
};
const tmpFile = tmp.file;
let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'anju-source-test-'));
  tmp.file = (...args) => setTimeout(() => tmpFile(...args), 50);
});
afterAll(() => {
  tmp.file = tmpFile;
  fs.rmSync(dir, { recursive: true, force: true });
});

async function workbook(name: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('填写说明').addRow(['每人一行']);
  const sheet = wb.addWorksheet(DATA_SHEET);
  sheet.addRow([...IMPORT_HEADERS]);
  sheet.addRow(IMPORT_HEADERS.map((h) => (h === '姓名' ? '赵大山' : h === '户编号' ? 'H-1' : '')));
  const file = path.join(dir, name);
  fs.writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));
  return file;
}

it('opens the data sheet of a workbook four at a time', async () => {
  const file = await workbook('many.xlsx');
  const name = IMPORT_HEADERS.indexOf('姓名');
  for (let round = 0; round < 5; round++) {
    const read = async () => {
      const rows = [];
      for await (const row of await openSource(file, 'xlsx'))
        rows.push([row.rowNo, row.cells[0], row.cells[name]]);
      return rows;
    };
    for (const rows of await Promise.all([read(), read(), read(), read()]))
      expect(rows).toEqual([[2, 'H-1', '赵大山']]);
  }
});
