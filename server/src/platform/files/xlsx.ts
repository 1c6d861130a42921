import fs from 'node:fs';
import fsp from 'node:fs/promises';
import { PassThrough, Transform, pipeline, type Readable } from 'node:stream';
import type ExcelJS from 'exceljs';
import type { File } from 'unzipper';

export type FileFormat = 'xlsx' | 'csv';

/** A cell as the text a person typed: dates as YYYY-MM-DD, formulas as their result. */
export function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  // past 2^53 the digits are Excel's rounding, not what was typed (an ID number in a number cell)
  if (typeof v === 'number')
    return Number.isInteger(v) && !Number.isSafeInteger(v) ? v.toExponential() : String(v);
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if ('richText' in v) return v.richText.map((t) => t.text).join('');
  if ('result' in v) return cellText(v.result as ExcelJS.CellValue);
  if ('text' in v) return String(v.text);
  return '';
}

/** A range of merged cells, by row and column numbers from 1. */
export interface Merge {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** A sheet of a workbook: its name, its merged cells and its rows, read as they are parsed. */
export interface Sheet {
  name: string;
  merges: Merge[];
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

/** The text of a part, decoded whole characters at a time, reporting its compressed size in step with it. */
function partStream(part: File, onBytes: (n: number) => void): Readable {
  let inflated = 0;
  let counted = 0;
  const count = (n: number) => {
    onBytes(n - counted);
    counted = n;
  };
  const counter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      inflated += chunk.length;
      count(Math.round((inflated * part.compressedSize) / Math.max(inflated, part.uncompressedSize)));
      done(null, chunk);
    },
    flush(done) {
      count(part.compressedSize);
      done();
    },
  });
  // exceljs decodes each chunk on its own, so a character split between two chunks became U+FFFD:
  // the part reaches it as text, a character held back until its last byte has come
  return pipeline(part.stream(), counter, () => {}).setEncoding('utf8');
}

const columnNo = (letters: string) => [...letters].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0);
const MERGE = /<mergeCell\s+ref="([A-Z]+)(\d+):([A-Z]+)(\d+)"/g;

/** The merged cells of a sheet: listed after its rows, so its part is read through once before them. */
async function mergesOf(part: File): Promise<Merge[]> {
  const merges: Merge[] = [];
  let tail = '';
  const text = pipeline(part.stream(), new PassThrough(), () => {}).setEncoding('utf8');
  for await (const chunk of text as AsyncIterable<string>) {
    const buf = tail + chunk;
    let end = 0;
    for (const m of buf.matchAll(MERGE)) {
      merges.push({ top: +m[2], left: columnNo(m[1]), bottom: +m[4], right: columnNo(m[3]) });
      end = m.index + m[0].length;
    }
    tail = buf.slice(Math.max(end, buf.length - 200));
  }
  return merges;
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
  const [{ default: Excel }, { Open }] = await Promise.all([import('exceljs'), import('unzipper')]);
  // unzipper reads a part from its offset to the end of the file and closes the read only when the
  // part is read to its end: a workbook left half read (refused at its header) closes them here
  const reads = new Set<fs.ReadStream>();
  try {
    const zip = await Open.custom({
      size: async () => (await fsp.stat(path)).size,
      stream: (start) => {
        const file = fs.createReadStream(path, { start }).on('close', () => reads.delete(file));
        reads.add(file);
        return file;
      },
    }).catch((err: Error) => {
      throw new Error(`not a zip: ${err.message}`);
    });
    const parts = new Map(zip.files.map((f) => [f.path, f]));
    const reader = new Excel.stream.xlsx.WorkbookReader(path, {
      sharedStrings: 'cache',
      hyperlinks: 'ignore',
      styles,
      worksheets: 'emit',
      entries: 'ignore',
    }) as unknown as PartsReader;
    const open = (name: string) => {
      const part = parts.get(name);
      return part && partStream(part, onBytes);
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
      const file = target?.startsWith('worksheets/') && parts.get(`xl/${target}`);
      if (!file) continue;
      const merges = await mergesOf(file);
      for (const { value: sheet } of reader._parseWorksheet(partStream(file, onBytes), String(i + 1)))
        yield Object.assign(sheet, { name, merges });
    }
  } finally {
    for (const file of reads) file.destroy();
  }
}
