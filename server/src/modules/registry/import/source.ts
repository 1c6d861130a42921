import fs from 'node:fs';
import fsp from 'node:fs/promises';
import { PassThrough, Readable, Transform, pipeline } from 'node:stream';
import zlib from 'node:zlib';
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
import { csvRecords, textChunks } from './csv.ts';

export const DATA_SHEET = '人口';
export type FileFormat = 'xlsx' | 'csv';

/** One data row: its spreadsheet row number and its cells in IMPORT_HEADERS order ('' when absent). */
export interface SourceRow {
  rowNo: number;
  cells: string[];
}

interface Record_ {
  rowNo: number;
  values: string[];
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

export function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if ('richText' in v) return v.richText.map((t) => t.text).join('');
  if ('result' in v) return cellText(v.result as ExcelJS.CellValue);
  if ('text' in v) return String(v.text);
  return '';
}

/** Where a part of a zip is stored: its compressed bytes from `offset`, deflated (8) or stored (0). */
interface ZipPart {
  offset: number;
  size: number;
  method: number;
}

const FULL = 0xffffffff;

async function readAt(file: fsp.FileHandle, position: number, length: number): Promise<Buffer> {
  const { buffer, bytesRead } = await file.read(Buffer.alloc(length), 0, length, position);
  return buffer.subarray(0, bytesRead);
}

/** The parts of a zip by name, from its central directory at the end of the file. */
async function zipParts(path: string): Promise<Map<string, ZipPart>> {
  const file = await fsp.open(path);
  try {
    const { size } = await file.stat();
    const tailStart = Math.max(0, size - 0xffff - 22);
    const tail = await readAt(file, tailStart, size - tailStart);
    const end = tail.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    if (end < 0 || end + 22 > tail.length) throw new Error('not a zip: no end of central directory');
    const cdOffset = tail.readUInt32LE(end + 16);
    if (cdOffset === FULL) throw new Error('zip64 archives larger than 4 GB are not read');
    const cd = await readAt(file, cdOffset, tail.readUInt32LE(end + 12));
    const parts = new Map<string, ZipPart>();
    for (let p = 0; p + 46 <= cd.length;) {
      if (cd.readUInt32LE(p) !== 0x02014b50) throw new Error('damaged zip central directory');
      const [names, extras, comments] = [
        cd.readUInt16LE(p + 28),
        cd.readUInt16LE(p + 30),
        cd.readUInt16LE(p + 32),
      ];
      const part = {
        method: cd.readUInt16LE(p + 10),
        size: cd.readUInt32LE(p + 20),
        offset: cd.readUInt32LE(p + 42),
      };
      // zip64: the sizes and offset that did not fit are 64-bit values of the extra field 0x0001
      for (let e = p + 46 + names; e + 4 <= p + 46 + names + extras; e += 4 + cd.readUInt16LE(e + 2)) {
        if (cd.readUInt16LE(e) !== 1) continue;
        let v = e + 4 + (cd.readUInt32LE(p + 24) === FULL ? 8 : 0);
        if (part.size === FULL) [part.size, v] = [Number(cd.readBigUInt64LE(v)), v + 8];
        if (part.offset === FULL) part.offset = Number(cd.readBigUInt64LE(v));
      }
      parts.set(cd.toString('utf8', p + 46, p + 46 + names), part);
      p += 46 + names + extras + comments;
    }
    for (const part of parts.values()) {
      const local = await readAt(file, part.offset, 30);
      part.offset += 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
    }
    return parts;
  } finally {
    await file.close();
  }
}

function partStream(path: string, part: ZipPart, onBytes: (n: number) => void): Readable {
  if (part.method !== 0 && part.method !== 8) throw new Error(`zip compression method ${part.method}`);
  if (part.size === 0) return Readable.from([]);
  const raw = fs.createReadStream(path, { start: part.offset, end: part.offset + part.size - 1 });
  const counter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      onBytes(chunk.length);
      done(null, chunk);
    },
  });
  return pipeline(raw, counter, part.method === 8 ? zlib.createInflateRaw() : new PassThrough(), () => {});
}

/** A sheet of a workbook: its name and its rows, read as they are parsed. */
export interface Sheet {
  name: string;
  [Symbol.asyncIterator](): AsyncIterator<ExcelJS.Row>;
}

