import { parseIdNumber } from '@anju/contracts';

/** A problem of one cell (or, with the whole-file column, of the file): a reason code the web labels with its params. */
export interface RowError<R extends string = string> {
  row: number;
  column: string;
  reason: R;
  params: Record<string, string | number>;
}

/** How many errors a report lists; the total is always exact. */
export const LISTED_ERRORS = 1000;

/** The reasons the cell checks below give; an import's own reasons add to them. */
export type CellReason =
  | 'cell.required'
  | 'cell.too_long'
  | 'id_number.scientific'
  | 'id_number.format'
  | 'id_number.region'
  | 'id_number.birth_date'
  | 'id_number.check_digit'
  | 'amount.invalid'
  | 'date.invalid';

/** The errors of one import (reasons `R`): the first ones by row, and how many rows were bad. */
export class Report<R extends string> {
  readonly errors: RowError<R>[] = [];
  total = 0;
  badRows = 0;

  /** Checks one row's cells: `fail` records a problem of a column; returns whether the row is good. */
  row<T>(rowNo: number, check: (fail: Fail<R>) => T): T | null {
    let bad = false;
    const result = check((column, reason, params = {}) => {
      bad = true;
      this.total++;
      if (this.errors.length < LISTED_ERRORS) this.errors.push({ row: rowNo, column, reason, params });
      return null;
    });
    if (bad) this.badRows++;
    return bad ? null : result;
  }

  /** The errors found row by row merged with those found in the database, by row, the first ones. */
  merged(found: RowError<R>[], foundTotal: number): { errors: RowError<R>[]; total: number } {
    const all = [...this.errors, ...found].sort((a, b) => a.row - b.row);
    return { errors: all.slice(0, LISTED_ERRORS), total: this.total + foundTotal };
  }
}

export type Fail<R extends string = CellReason> = (
  column: string,
  reason: R,
  params?: Record<string, string | number>,
) => null;

/** A required cell of at most `max` characters. */
export function text(fail: Fail, column: string, value: string, max: number, required = true): string | null {
  if (!value) return required ? fail(column, 'cell.required') : '';
  if (value.length > max) return fail(column, 'cell.too_long', { max });
  return value;
}

/** An ID number per GB 11643, normalised to 18 characters; Excel's scientific notation named as such. */
export function idNumber(fail: Fail, column: string, value: string): string | null {
  if (!value) return fail(column, 'cell.required');
  if (/e\+/i.test(value)) return fail(column, 'id_number.scientific');
  const parsed = parseIdNumber(value);
  return parsed.ok ? parsed.id.value : fail(column, `id_number.${parsed.problem}`);
}

/** Yuan with at most two decimals (thousands separators and a ¥ allowed), within [min, max]. */
export function amount(fail: Fail, column: string, value: string, min: number, max: number): number | null {
  const plain = value.replace(/[,，\s¥￥]/g, '').replace(/元$/, '');
  if (!/^-?\d+(\.\d{1,2})?$/.test(plain)) return fail(column, 'amount.invalid');
  const n = Number(plain);
  return n < min || n > max ? fail(column, 'amount.invalid') : n;
}

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/** A past date written as 2026-03-01, 2026/3/1, 2026.3.1, 20260301, 2026年3月1日, or an Excel day number. */
export function date(fail: Fail, column: string, value: string, today = new Date()): string | null {
  if (!value) return fail(column, 'cell.required');
  let y: number, m: number, d: number;
  const parts =
    /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(value) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(value);
  if (parts) [y, m, d] = parts.slice(1).map(Number);
  else if (/^\d{5}$/.test(value)) {
    const day = new Date(EXCEL_EPOCH + Number(value) * 86_400_000);
    [y, m, d] = [day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate()];
  } else return fail(column, 'date.invalid');
  const at = new Date(Date.UTC(y, m - 1, d));
  if (at.getUTCMonth() !== m - 1 || at.getUTCDate() !== d || y < 2000 || at > today)
    return fail(column, 'date.invalid');
  return at.toISOString().slice(0, 10);
}
