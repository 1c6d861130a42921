import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEPARTMENT_DATA_HEADERS, REQUIRED_DEPARTMENT_DATA_HEADERS } from '@anju/contracts';
import { xlsx } from './imports.fixture.ts';
import { openRows } from '../../../platform/files/import/reader.ts';

// exceljs's own pass over the zip writes a sheet stored before the shared strings to a temporary file;
// when that was slow (a busy disk), the pass lost the parts after the sheet and the file was unreadable
const tmp = createRequire(createRequire(import.meta.url).resolve('exceljs'))('tmp') as {
  file: (...args: unknown[]) => void;
};
const tmpFile = tmp.file;
let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'anju-reader-test-'));
  tmp.file = (...args) => setTimeout(() => tmpFile(...args), 50);
});
afterAll(() => {
  tmp.file = tmpFile;
  fs.rmSync(dir, { recursive: true, force: true });
});

it('reads a workbook whose sheet precedes its shared strings, styles and workbook, four at a time, dates as dates', async () => {
  const rows = [
    {
      身份证号: '110101198001020011',
      姓名: '赵大山',
      事项: '因病住院',
      金额: 1200,
      日期: new Date(Date.UTC(2026, 1, 3)),
    },
    {
      身份证号: '110101198001020012',
      姓名: '赵小川',
      事项: '大额医疗支出',
      金额: '48000.50',
      日期: '2026-03-01',
    },
  ];
  const book = await xlsx(DEPARTMENT_DATA_HEADERS, rows);
  const stored = ['xl/worksheets/sheet1.xml', 'xl/sharedStrings.xml', 'xl/styles.xml', 'xl/workbook.xml'];
  const at = stored.map((name) => book.indexOf(name));
  expect(at).toEqual([...at].sort((a, b) => a - b));
  const read = async (i: number) => {
    const file = path.join(dir, `${i}.xlsx`);
    fs.writeFileSync(file, book);
    const found = [];
    for await (const row of await openRows(
      file,
      'xlsx',
      DEPARTMENT_DATA_HEADERS,
      REQUIRED_DEPARTMENT_DATA_HEADERS,
    ))
      found.push(row);
    return found;
  };
  for (let round = 0; round < 5; round++) {
    const all = await Promise.all([0, 1, 2, 3].map((i) => read(round * 4 + i)));
    for (const found of all)
      expect(found).toEqual([
        { rowNo: 2, cells: ['110101198001020011', '赵大山', '因病住院', '1200', '2026-02-03', ''] },
        { rowNo: 3, cells: ['110101198001020012', '赵小川', '大额医疗支出', '48000.50', '2026-03-01', ''] },
      ]);
  }
});
