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

/** The staged fields of the rows of import `id`. */
const stagedOf = (id: string) =>
  t.database.query<{
    row_no: number;
    ethnicity: string | null;
    phone_masked: string | null;
    education: string | null;
  }>(
    `SELECT row_no, ethnicity, phone_masked, education FROM registry_import_rows WHERE import_id = $1 ORDER BY row_no`,
    [Number(id)],
  );

describe('headers and sheets as officials make them', () => {
  it('reads headers spelled differently, and lists every column it does not read', async () => {
    const [a, b] = await rowsOf('711室');
    a.文化程度 = '本科';
    const spelled: Record<string, string> = {
      联系电话: '手机号码',
      民族: '民 族',
      文化程度: '文化程度（学历）',
      身份证号: '身份证号码',
      与户主关系: '与户主关系*',
    };
    const headers = [...IMPORT_HEADERS.map((h) => spelled[h] ?? h), '备注', '姓名'];
    const file = await workbook(headers, [
      [...valuesOf(a), '低保户', '重复'],
      [...valuesOf(b), '', ''],
    ]);
    const job = (await upload(w.staff, file, '人口.xlsx')).json();
    expect(job).toMatchObject({ status: 'validated', counts: { valid: 2, invalid: 0 } });
    expect(job.notes).toEqual([
      { row: 0, column: '备注', reason: 'column.ignored', params: { column: '备注' } },
      { row: 0, column: '姓名', reason: 'column.ignored', params: { column: '姓名' } },
    ]);
    const [head] = await stagedOf(job.id);
    expect(head.ethnicity).not.toBeNull();
    expect(head.ethnicity).not.toBe('01');
    expect(head.phone_masked).toMatch(/^139/);
    expect(head.education).not.toBeNull();
  });

  it('says when a second sheet holds data too', async () => {
    const [a, b] = await rowsOf('712室');
    const wb = new ExcelJS.Workbook();
    const first = wb.addWorksheet('一组');
    const second = wb.addWorksheet('二组');
    wb.addWorksheet('说明').addRow(['每人一行']);
    for (const sheet of [first, second]) sheet.addRow([...IMPORT_HEADERS]);
    first.addRow(valuesOf(a));
    first.addRow(valuesOf(b));
    second.addRow(valuesOf(a));
    const job = (await upload(w.staff, Buffer.from(await wb.xlsx.writeBuffer()), '人口.xlsx')).json();
    expect(job).toMatchObject({ status: 'validated', counts: { rows: 2 } });
    expect(job.notes).toEqual([
      { row: 0, column: '文件', reason: 'sheet.ignored', params: { sheet: '二组' } },
    ]);
  });
});

