import ExcelJS from 'exceljs';
import type { Client } from '../../../test/harness.ts';

/**
 * An XLSForm written as pyxform's tests write them: `| survey |` starts a sheet, the rows below are
 * its cells (the first its header), the leading empty cell of each row dropped.
 */
export function sheetsOf(md: string): Record<string, string[][]> {
  const sheets: Record<string, string[][]> = {};
  let current: string[][] | undefined;
  for (const line of md.split('\n').map((l) => l.trim())) {
    if (!line.startsWith('|')) continue;
    const cells = line
      .slice(1, line.endsWith('|') ? -1 : undefined)
      .split('|')
      .map((c) => c.trim());
    if (cells[0]) current = sheets[cells[0]] = [];
    else if (current && cells.slice(1).some(Boolean)) current.push(cells.slice(1));
  }
  return sheets;
}

/** Builds the .xlsx workbook of sheets given as rows of cells. */
export async function workbook(sheets: Record<string, (string | number)[][]>): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = book.addWorksheet(name);
    for (const r of rows) ws.addRow(r);
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** Posts a workbook as the form of `placeId`. */
export function importForm(c: Client, placeId: number, file: Buffer, fileName = '满意度调查.xlsx') {
  const boundary = `----anju${Math.random().toString(36).slice(2)}`;
  return c.request({
    method: 'POST',
    url: '/api/surveys/forms',
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="placeId"\r\n\r\n${placeId}\r\n` +
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\n` +
          'Content-Type: application/octet-stream\r\n\r\n',
      ),
      file,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
  });
}

/** A satisfaction survey of a resettlement community, with a relevant question, a constraint, a repeat and a calculation. */
export const SATISFACTION = (formId: string, version = '2026030501') => ({
  survey: [
    [
      'type',
      'name',
      'label::中文 (zh)',
      'label::English (en)',
      'relevant',
      'constraint',
      'constraint_message::中文 (zh)',
      'required',
      'calculation',
      'appearance',
    ],
    ['begin group', 'overall', '总体评价', 'Overall', '', '', '', '', '', 'field-list'],
    [
      'select_one score',
      'satisfaction',
      '您对社区服务满意吗？',
      'Are you satisfied with the services?',
      '',
      '',
      '',
      'yes',
      '',
      '',
    ],
    [
      'text',
      'why_not',
      '请说明不满意的原因',
      'Why not?',
      '${satisfaction} <= 2',
      '',
      '',
      'yes',
      '',
      'multiline',
    ],
    ['end group', '', '', '', '', '', '', '', '', ''],
    [
      'select_multiple topic',
      'topics',
      '您最关心哪些事？',
      'What matters most?',
      '',
      'count-selected(.) <= 2',
      '最多选两项',
      '',
      '',
      '',
    ],
    [
      'integer',
      'years',
      '搬迁入住几年了？',
      'Years since moving in',
      '',
      '. >= 0 and . <= 20',
      '请填写0到20之间的年数',
      'yes',
      '',
      '',
    ],
    ['begin repeat', 'children', '家中上学的孩子', 'Children at school', '', '', '', '', '', ''],
    ['integer', 'child_age', '年龄', 'Age', '', '. >= 3 and . <= 18', '年龄应在3到18岁之间', 'yes', '', ''],
    ['calculate', 'child_no', '', '', '', '', '', '', 'position(..)', ''],
    ['end repeat', '', '', '', '', '', '', '', '', ''],
    ['calculate', 'child_count', '', '', '', '', '', '', 'count(${children})', ''],
  ],
  choices: [
    ['list_name', 'name', 'label::中文 (zh)', 'label::English (en)'],
    ...['非常不满意', '不满意', '一般', '满意', '非常满意'].map((l, i) => [
      'score',
      String(i + 1),
      l,
      `score ${i + 1}`,
    ]),
    ['topic', 'jobs', '就业', 'Jobs'],
    ['topic', 'school', '上学', 'School'],
    ['topic', 'health', '看病', 'Health care'],
    ['topic', 'safety', '治安', 'Safety'],
  ],
  settings: [
    ['form_title', 'form_id', 'version', 'default_language'],
    ['安置社区居民满意度调查', formId, version, '中文 (zh)'],
  ],
});
