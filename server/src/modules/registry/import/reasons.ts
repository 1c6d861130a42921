import { WHOLE_FILE, type ImportReason, type ImportReasonParams } from '@anju/contracts';

export const REPORT_LANGUAGES = ['zh-CN', 'en-US'] as const;
export type ReportLanguage = (typeof REPORT_LANGUAGES)[number];

type Labels = Record<ImportReason, string> & { file: string; row: string; column: string; reason: string };

/** The error report's words; the web keeps the same labels in its own i18n. */
const LABELS: Record<ReportLanguage, Labels> = {
  'zh-CN': {
    row: '行号',
    column: '列',
    reason: '问题',
    file: '整个文件',
    'file.unreadable': '无法按 .{{format}} 读取此文件，文件可能已损坏',
    'file.wrong_sheet': '工作表不对：请使用模板的工作表「人口」，首行为表头（现有工作表：{{sheets}}）',
    'file.no_rows': '文件没有内容：首行应为模板的表头',
    'file.not_template': '首行不是模板的表头（户编号、姓名、身份证号……）',
    'column.missing': '缺少此必填列',
    'cell.required': '必填',
    'cell.too_long': '最多 {{max}} 个字符',
    'value.unknown': '无法识别的值「{{value}}」，可选值见工作表「说明」',
    'name.invalid': '姓名只能包含文字，最多 32 个字',
    'id_number.scientific': 'Excel 把身份证号存成了数字，末几位已丢失：请把该列设为文本格式后重新填写',
    'id_number.format': '应为 18 位（17 位数字加数字或 X）或 15 位旧号',
    'id_number.region': '前六位不是已知的县级行政区划代码（GB/T 2260）',
    'id_number.birth_date': '出生日期不成立',
    'id_number.check_digit': '校验位不正确（GB 11643）',
    'phone.invalid': '不是有效的电话号码',
    'health.forbidden': '您没有修改健康状况的权限',
    'disability_grade.invalid': '应为一级至四级（1–4）',
    'tag.unknown': '无法识别的人员标签「{{value}}」，可选值见工作表「说明」',
    'party_member.invalid': '应填“是”或“否”',
    'relocation_year.invalid': '应为 2000 至 2100 之间的年份',
    'place.unknown': '找不到代码为 {{code}} 的地点',
    'place.not_village_or_community': '{{code}} 不是村或社区的代码',
    'place.not_village': '{{code}} 不是村的代码',
    'place.not_dwelling': '{{code}} 不是住房的代码',
    'dwelling.out_of_scope': '该住房不在您的管辖范围内',
    'dwelling.outside_community': '该住房不在安置社区内',
    'dwelling.occupied': '该住房已有其他户居住',
    'dwelling.moved': '户 {{household}} 已登记在其他住房，搬家请办理住房变更',
    'dwelling.shared': '与其他 {{count}} 户填了同一住房（户编号 {{households}}）',
    'duplicate.in_file': '身份证号与文件中其他 {{count}} 行重复（第 {{rows}} 行）',
    'duplicate.other_jurisdiction': '该身份证号已在其他辖区登记',
    'household.no_head': '户 {{household}} 没有户主',
    'household.heads': '户 {{household}} 有 {{count}} 个户主',
    'household.split': '户 {{household}} 的成员已登记在不同的户',
    'household.disagree': '户 {{household}} 各行此列填写不一致',
    'column.ignored': '列「{{column}}」不是模板的列，未导入',
    'sheet.ignored': '工作表「{{sheet}}」也有数据，未导入：只导入一个工作表',
  },
  'en-US': {
    row: 'Row',
    column: 'Column',
    reason: 'Problem',
    file: 'Whole file',
    'file.unreadable': 'The file could not be read as .{{format}}; it may be damaged',
    'file.wrong_sheet':
      'Wrong sheet: use the template sheet 人口, whose first row is its header (sheets: {{sheets}})',
    'file.no_rows': 'The file holds no rows: its first row must be the header of the template',
    'file.not_template': 'The first row is not the header of the template (户编号, 姓名, 身份证号, …)',
    'column.missing': 'This required column is missing',
    'cell.required': 'Required',
    'cell.too_long': 'At most {{max}} characters',
    'value.unknown': 'Unknown value "{{value}}"; see the sheet 说明 for the allowed values',
    'name.invalid': 'Letters only, at most 32',
    'id_number.scientific':
      'Excel stored the ID number as a number and dropped its last digits: format the column as text and enter it again',
    'id_number.format': 'Must be 18 characters (17 digits and a digit or X) or a 15-digit legacy number',
    'id_number.region': 'The first six digits are not a known county-level region code (GB/T 2260)',
    'id_number.birth_date': 'Holds an impossible birth date',
    'id_number.check_digit': 'Check digit does not match (GB 11643)',
    'phone.invalid': 'Not a valid phone number',
    'health.forbidden': 'You may not change health status',
    'disability_grade.invalid': 'Must be grade 1–4 (一级 to 四级)',
    'tag.unknown': 'Unknown person tag "{{value}}"; see the sheet 说明',
    'party_member.invalid': 'Must be 是 (yes) or 否 (no)',
    'relocation_year.invalid': 'Must be a year from 2000 to 2100',
    'place.unknown': 'No place has the code {{code}}',
    'place.not_village_or_community': '{{code}} is not the code of a village or community',
    'place.not_village': '{{code}} is not the code of a village',
    'place.not_dwelling': '{{code}} is not the code of a dwelling',
    'dwelling.out_of_scope': 'The dwelling is outside your jurisdiction',
    'dwelling.outside_community': 'The dwelling is not inside a resettlement community',
    'dwelling.occupied': 'Another household already lives in the dwelling',
    'dwelling.moved':
      'Household {{household}} is registered in another dwelling; moving is a change of dwelling',
    'dwelling.shared': 'The same dwelling as {{count}} other households ({{households}})',
    'duplicate.in_file': 'The same ID number as {{count}} other rows (row {{rows}})',
    'duplicate.other_jurisdiction': 'The ID number is already registered in another jurisdiction',
    'household.no_head': 'Household {{household}} has no head',
    'household.heads': 'Household {{household}} has {{count}} heads',
    'household.split': 'Members of household {{household}} are registered in different households',
    'household.disagree': 'The rows of household {{household}} disagree on this column',
    'column.ignored': 'The column "{{column}}" is not one of the template and was not imported',
    'sheet.ignored': 'The sheet "{{sheet}}" also holds data and was not imported: one sheet is imported',
  },
};

/** The language of a request: `lang` if given, else the first of Accept-Language we speak, else zh-CN. */
export function reportLanguage(lang: string | undefined, acceptLanguage: string | undefined): ReportLanguage {
  const wanted = [lang, ...(acceptLanguage ?? '').split(',').map((p) => p.split(';')[0].trim())];
  for (const w of wanted) {
    if (!w) continue;
    const hit = REPORT_LANGUAGES.find((l) => l.split('-')[0] === w.toLowerCase().split('-')[0]);
    if (hit) return hit;
  }
  return 'zh-CN';
}

/** The labels of one language: headers, the whole-file column, and each reason with its parameters. */
export function reportLabels(language: ReportLanguage) {
  const l = LABELS[language];
  return {
    header: { row: l.row, column: l.column, reason: l.reason },
    column: (column: string) => (column === WHOLE_FILE ? l.file : column),
    reason: (reason: ImportReason, params: ImportReasonParams = {}) =>
      (l[reason] ?? reason).replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(params[k] ?? '')),
  };
}
