import ExcelJS from 'exceljs';

/** A template's data sheet: its headers, which are required, text columns, a note per column, lists to pick from. */
export interface TemplateSheet {
  name: string;
  headers: readonly string[];
  required: readonly string[];
  /** Columns kept as text, so Excel does not turn ID numbers into 5.30102E+17. */
  text: string[];
  notes: Record<string, string>;
  lists?: Record<string, string[]>;
}

interface RangeValidations {
  dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void };
}

/** The template workbook: the data sheet with its headers (text columns as text, lists as drop-downs) and 说明 describing each column. */
export async function templateWorkbook(sheet: TemplateSheet): Promise<Buffer> {
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