/** exceljs's streaming reader given the parts of the workbook one at a time. */
interface PartsReader {
  model?: { sheets?: { name: string; rId: string }[] };
  workbookRels?: { Id: string; Target: string }[];
  _parseRels(part: Readable): Promise<void>;
  _parseWorkbook(part: Readable): Promise<void>;
  _parseSharedStrings(part: Readable): AsyncGenerator<unknown>;
  _parseStyles(part: Readable): Promise<void>;
  _parseWorksheet(part: Readable, sheetNo: string): Generator<{ value: Sheet }>;
}

/**
 * The sheets of a workbook in the workbook's order, each streamed row by row. The parts are found
 * through the zip's central directory and the workbook, shared strings and styles are read before
 * any sheet: exceljs's own single pass over the zip sets aside a sheet stored before them and, when
 * its unzipper ends early, loses the parts after it (the workbook, the shared strings).
 */
export async function* xlsxSheets(
  path: string,
  styles: 'cache' | 'ignore',
  onBytes: (n: number) => void = () => {},
): AsyncGenerator<Sheet> {
  // loaded for workbooks only: it takes longer to load than a CSV of thousands of rows to check
  const { default: Excel } = await import('exceljs');
  const parts = await zipParts(path);
  const reader = new Excel.stream.xlsx.WorkbookReader(path, {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles,
    worksheets: 'emit',
    entries: 'ignore',
  }) as unknown as PartsReader;
  const open = (name: string) => {
    const part = parts.get(name);
    return part && partStream(path, part, onBytes);
  };
  const read = async (name: string, parse: (part: Readable) => Promise<unknown>) => {
    const part = open(name);
    if (part) await parse(part);
  };
  await read('xl/_rels/workbook.xml.rels', (p) => reader._parseRels(p));
  await read('xl/workbook.xml', (p) => reader._parseWorkbook(p));
  await read('xl/sharedStrings.xml', (p) => reader._parseSharedStrings(p).next());
  await read('xl/styles.xml', (p) => reader._parseStyles(p));
  for (const [i, { name, rId }] of (reader.model?.sheets ?? []).entries()) {
    const target = reader.workbookRels?.find((r) => r.Id === rId)?.Target.replace(/^\/?(xl\/)?/, '');
    const part = target?.startsWith('worksheets/') && open(`xl/${target}`);
    if (!part) continue;
    for (const { value: sheet } of reader._parseWorksheet(part, String(i + 1)))
      yield Object.assign(sheet, { name });
  }
}

async function* xlsxRecords(file: string, onBytes: (n: number) => void): AsyncGenerator<Record_> {
  const seen: string[] = [];
  for await (const sheet of xlsxSheets(file, 'ignore', onBytes)) {
    seen.push(sheet.name);
    let header = sheet.name === DATA_SHEET;
    let other = false;
    for await (const row of sheet) {
      if (other) continue;
      const values = (row.values as ExcelJS.CellValue[]).slice(1).map(cellText);
      if (!header && blank(values)) continue;
      header ||= values.some((v) => REQUIRED_IMPORT_HEADERS.includes(v.trim() as ImportHeader));
      if (header) yield { rowNo: row.number, values };
      else other = true;
    }
    if (header) return;
  }
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

const blank = (values: string[]) => values.every((v) => v.trim() === '');

/**
 * Opens the data of a file: finds the header row (the first non-blank one), maps the template's
 * headers to columns and refuses the file when required ones are missing.
 */
export async function openSource(
  file: string,
  format: FileFormat,
  onBytes: (n: number) => void = () => {},
): Promise<AsyncGenerator<SourceRow>> {
  const records = unreadable(
    format,
    format === 'xlsx' ? xlsxRecords(file, onBytes) : csvFileRecords(file, onBytes),
  );
  let first = await records.next();
  while (!first.done && blank(first.value.values)) first = await records.next();
  if (first.done)
    throw new Refused(
      'the file holds no rows: its first row must be the header of the template',
      'file.no_rows',
    );
  const header = first.value.values.map((h) =>
    h
      .trim()
      .replace(/^\uFEFF/, '')
      .replace(/\*$/, ''),
  );
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
  return (async function* () {
    for await (const r of records) {
      if (blank(r.values)) continue;
      yield { rowNo: r.rowNo, cells: columns.map((c) => (c < 0 ? '' : (r.values[c] ?? '').trim())) };
    }
  })();
}
