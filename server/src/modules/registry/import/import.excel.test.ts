import type { ImportError } from '@anju/contracts';
import { IMPORT_HEADERS } from '@anju/contracts';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addPlace, testApp, type TestApp } from '../../../../test/harness.ts';
import { registryWorld, type RegistryWorld } from '../registry.fixture.ts';
import { householdRows, upload, type Row } from './import.fixture.ts';

let t: TestApp;
let w: RegistryWorld;
beforeAll(async () => {
  t = await testApp();
  w = await registryWorld(t);
});
afterAll(() => t.close());

const errorsOf = (body: { errors: { items: ImportError[] } }) => body.errors.items;
const rowsOf = async (room: string) =>
  householdRows(t, w, room, await addPlace(t.database, w.tree.building, 'dwelling', room));

/** A workbook as an official makes it: the sheet 人口 with `headers`, then rows of cell values. */
async function workbook(headers: string[], rows: ExcelJS.CellValue[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('人口');
  sheet.addRow(headers);
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
const valuesOf = (r: Row, over: Partial<Record<string, ExcelJS.CellValue>> = {}) =>
  IMPORT_HEADERS.map((h) => (h in over ? over[h] : (r[h] ?? '')));

describe('搬迁年份 as Excel holds it', () => {
  it('reads the year of a date, typed or stored as a number of days, and gives a row error for what is no year', async () => {
    const [a, b] = await rowsOf('701室');
    const [c, d] = await rowsOf('702室');
    const [e, f] = await rowsOf('703室');
    const file = await workbook(
      [...IMPORT_HEADERS],
      [
        valuesOf(a, { 搬迁年份: new Date(Date.UTC(2019, 4, 1)) }),
        valuesOf(b, { 搬迁年份: new Date(Date.UTC(2019, 4, 1)) }),
        valuesOf(c, { 搬迁年份: 43466 }),
        valuesOf(d, { 搬迁年份: '2019年1月' }),
        valuesOf(e, { 搬迁年份: 12345 }),
        valuesOf(f, { 搬迁年份: '二〇一九' }),
      ],
    );
    const res = await upload(w.staff, file, '人口.xlsx');
    expect(res.statusCode).toBe(202);
    expect(res.json()).toMatchObject({ status: 'validated', counts: { valid: 4, invalid: 2 } });
    expect(errorsOf(res.json())).toEqual([
      { row: 6, column: '搬迁年份', reason: 'relocation_year.invalid', params: {} },
      { row: 7, column: '搬迁年份', reason: 'relocation_year.invalid', params: {} },
    ]);
    const years = await t.database.query<{ relocation_year: number | null }>(
      `SELECT relocation_year FROM registry_import_rows WHERE import_id = $1 ORDER BY row_no`,
      [Number(res.json().id)],
    );
    expect(years.map((y) => y.relocation_year)).toEqual([2019, 2019, 2019, 2019, null, null]);
  });
});
