import { headerOf } from './headers.ts';

/** A row of the file as read: its number, its cells, and whether a heading in it spans several columns. */
export interface Record_ {
  rowNo: number;
  values: string[];
  grouped?: boolean;
}

/** How many non-blank rows at the top of a sheet are looked at for its header (a title, group headings, the names). */
export const HEAD_ROWS = 5;

const known = (values: string[]) => values.filter((v) => headerOf(v) !== undefined).length;

/** Whether a row heads groups of columns (户主信息 over 姓名, 身份证号); a title is one cell, no group. */
const heads = (r: Record_) => !!r.grouped && r.values.filter((v) => v.trim()).length > 1;

/** The names of a row under group headings: the upper row's name where the lower cell is empty. */
const under = (lower: string[], upper: string[]) =>
  Array.from({ length: Math.max(lower.length, upper.length) }, (_, i) =>
    lower[i]?.trim() ? lower[i] : (upper[i] ?? ''),
  );

/**
 * The header among the first non-blank rows of a file: the first naming the most of the template's
 * columns, read with the group headings above it; the first row when none names any.
 */
export function headerAmong(top: Record_[]): { at: number; names: string[] } {
  let best = { at: 0, names: top[0].values, count: known(top[0].values) };
  top.forEach((r, i) => {
    const names = i > 0 && heads(top[i - 1]) ? under(r.values, top[i - 1].values) : r.values;
    const count = known(names);
    if (count > best.count) best = { at: i, names, count };
  });
  return { at: best.at, names: best.names };
}
