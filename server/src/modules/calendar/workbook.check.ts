import {
  CALENDAR_DAY_KINDS,
  CALENDAR_KIND_NAMES,
  type CalendarDay,
  type CalendarDayKind,
  type CalendarImportProblem,
} from '@anju/contracts';
import type { DayRow } from './workbook.rows.ts';

/** Why a row is refused: reasons the web gives in the reader's language. */
export const REASONS = {
  required: 'required',
  date: 'not a date: {{value}}',
  year: 'a day of {{year}} is expected, not {{value}}',
  twice: 'the same day as row {{row}}',
  kind: 'unknown kind: {{value}}',
  weekend: 'a working day must fall on a weekend',
  long: 'at most {{max}} characters',
} as const;

const KINDS = new Map<string, CalendarDayKind>(
  CALENDAR_DAY_KINDS.flatMap((k) => CALENDAR_KIND_NAMES[k].map((name) => [name.toLowerCase(), k] as const)),
);

// Excel counts days from 1899-12-30; a date cell typed as plain text or a number keeps that count
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

/** A day as written in a cell (2026-10-01, 2026/10/1, 2026.10.1, 2026年10月1日, or Excel's day count), as YYYY-MM-DD. */
export function dayOf(text: string): string | undefined {
  let y: number, m: number, d: number;
  const parts = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(text);
  if (parts) [y, m, d] = parts.slice(1).map(Number);
  else if (/^\d{5}$/.test(text)) {
    const at = new Date(EXCEL_EPOCH + Number(text) * DAY_MS);
    [y, m, d] = [at.getUTCFullYear(), at.getUTCMonth() + 1, at.getUTCDate()];
  } else return undefined;
  const at = new Date(Date.UTC(y, m - 1, d));
  if (at.getUTCFullYear() !== y || at.getUTCMonth() !== m - 1 || at.getUTCDate() !== d) return undefined;
  return at.toISOString().slice(0, 10);
}

const weekend = (day: string) => [0, 6].includes(new Date(`${day}T00:00:00Z`).getUTCDay());

/**
 * Checks every row: a real date of `year`, named once in the file, a known kind (an adjusted working
 * day on a weekend), a short name. Returns every problem found and the days read well.
 */
export function checkDays(rows: DayRow[], year: number) {
  const problems: CalendarImportProblem[] = [];
  const days: (CalendarDay & { row: number })[] = [];
  const firstRow = new Map<string, number>();
  for (const r of rows) {
    const bad = (
      column: CalendarImportProblem['column'],
      reason: keyof typeof REASONS,
      params?: Record<string, string>,
    ) => problems.push({ row: r.row, column, reason: REASONS[reason], ...(params ? { params } : {}) });
    const before = problems.length;
    const day = dayOf(r.day);
    if (!r.day) bad('day', 'required');
    else if (!day) bad('day', 'date', { value: r.day });
    else if (!day.startsWith(`${year}-`)) bad('day', 'year', { year: String(year), value: day });
    else if (firstRow.has(day)) bad('day', 'twice', { row: String(firstRow.get(day)) });
    if (day && !firstRow.has(day)) firstRow.set(day, r.row);
    const kind = KINDS.get(r.kind.toLowerCase());
    if (!r.kind) bad('kind', 'required');
    else if (!kind) bad('kind', 'kind', { value: r.kind });
    else if (kind === 'workday' && day && !weekend(day)) bad('kind', 'weekend');
    if (r.name.length > 32) bad('name', 'long', { max: '32' });
    if (problems.length === before) days.push({ day: day!, kind: kind!, name: r.name, row: r.row });
  }
  return { problems, days: days.sort((a, b) => a.day.localeCompare(b.day)) };
}
