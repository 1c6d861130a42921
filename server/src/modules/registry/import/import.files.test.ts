import type { ImportError } from '@anju/contracts';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addPlace, errorCode, randomIdNumber, testApp, type TestApp } from '../../../../test/harness.ts';
import { UNSUPPORTED } from '../../../platform/files/upload.ts';
import { registryWorld, type RegistryWorld } from '../registry.fixture.ts';
import { csvOf, householdRows, upload, written, type Row } from './import.fixture.ts';

let t: TestApp;
let w: RegistryWorld;
let template: Buffer;
beforeAll(async () => {
  t = await testApp();
  w = await registryWorld(t);
  template = (await w.staff.get('/api/registry/import-template')).rawPayload;
});
afterAll(() => t.close());

const errorsOf = (body: { errors: { items: ImportError[] } }) => body.errors.items;

async function sheetOf(payload: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(payload as unknown as ArrayBuffer);
  return wb.worksheets[0];
}

describe('files refused as a whole', () => {
  it('a legacy .xls renamed .xlsx, a non-Excel file and an empty file', async () => {
    const ole = Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(512)]);
    const xls = await upload(w.staff, ole, '人口.xlsx');
    expect(xls.statusCode).toBe(415);
    expect(xls.json().error.details).toEqual([{ field: 'file', reason: UNSUPPORTED.legacy }]);
    expect(UNSUPPORTED.legacy).toMatch(/legacy \.xls.*save it as \.xlsx/);
    const png = await upload(w.staff, Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), 'photo.xlsx');
    expect(png.statusCode).toBe(415);
    expect(errorCode(png)).toBe('unsupported_media_type');
    const empty = await upload(w.staff, Buffer.alloc(0), 'empty.csv');
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.details).toEqual([{ field: 'file', reason: 'empty' }]);
  });

  it('a workbook whose sheets are not the template', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('名单').addRow(['序号', '名字', '电话']);
    const res = await upload(w.staff, Buffer.from(await wb.xlsx.writeBuffer()), '名单.xlsx');
    expect(res.statusCode).toBe(202);
    expect(res.json()).toMatchObject({
      status: 'failed',
      message: expect.stringMatching(/wrong sheet.*名单/),
    });
    expect(errorsOf(res.json())).toEqual([
      { row: 1, column: '文件', reason: 'file.wrong_sheet', params: { sheets: '名单' } },
    ]);
  });

  it('missing required headers, each named', async () => {
    const headers = ['户编号', '与户主关系', '姓名', '劳动能力', '户籍地代码', '安置方式', '户类型'];
    const res = await upload(w.staff, Buffer.from(csvOf([], headers)), '人口.csv');
    const job = res.json();
    expect(job.status).toBe('failed');
    expect(job.message).toBe('missing required columns: 身份证号, 住房代码');
    expect(errorsOf(job)).toEqual([
      { row: 1, column: '身份证号', reason: 'column.missing', params: {} },
      { row: 1, column: '住房代码', reason: 'column.missing', params: {} },
    ]);
  });

  it('a damaged workbook', async () => {
    const res = await upload(w.staff, template.subarray(0, 2000), '人口.xlsx');
    expect(res.json()).toMatchObject({
      status: 'failed',
      message: expect.stringMatching(/could not be read/),
    });
    expect(errorsOf(res.json())).toEqual([
      { row: 1, column: '文件', reason: 'file.unreadable', params: { format: 'xlsx' } },
    ]);
    const report = await sheetOf(
      (await w.staff.get(`/api/registry/imports/${res.json().id}/errors.xlsx`)).rawPayload,
    );
    expect(report.getRow(2).values).toEqual([
      undefined,
      1,
      '整个文件',
      '无法按 .xlsx 读取此文件，文件可能已损坏',
    ]);
  });
});

