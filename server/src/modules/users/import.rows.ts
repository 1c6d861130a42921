import { USER_IMPORT_COLUMNS } from '@anju/contracts';
import { csvRecords, textChunks } from '../../platform/files/csv.ts';
import { cellText, xlsxSheets, type FileFormat } from '../../platform/files/xlsx.ts';

/** At most this many accounts a file: a county's grid workers, with room. */
export const MAX_ROWS = 2000;

export type Column = keyof typeof USER_IMPORT_COLUMNS;

/** One data row of the workbook as text, with its row number as Excel shows it. */
export interface AccountRow {
  row: number;
  username: string;
  displayName: string;
  roles: string[];
  places: string[];
}

/** The several values of a cell: separated by 、，,；; or spaces. */
const several = (text: string) => text.split(/[、，,；;\s]+/).filter(Boolean);

/** The rows of the first sheet (or the CSV) as text cells, each with its number. */
async function* records(path: string, format: FileFormat): AsyncGenerator<{ row: number; cells: string[] }> {
  if (format === 'csv') {
    let row = 0;
    for await (const cells of csvRecords(textChunks(path, () => {}))) yield { row: ++row, cells };
    return;
  }
  for await (const sheet of xlsxSheets(path, 'ignore')) {
    for await (const r of sheet) {
      const values = (r.values as unknown[]).slice(1);
      yield { row: r.number, cells: values.map((v) => cellText(v as never)) };
    }
    return;
  }
}

/**
 * The accounts of the file: the header is the first row naming the username column (by its Chinese
 * header or its key), empty rows are skipped. Undefined when no header is found; `tooMany` past MAX_ROWS.
 */
export async function readAccounts(path: string, format: FileFormat) {
  let at: Partial<Record<Column, number>> | undefined;
  const rows: AccountRow[] = [];
  for await (const { row, cells } of records(path, format)) {
    const text = cells.map((c) => c.trim());
    if (!at) {
      const found = Object.fromEntries(
        Object.entries(USER_IMPORT_COLUMNS).map(([key, header]) => [
          key,
          text.findIndex((c) => c === header || c.toLowerCase() === key.toLowerCase()),
        ]),
      );
      if (found.username >= 0) at = found;
      continue;
    }
    if (text.every((c) => c === '')) continue;
    if (rows.length === MAX_ROWS) return { rows, tooMany: true };
    const cell = (c: Column) => (at![c]! >= 0 ? (text[at![c]!] ?? '') : '');
    rows.push({
      row,
      username: cell('username'),
      displayName: cell('displayName'),
      roles: several(cell('roles')),
      places: several(cell('places')),
    });
  }
  return at ? { rows, tooMany: false } : undefined;
}