describe('numbers as Excel holds them', () => {
  it('normalises full-width digits', async () => {
    const [a, b] = await rowsOf('713室');
    const wide = (v?: string) =>
      (v ?? '').replace(/[0-9X]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
    const file = await workbook(
      [...IMPORT_HEADERS],
      [a, b].map((r) =>
        valuesOf(r, { 身份证号: wide(r.身份证号), 住房代码: wide(r.住房代码), 搬迁年份: '２０１９' }),
      ),
    );
    const job = (await upload(w.staff, file, '人口.xlsx')).json();
    expect(errorsOf(job)).toEqual([]);
    expect(job).toMatchObject({ status: 'validated', counts: { valid: 2 } });
  });

  it('says that Excel stored an ID number as a number', async () => {
    const [a, b] = await rowsOf('714室');
    const file = await workbook(
      [...IMPORT_HEADERS],
      [valuesOf(a, { 身份证号: Number(a.身份证号!.slice(0, 17) + '1') }), valuesOf(b)],
    );
    const job = (await upload(w.staff, file, '人口.xlsx')).json();
    expect(errorsOf(job)).toEqual([
      { row: 2, column: '身份证号', reason: 'id_number.scientific', params: {} },
    ]);
  });
});

describe('households as paper registers lay them out', () => {
  it('fills a household number merged down its members', async () => {
    const [a, b] = await rowsOf('721室');
    const [c, d] = await rowsOf('722室');
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('人口');
    sheet.addRow([...IMPORT_HEADERS]);
    for (const r of [a, b, c, d]) sheet.addRow(valuesOf(r));
    // the key and the household's columns written once, on its first row
    for (const [top, bottom] of [
      [2, 3],
      [4, 5],
    ])
      for (const h of ['户编号', '住房代码', '迁出村代码', '搬迁年份', '安置方式', '户类型'] as const) {
        const col = sheet.getColumn(IMPORT_HEADERS.indexOf(h) + 1).letter;
        sheet.getCell(`${col}${bottom}`).value = null;
        sheet.mergeCells(`${col}${top}:${col}${bottom}`);
      }
    const job = (await upload(w.staff, Buffer.from(await wb.xlsx.writeBuffer()), '人口.xlsx')).json();
    expect(errorsOf(job)).toEqual([]);
    expect(job).toMatchObject({ status: 'validated', counts: { valid: 4, households: 2 } });
  });

  it('never commits part of a household: a member without the household number takes the household above with it', async () => {
    const [a, b] = await rowsOf('723室');
    const [c, d] = await rowsOf('724室');
    const file = await workbook(
      [...IMPORT_HEADERS],
      [valuesOf(a), valuesOf(b, { 户编号: '' }), valuesOf(c), valuesOf(d)],
    );
    const job = (await upload(w.staff, file, '人口.xlsx')).json();
    expect(errorsOf(job)).toContainEqual({ row: 3, column: '户编号', reason: 'cell.required', params: {} });
    expect(job.counts).toMatchObject({ rows: 4, invalid: 1, skipped: 2, households: 1 });
  });
});

describe('the header below a title and group headings', () => {
  it('finds the header under a title row merged across the table', async () => {
    const [a, b] = await rowsOf('731室');
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('一组');
    sheet.addRow(['幸福安置点搬迁群众花名册']);
    sheet.mergeCells(1, 1, 1, IMPORT_HEADERS.length);
    sheet.addRow([...IMPORT_HEADERS]);
    for (const r of [a, b]) sheet.addRow(valuesOf(r));
    const job = (await upload(w.staff, Buffer.from(await wb.xlsx.writeBuffer()), '花名册.xlsx')).json();
    expect(errorsOf(job)).toEqual([]);
    expect(job).toMatchObject({ status: 'validated', notes: [], counts: { rows: 2, valid: 2 } });
  });

  it('reads a two-row header: the names under their group headings, the heading above where no name is under it', async () => {
    const [a, b] = await rowsOf('732室');
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('人口');
    sheet.addRow(['幸福安置点搬迁群众花名册']);
    sheet.mergeCells(1, 1, 1, IMPORT_HEADERS.length);
    const person = ['与户主关系', '姓名', '身份证号', '民族'].map(
      (h) => IMPORT_HEADERS.indexOf(h as never) + 1,
    );
    const [from, to] = [Math.min(...person), Math.max(...person)];
    // the household's columns named once above (merged down or not), the person's under 人员信息
    sheet.addRow(
      IMPORT_HEADERS.map((h, i) => (i + 1 === from ? '人员信息' : i + 1 > from && i + 1 <= to ? '' : h)),
    );
    sheet.addRow(IMPORT_HEADERS.map((h, i) => (i + 1 >= from && i + 1 <= to ? h : '')));
    sheet.mergeCells(2, from, 2, to);
    const key = IMPORT_HEADERS.indexOf('户编号') + 1;
    sheet.mergeCells(2, key, 3, key);
    for (const r of [a, b]) sheet.addRow(valuesOf(r));
    const job = (await upload(w.staff, Buffer.from(await wb.xlsx.writeBuffer()), '花名册.xlsx')).json();
    expect(errorsOf(job)).toEqual([]);
    expect(job).toMatchObject({
      status: 'validated',
      notes: [],
      counts: { rows: 2, valid: 2, households: 1 },
    });
    const [head] = await stagedOf(job.id);
    expect(head.ethnicity).not.toBe('01');
  });
});
