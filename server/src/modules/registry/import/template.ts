import ExcelJS from 'exceljs';
import { IMPORT_HEADERS, REQUIRED_IMPORT_HEADERS, type ImportHeader } from '@anju/contracts';
import type { Database } from '../../../db/client.ts';
import { ZH } from '../labels.ts';
import { DATA_SHEET } from './source.ts';

const labels = (list: string) => Object.values(ZH[list]);

/** What each column holds; lists are given as their Chinese labels (codes are accepted too). */
function notes(tags: string[]): Record<ImportHeader, [string, string[]?]> {
  return {
    户编号: ['同一户的成员填相同的编号（仅在本文件内有效，如 1、1、1、2、2）'],
    与户主关系: ['每户有且只有一位户主', labels('relation')],
    姓名: ['中文姓名'],
    身份证号: ['18 位（或 15 位旧号）；请将此列设为文本格式。已登记的身份证号将更新该人员'],
    民族: ['留空为汉族', labels('ethnicity')],
    联系电话: ['手机或固定电话'],
    文化程度: ['', labels('education')],
    健康状况: ['留空为健康', labels('health')],
    残疾等级: ['1–4 或 一级–四级'],
    劳动能力: ['', labels('labour')],
    人员标签: ['多个标签用顿号（、）分隔', tags],
    党员: ['是 / 否，留空为否'],
    户籍地代码: ['户籍所在村或社区的 12 位代码'],
    住房代码: ['所住住房的代码；每户一套，须在您的管辖范围内'],
    迁出村代码: ['迁出村的 12 位代码'],
    搬迁年份: ['如 2018'],
    安置方式: ['', labels('resettlement')],
    户类型: ['', labels('poverty')],
  };
}

const TEXT_COLUMNS: ImportHeader[] = [
  '户编号',
  '身份证号',
  '联系电话',
  '户籍地代码',
  '住房代码',
  '迁出村代码',
];
const LISTS: Partial<Record<ImportHeader, string[]>> = {
  与户主关系: labels('relation'),
  文化程度: labels('education'),
  健康状况: labels('health'),
  劳动能力: labels('labour'),
  党员: ['是', '否'],
  安置方式: labels('resettlement'),
  户类型: labels('poverty'),
};
const ROWS = 5000;
interface RangeValidations {
  dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void };
}

/** The import template: the sheet 人口 with the headers, and the sheet 说明 with the allowed values. */
export async function importTemplate(database: Database): Promise<Buffer> {
  const tags = await database.query<{ label_zh: string }>(
    `SELECT label_zh FROM dictionary_entries WHERE kind = 'person_tag' AND active ORDER BY sort, code`,
  );
  const wb = new ExcelJS.Workbook();
  const data = wb.addWorksheet(DATA_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  data.columns = IMPORT_HEADERS.map((h) => ({
    header: h,
    key: h,
    width: h === '身份证号' ? 22 : h.length > 3 || TEXT_COLUMNS.includes(h) ? 16 : 10,
    style: TEXT_COLUMNS.includes(h) ? { numFmt: '@' } : {},
  }));
  data.getRow(1).font = { bold: true };
  IMPORT_HEADERS.forEach((h, i) => {
    const list = LISTS[h];
    if (!list) return;
    const col = data.getColumn(i + 1).letter;
    // exceljs has range validations at run time, but not in its typings
    (data as unknown as RangeValidations).dataValidations.add(`${col}2:${col}${ROWS}`, {
      type: 'list',
      allowBlank: true,
      formulae: [`"${list.join(',')}"`],
    });
  });
  const help = wb.addWorksheet('说明');
  help.columns = [
    { header: '列', width: 12 },
    { header: '必填', width: 6 },
    { header: '说明', width: 48 },
    { header: '允许的值', width: 80 },
  ];
  help.getRow(1).font = { bold: true };
  const n = notes(tags.map((t) => t.label_zh));
  for (const h of IMPORT_HEADERS) {
    const [text, values] = n[h];
    help.addRow([h, REQUIRED_IMPORT_HEADERS.includes(h) ? '是' : '', text, values?.join('、') ?? '']);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
