import { PassThrough, type Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { neutraliseFormula } from './formula.ts';

export interface Column<T> {
  header: string;
  value: (row: T) => string | number | null;
  width?: number;
}

const csvCell = (v: string | number | null) => {
  if (v === null) return '';
  // numbers are written as they are: a negative one is a value, not a formula
  const s = typeof v === 'number' ? String(v) : neutraliseFormula(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** Streams rows as UTF-8 CSV with a BOM, so Chinese Excel opens it correctly. */
export function csvStream<T>(columns: Column<T>[], rows: AsyncIterable<T[]>): Readable {
  const out = new PassThrough();
  (async () => {
    out.write('\uFEFF' + columns.map((c) => csvCell(c.header)).join(',') + '\r\n');
    for await (const batch of rows) {
      out.write(
        batch.map((r) => columns.map((c) => csvCell(c.value(r))).join(',')).join('\r\n') +
          (batch.length ? '\r\n' : ''),
      );
    }
    out.end();
  })().catch((err) => out.destroy(err));
  return out;
}

/** Streams rows into an .xlsx workbook without holding the sheet in memory. */
export function xlsxStream<T>(sheetName: string, columns: Column<T>[], rows: AsyncIterable<T[]>): Readable {
  const out = new PassThrough();
  (async () => {
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true });
    const ws = wb.addWorksheet(sheetName);
    ws.columns = columns.map((c) => ({ header: c.header, width: c.width ?? 18 }));
    ws.getRow(1).font = { bold: true };
    ws.getRow(1).commit();
    for await (const batch of rows) {
      for (const r of batch) ws.addRow(columns.map((c) => c.value(r))).commit();
    }
    ws.commit();
    await wb.commit();
  })().catch((err) => out.destroy(err));
  return out;
}

export const CONTENT_TYPES = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
} as const;
