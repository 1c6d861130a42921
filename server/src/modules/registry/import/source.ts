import type ExcelJS from 'exceljs';
import {
  IMPORT_HEADERS,
  REQUIRED_IMPORT_HEADERS,
  WHOLE_FILE,
  type ImportHeader,
  type ImportReason,
  type ImportReasonParams,
} from '@anju/contracts';
import { AppError } from '../../../platform/errors.ts';
import { cellText, xlsxSheets, type FileFormat, type Merge } from '../../../platform/files/xlsx.ts';
import { csvRecords, textChunks } from '../../../platform/files/csv.ts';
import { HEAD_ROWS, headerAmong, type Record_ } from './header-row.ts';
import { halfWidth, headerOf } from './headers.ts';

export const DATA_SHEET = '人口';
export type { FileFormat };

/** One data row: its spreadsheet row number and its cells in IMPORT_HEADERS order ('' when absent). */
export interface SourceRow {
  rowNo: number;
  cells: string[];
  /** For a row without a household number: the number of the rows above, whose household it is taken to be. */
  above?: string;
}

/** What the dry run says of the file besides its rows' errors: columns and sheets it does not read. */
export interface Note {
  rowNo: 0;
  column: string;
  reason: 'column.ignored' | 'sheet.ignored';
  params: ImportReasonParams;
}

/** The whole file is refused: nothing of it can be read as the template. */
export class Refused extends AppError {
  constructor(
    message: string,
    readonly reason: ImportReason,
    readonly params: ImportReasonParams = {},
    columns: string[] = [WHOLE_FILE],
  ) {
    super(
      'validation_failed',
      message,
      columns.map((field) => ({ field, reason })),
    );
  }
}

/** Whether a row is a header of the template: it names one of its required columns. */
const isHeader = (values: string[]) =>
  values.some((v) => REQUIRED_IMPORT_HEADERS.includes(headerOf(v) as ImportHeader));

async function* xlsxRecords(
  file: string,
  onBytes: (n: number) => void,
  onNote: (note: Note) => void,
): AsyncGenerator<Record_> {
  const seen: string[] = [];
  let found = false;
  for await (const sheet of xlsxSheets(file, 'ignore', onBytes)) {
    seen.push(sheet.name);
    let header: boolean = !found && sheet.name === DATA_SHEET;
    const fill = fillDown(sheet.merges);
    const grouped = new Set(sheet.merges.filter((m) => m.right > m.left).map((m) => m.top));
    // a title or group headings may come above the header: the first few rows are looked at for it
    const top: Record_[] = [];
    for await (const row of sheet) {
      const values = fill(row.number, (row.values as ExcelJS.CellValue[]).slice(1).map(cellText));
      const record = { rowNo: row.number, values, grouped: grouped.has(row.number) };
      if (header) {
        yield record;
        continue;
      }
      if (blank(values)) continue;
      top.push(record);
      if (isHeader(values)) {
        // a sheet after the data is only looked at: its first rows say whether it holds data too
        if (found) {
          onNote(sheetIgnored(sheet.name));
          break;
        }
        header = true;
        yield* top;
      } else if (top.length >= HEAD_ROWS) break;
    }
    found ||= header;
  }
  if (found) return;
  throw new Refused(
    `wrong sheet: no sheet ${DATA_SHEET} and no sheet with the template's header (sheets: ${seen.join(', ')})`,
    'file.wrong_sheet',
    { sheets: seen.join(', ').slice(0, 200) },
  );
}

async function* csvFileRecords(file: string, onBytes: (n: number) => void): AsyncGenerator<Record_> {
  let rowNo = 0;
  for await (const values of csvRecords(textChunks(file, onBytes))) yield { rowNo: ++rowNo, values };
}

/** A broken file (a damaged zip, bad XML) is the caller's mistake, not a bug. */
async function* unreadable<T>(format: FileFormat, records: AsyncGenerator<T>): AsyncGenerator<T> {
  try {
    yield* records;
  } catch (err) {
    if (err instanceof AppError) throw err;
    const message = `the file could not be read as .${format}: ${(err as Error).message}`.slice(0, 300);
    throw new Refused(message, 'file.unreadable', { format });
  }
}