describe('bad rows, every one reported', () => {
  it('names the row, the column and the reason', async () => {
    const rows = await householdRows(t, w, 'A', w.dwelling2);
    const id = randomIdNumber();
    rows[0].身份证号 = id.slice(0, 17) + (id[17] === '0' ? '1' : '0');
    rows[1] = {
      ...rows[1],
      身份证号: '530602' + '20991301' + '1234',
      民族: '火星族',
      联系电话: '12',
      党员: '也许',
    };
    const before = await written(t, w);
    const job = (await upload(w.staff, Buffer.from(csvOf(rows)), 'bad.csv')).json();
    expect(job).toMatchObject({ status: 'validated', counts: { rows: 2, valid: 0, invalid: 2 } });
    expect(errorsOf(job)).toEqual([
      { row: 2, column: '身份证号', reason: 'id_number.check_digit', params: {} },
      { row: 3, column: '身份证号', reason: 'id_number.birth_date', params: {} },
      { row: 3, column: '民族', reason: 'value.unknown', params: { value: '火星族' } },
      { row: 3, column: '联系电话', reason: 'phone.invalid', params: {} },
      { row: 3, column: '党员', reason: 'party_member.invalid', params: {} },
    ]);
    const commit = await w.staff.post(`/api/registry/imports/${job.id}/commit`, { skipBadRows: false });
    expect(commit.statusCode).toBe(409);
    expect(await written(t, w)).toEqual(before);

    const url = `/api/registry/imports/${job.id}/errors.xlsx`;
    const zh = await sheetOf((await w.staff.get(url)).rawPayload);
    expect(zh.name).toBe('错误');
    expect(zh.rowCount).toBe(6);
    expect(zh.getRow(1).values).toEqual([undefined, '行号', '列', '问题']);
    expect(zh.getRow(2).values).toEqual([undefined, 2, '身份证号', '校验位不正确（GB 11643）']);
    expect(zh.getRow(4).values).toEqual([
      undefined,
      3,
      '民族',
      '无法识别的值「火星族」，可选值见工作表「说明」',
    ]);
    const en = await sheetOf((await w.staff.get(`${url}?lang=en-US`)).rawPayload);
    expect(en.getRow(1).values).toEqual([undefined, 'Row', 'Column', 'Problem']);
    expect(en.getRow(2).values).toEqual([undefined, 2, '身份证号', 'Check digit does not match (GB 11643)']);
    const asked = await w.staff.request({
      method: 'GET',
      url,
      headers: { 'accept-language': 'fr;q=0.9, en-GB;q=0.8' },
    });
    expect((await sheetOf(asked.rawPayload)).getRow(3).values).toEqual([
      undefined,
      3,
      '身份证号',
      'Holds an impossible birth date',
    ]);
    expect((await w.staff.get(`${url}?lang=fr`)).statusCode).toBe(400);
  });

  it('duplicate ID numbers in the file name both rows; heads are one a household', async () => {
    const a = await householdRows(t, w, '1', w.dwelling2);
    const b = await householdRows(t, w, '2', w.tree.dwelling);
    b[1].身份证号 = a[0].身份证号;
    b[0].与户主关系 = '配偶';
    a[1].与户主关系 = '户主';
    const job = (await upload(w.staff, Buffer.from(csvOf([...a, ...b])), 'dup.csv')).json();
    expect(errorsOf(job)).toEqual(
      expect.arrayContaining([
        { row: 2, column: '身份证号', reason: 'duplicate.in_file', params: { rows: '5', count: 1 } },
        { row: 5, column: '身份证号', reason: 'duplicate.in_file', params: { rows: '2', count: 1 } },
        { row: 2, column: '与户主关系', reason: 'household.heads', params: { household: '1', count: 2 } },
        { row: 3, column: '与户主关系', reason: 'household.heads', params: { household: '1', count: 2 } },
        { row: 4, column: '与户主关系', reason: 'household.no_head', params: { household: '2' } },
      ]),
    );
  });

  it('a value repeated many times names five of its other rows and counts them all', async () => {
    const rows = await householdRows(t, w, '9', w.dwelling2);
    const copies = Array.from({ length: 6 }, () => ({ ...rows[1] }));
    const job = (await upload(w.staff, Buffer.from(csvOf([...rows, ...copies])), 'many.csv')).json();
    expect(errorsOf(job).find((e) => e.row === 3)).toEqual({
      row: 3,
      column: '身份证号',
      reason: 'duplicate.in_file',
      params: { rows: '4, 5, 6, 7, 8, …', count: 6 },
    });
  });
});

describe('encodings', () => {
  const roundTrip = async (encode: (csv: string) => Buffer, name: string, key: string) => {
    const dwelling = await addPlace(t.database, w.tree.building, 'dwelling', `${key}室`);
    const rows: Row[] = await householdRows(t, w, key, dwelling);
    const job = (await upload(w.staff, encode(csvOf(rows)), name)).json();
    expect(job).toMatchObject({ status: 'validated', counts: { valid: 2, invalid: 0 } });
    const done = await w.staff.post(`/api/registry/imports/${job.id}/commit`, { skipBadRows: false });
    expect(done.json().status).toBe('committed');
    const found = (await w.staff.post('/api/persons/search', { idNumber: rows[1].身份证号 })).json().items;
    expect(found.map((p: { name: string }) => p.name)).toEqual(['张小梅']);
  };

  it('reads GBK CSV as Chinese Excel saves it', () =>
    roundTrip((csv) => iconv.encode(csv, 'gbk'), '人口-gbk.csv', '301'));
  it('reads UTF-8 CSV with a BOM', () =>
    roundTrip((csv) => Buffer.from(`\uFEFF${csv}`, 'utf8'), '人口-utf8.csv', '302'));
});
