import { CALENDAR_IMPORT_COLUMNS } from '@anju/contracts';
import { csvRecords, textChunks } from '../../platform/files/csv.ts';
import { cellText, xlsxSheets, type FileFormat } from '../../platform/files/xlsx.ts';

/** At most this many days a file: a year's holidays and adjusted days, with room. */
export const MAX_ROWS = 120;

export type Column = keyof typeof CALENDAR_IMPORT_COLUMNS;

/** One data row of the workbook as text, with its row number as Excel shows it. */
export interface DayRow {
  row: number;
  day: string;
  kind: string;
  name: string;
}

/** The rows of the first sheet (or the CSV) as text cells, each with its number; dates as YYYY-MM-DD. */
async function* records(path: string, format: FileFormat): AsyncGenerator<{ row: number; cells: string[] }> {
  if (format === 'csv') {
    let row = 0;
    for await (const cells of csvRecords(textChunks(path, () => {}))) yield { row: ++row, cells };
    return;
  }
  // styles are read so that a cell formatted as a date arrives as one
  for await (const sheet of xlsxSheets(path, 'cache')) {
    for await (const r of sheet) {
      const values = (r.values as unknown[]).slice(1);
      yield { row: r.number, cells: values.map((v) => cellText(v as never)) };
    }
    return;
  }
}

/**
 * The days of the file: the header is the first row naming the date column (by its Chinese header or
 * its key), empty rows are skipped. Undefined when no header is found; `tooMany` past MAX_ROWS.
 */
export async function readDays(path: string, format: FileFormat) {
  let at: Record<Column, number> | undefined;
  const rows: DayRow[] = [];
  for await (const { row, cells } of records(path, format)) {
    const text = cells.map((c) => c.trim());
    if (!at) {
      const found = Object.fromEntries(
        Object.entries(CALENDAR_IMPORT_COLUMNS).map(([key, header]) => [
          key,
          text.findIndex((c) => c === header || c.toLowerCase() === key),
        ]),
      ) as Record<Column, number>;
      if (found.day >= 0) at = found;
      continue;
    }
    if (text.every((c) => c === '')) continue;
    if (rows.length === MAX_ROWS) return { rows, tooMany: true };
    const cell = (c: Column) => (at![c] >= 0 ? (text[at![c]] ?? '') : '');
    rows.push({ row, day: cell('day'), kind: cell('kind'), name: cell('name') });
  }
  return at ? { rows, tooMany: false } : undefined;
}