/**
 * Fills the cells of ranges merged down several rows with the value of their first cell, as paper
 * registers merge a household's number down its members; rows come in increasing order.
 */
function fillDown(merges: Merge[]): (rowNo: number, values: string[]) => string[] {
  const starting = new Map<number, Merge[]>();
  for (const m of merges) if (m.bottom > m.top) starting.set(m.top, [...(starting.get(m.top) ?? []), m]);
  let open: { m: Merge; value: string }[] = [];
  return (rowNo, values) => {
    if (merges.length === 0) return values;
    open = open.filter((o) => o.m.bottom >= rowNo && o.m.top < rowNo);
    for (const { m, value } of open) for (let c = m.left; c <= m.right; c++) values[c - 1] = value;
    for (const m of starting.get(rowNo) ?? []) {
      const value = values[m.left - 1] ?? '';
      for (let c = m.left + 1; c <= m.right; c++) values[c - 1] = value;
      open.push({ m, value });
    }
    return Array.from(values, (v) => v ?? '');
  };
}

const sheetIgnored = (sheet: string): Note => ({
  rowNo: 0,
  column: WHOLE_FILE,
  reason: 'sheet.ignored',
  params: { sheet: sheet.slice(0, 40) },
});

const blank = (values: string[]) => values.every((v) => v.trim() === '');

/**
 * Opens the data of a file: finds the header row (below a title or group headings), maps the template's
 * headers to columns and refuses the file when required ones are missing.
 */
export async function openSource(
  file: string,
  format: FileFormat,
  onBytes: (n: number) => void = () => {},
  onNote: (note: Note) => void = () => {},
): Promise<AsyncGenerator<SourceRow>> {
  const records = unreadable(
    format,
    format === 'xlsx' ? xlsxRecords(file, onBytes, onNote) : csvFileRecords(file, onBytes),
  );
  const top: Record_[] = [];
  while (top.length < HEAD_ROWS) {
    const next = await records.next();
    if (next.done) break;
    if (!blank(next.value.values)) top.push(next.value);
  }
  if (top.length === 0)
    throw new Refused(
      'the file holds no rows: its first row must be the header of the template',
      'file.no_rows',
    );
  const { at, names } = headerAmong(top);
  const header = names.map(headerOf);
  const columns = IMPORT_HEADERS.map((h) => header.indexOf(h));
  const missing = REQUIRED_IMPORT_HEADERS.filter((h) => columns[IMPORT_HEADERS.indexOf(h)] < 0);
  if (missing.length === REQUIRED_IMPORT_HEADERS.length) {
    await records.return(undefined);
    throw format === 'xlsx'
      ? new Refused(
          `wrong sheet: use the sheet ${DATA_SHEET} of the template, whose first row is its header (户编号, 姓名, 身份证号, …)`,
          'file.wrong_sheet',
          { sheets: DATA_SHEET },
        )
      : new Refused(
          'the first row is not the header of the template (户编号, 姓名, 身份证号, …)',
          'file.not_template',
        );
  }
  if (missing.length) {
    await records.return(undefined);
    throw new Refused(`missing required columns: ${missing.join(', ')}`, 'column.missing', {}, missing);
  }
  // a column the import does not read is said, lest its data be thought imported
  names.forEach((text, i) => {
    const h = header[i];
    if (text.trim() && (h === undefined || columns[IMPORT_HEADERS.indexOf(h)] !== i))
      onNote({
        rowNo: 0,
        column: text.trim().slice(0, 32),
        reason: 'column.ignored',
        params: { column: text.trim().slice(0, 40) },
      });
  });
  const keyAt = IMPORT_HEADERS.indexOf('户编号');
  return (async function* () {
    let above = '';
    const rows = async function* () {
      yield* top.slice(at + 1);
      yield* records;
    };
    for await (const r of rows()) {
      if (blank(r.values)) continue;
      const cells = columns.map((c) => (c < 0 ? '' : halfWidth(r.values[c] ?? '').trim()));
      if (cells[keyAt]) above = cells[keyAt];
      yield { rowNo: r.rowNo, cells, above: cells[keyAt] ? undefined : above };
    }
  })();
}
