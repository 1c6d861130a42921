import type ExcelJS from 'exceljs';
import { WHOLE_FILE_COLUMN } from '@anju/contracts';
import { AppError } from '../../errors.ts';
import { cellText, xlsxSheets, type FileFormat } from '../xlsx.ts';
import { csvRecords, textChunks } from '../csv.ts';

/** One data row: its spreadsheet row number and its cells in the template's header order ('' when absent). */
export interface Row {
  rowNo: number;
  cells: string[];
}

interface Record_ {
  rowNo: number;
  values: string[];
}

/** The whole file is refused: a 400 naming the reason code for each column concerned. */
export const refused = (message: string, reason: string, columns: readonly string[] = [WHOLE_FILE_COLUMN]) =>
  new AppError(
    'validation_failed',
    message,
    columns.map((field) => ({ field, reason })),
  );

const blank = (values: string[]) => values.every((v) => v.trim() === '');
const headerName = (h: string) =>
  h
    .trim()
    .replace(/^\uFEFF/, '')
    .replace(/\*$/, '');

/** The rows of the first sheet holding a header of the template, streamed (styles read, so dates stay dates). */
async function* xlsxRecords(file: string, required: readonly string[]): AsyncGenerator<Record_> {
  for await (const sheet of xlsxSheets(file, 'cache')) {
    let header = false;
    let other = false;
    for await (const row of sheet) {
      if (other) continue;
      const values = (row.values as ExcelJS.CellValue[]).slice(1).map(cellText);
      if (!header && blank(values)) continue;
      header ||= values.some((v) => required.includes(headerName(v ?? '')));
      if (header) yield { rowNo: row.number, values };
      else other = true;
    }
    if (header) return;
  }
}

async function* csvFileRecords(file: string): AsyncGenerator<Record_> {
  let rowNo = 0;
  for await (const values of csvRecords(textChunks(file, () => {}))) yield { rowNo: ++rowNo, values };
}

/** A damaged zip or bad XML is the caller's mistake, not a bug. */
async function* readable(format: FileFormat, records: AsyncGenerator<Record_>): AsyncGenerator<Record_> {
  try {
    yield* records;
  } catch (err) {
    if (err instanceof AppError) throw err;
    const message = `the file could not be read as .${format}: ${(err as Error).message}`;
    throw refused(message.slice(0, 300), 'file.unreadable');
  }
}

/**
 * Opens a .xlsx or .csv file (UTF-8 or GBK) as rows of the template `headers`: the first non-blank
 * row is the header, columns may come in any order, and a file lacking required headers is refused.
 * Rows are read one at a time, never the whole file.
 */
export async function openRows(
  file: string,
  format: FileFormat,
  headers: readonly string[],
  required: readonly string[],
): Promise<AsyncGenerator<Row>> {
  const records = readable(format, format === 'xlsx' ? xlsxRecords(file, required) : csvFileRecords(file));
  let first = await records.next();
  while (!first.done && blank(first.value.values)) first = await records.next();
  const template = `the first row must be the template's header (${headers.join(', ')})`;
  if (first.done)
    throw format === 'xlsx'
      ? refused(`no sheet has the template's header (${headers.join(', ')})`, 'file.not_template')
      : refused(`the file holds no rows: ${template}`, 'file.no_rows');
  const header = first.value.values.map((h) => headerName(h ?? ''));
  const columns = headers.map((h) => header.indexOf(h));
  const missing = required.filter((h) => columns[headers.indexOf(h)] < 0);
  if (missing.length) await records.return(undefined);
  if (missing.length === required.length) throw refused(template, 'file.not_template');
  if (missing.length)
    throw refused(`missing required columns: ${missing.join(', ')}`, 'column.missing', missing);
  return (async function* () {
    for await (const r of records) {
      if (blank(r.values)) continue;
      yield { rowNo: r.rowNo, cells: columns.map((c) => (c < 0 ? '' : (r.values[c] ?? '').trim())) };
    }
  })();
}
