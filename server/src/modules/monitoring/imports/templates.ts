import ExcelJS from 'exceljs';
import {
  DEPARTMENT_DATA_HEADERS,
  INCOME_IMPORT_HEADERS,
  REQUIRED_DEPARTMENT_DATA_HEADERS,
  REQUIRED_INCOME_IMPORT_HEADERS,
} from '@anju/contracts';

interface Sheet {
  name: string;
  headers: readonly string[];
  required: readonly string[];
  /** Columns kept as text, so Excel does not turn ID numbers into 5.30102E+17. */
  text: string[];
  notes: Record<string, string>;
  lists?: Record<string, string[]>;
}

const DEPARTMENT: Sheet = {
  name: '部门数据',
  headers: DEPARTMENT_DATA_HEADERS,
  required: REQUIRED_DEPARTMENT_DATA_HEADERS,
  text: ['身份证号'],
  notes: {
    身份证号: '18 位（或 15 位旧号）；请将此列设为文本格式',
    姓名: '须与户籍登记的姓名一致',
    事项: '如 大额医疗支出、因灾房屋受损、失业登记',
    金额: '元，最多两位小数',
    日期: '发生日期，如 2026-03-01',
    备注: '可选，最多 200 字',
  },
};

const INCOMES: Sheet = {
  name: '收入',
  headers: INCOME_IMPORT_HEADERS,
  required: REQUIRED_INCOME_IMPORT_HEADERS,
  text: ['户编号'],
  notes: {
    户编号: '系统中的户编号；须为您所在居住地辖区的户',
    年度: '如 2025',
    期别: '年度（全年）或 年中；同一户同一年度、期别只填一行，已有记录将被覆盖',
    工资性收入: '元（整数；小数四舍五入），留空为 0',
    经营净收入: '元，亏损填负数，留空为 0',
    财产性收入: '元，留空为 0',
    转移性收入: '元，留空为 0',
    生产经营支出: '元，留空为 0',
    医疗自付: '元，留空为 0',
    教育支出: '元，留空为 0',
  },
  lists: { 期别: ['年度', '年中'] },
};

interface RangeValidations {
  dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void };
}

async function workbook(sheet: Sheet): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const data = wb.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: 1 }] });
  data.columns = sheet.headers.map((h) => ({
    header: h,
    key: h,
    width: h === '身份证号' ? 22 : 14,
    style: sheet.text.includes(h) ? { numFmt: '@' } : {},
  }));
  data.getRow(1).font = { bold: true };
  for (const [h, list] of Object.entries(sheet.lists ?? {})) {
    const col = data.getColumn(sheet.headers.indexOf(h) + 1).letter;
    // exceljs has range validations at run time, but not in its typings
    (data as unknown as RangeValidations).dataValidations.add(`${col}2:${col}5000`, {
      type: 'list',
      allowBlank: true,
      formulae: [`"${list.join(',')}"`],
    });
  }
  const help = wb.addWorksheet('说明');
  help.columns = [
    { header: '列', width: 14 },
    { header: '必填', width: 6 },
    { header: '说明', width: 60 },
  ];
  help.getRow(1).font = { bold: true };
  for (const h of sheet.headers) help.addRow([h, sheet.required.includes(h) ? '是' : '', sheet.notes[h]]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The department data template: the sheet 部门数据 with the headers, and 说明 describing each column. */
export const departmentDataTemplate = () => workbook(DEPARTMENT);

/** The incomes template: the sheet 收入 with the headers, and 说明. */
export const incomesTemplate = () => workbook(INCOMES);
