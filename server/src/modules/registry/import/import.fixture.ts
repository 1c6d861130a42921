import ExcelJS from 'exceljs';
import { IMPORT_HEADERS, type ImportHeader } from '@anju/contracts';
import type { Client, TestApp } from '../../../../test/harness.ts';
import { randomIdNumber } from '../../../../test/harness.ts';
import type { RegistryWorld } from '../registry.fixture.ts';

export type Row = Partial<Record<ImportHeader, string>>;

/** Sends a file as the multipart upload of the import page. */
export function upload(client: Client, body: Buffer, fileName: string) {
  const boundary = `----anju${Math.random().toString(36).slice(2)}`;
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\n` +
        'Content-Type: application/octet-stream\r\n\r\n',
    ),
    body,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return client.request({
    method: 'POST',
    url: '/api/registry/imports',
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload,
  });
}

export async function codeOf(t: TestApp, placeId: number): Promise<string> {
  const [row] = await t.database.query<{ code: string }>('SELECT code FROM places WHERE id = $1', [placeId]);
  return row.code;
}

/** A household of two for `dwelling`: a head registered in the origin village and a child at the community. */
export async function householdRows(
  t: TestApp,
  w: RegistryWorld,
  key: string,
  dwelling: number,
): Promise<Row[]> {
  const common: Row = {
    户编号: key,
    住房代码: await codeOf(t, dwelling),
    迁出村代码: await codeOf(t, w.village),
    搬迁年份: '2019',
    安置方式: '城镇集中安置',
    户类型: '脱贫户',
    劳动能力: '有劳动力',
  };
  return [
    {
      ...common,
      与户主关系: '户主',
      姓名: '张建国',
      身份证号: randomIdNumber({ birth: '1975-02-03', sex: 'male' }),
      民族: '彝族',
      联系电话: '13912345678',
      人员标签: '低保对象、退役军人',
      党员: '是',
      户籍地代码: await codeOf(t, w.village),
    },
    {
      ...common,
      与户主关系: 'child',
      姓名: '张小梅',
      身份证号: randomIdNumber({ birth: '2010-07-08', sex: 'female' }),
      劳动能力: 'none',
      户籍地代码: await codeOf(t, w.tree.community),
    },
  ];
}

/** Fills the downloaded template's sheet 人口 with `rows`. */
export async function fillTemplate(template: Buffer, rows: Row[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(template as unknown as ArrayBuffer);
  const sheet = wb.getWorksheet('人口')!;
  for (const r of rows) sheet.addRow(IMPORT_HEADERS.map((h) => r[h] ?? ''));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const cell = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

export function csvOf(rows: Row[], headers: readonly string[] = IMPORT_HEADERS): string {
  return [
    headers.join(','),
    ...rows.map((r) => headers.map((h) => cell(r[h as ImportHeader] ?? '')).join(',')),
  ]
    .map((l) => `${l}\r\n`)
    .join('');
}

/** Counts of what an import writes, within one test's own tree. */
export async function written(t: TestApp, w: RegistryWorld) {
  const like = `${(await t.database.query<{ path: string }>('SELECT path FROM places WHERE id = $1', [w.tree.township]))[0].path}%`;
  const [row] = await t.database.query<{ households: number; persons: number; history: number }>(
    `SELECT (SELECT count(*)::int FROM households WHERE residence_path LIKE $1) AS households,
            (SELECT count(*)::int FROM persons WHERE residence_path LIKE $1) AS persons,
            (SELECT count(*)::int FROM registry_history r JOIN households h ON h.id = r.household_id
              WHERE h.residence_path LIKE $1) AS history`,
    [like],
  );
  return row;
}
