import { z } from 'zod';
import { CALENDAR_DAY_KINDS, type CalendarDayKind } from './calendar.ts';
import { Id } from './common.ts';

/** The columns of a calendar workbook, by their headers (or their keys). */
export const CALENDAR_IMPORT_COLUMNS = {
  day: '日期',
  kind: '类型',
  name: '名称',
} as const;

/** How a workbook names each kind of day: the name written on export first. */
export const CALENDAR_KIND_NAMES: Record<CalendarDayKind, string[]> = {
  holiday: ['放假', '节假日', '休息', '假日', 'holiday'],
  workday: ['调休上班', '上班', '补班', 'workday', 'working day'],
};

/** The calendar a workbook is exported from: the one in force at a place the caller reaches. */
export const CalendarExportQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100),
  placeId: z.coerce.number().int().positive(),
});
export type CalendarExportQuery = z.infer<typeof CalendarExportQuery>;

/** A county's calendar of a year from a workbook: checked only (a dry run) unless `commit`. */
export const CalendarImportQuery = z.object({
  placeId: z.coerce.number().int().positive(),
  year: z.coerce.number().int().min(2000).max(2100),
  /** The version of the county's own calendar read (0 when it keeps none); a commit at another is refused. */
  version: z.coerce.number().int().min(0).max(2_147_483_647),
  commit: z.enum(['true', 'false']).default('false'),
});
export type CalendarImportQuery = z.infer<typeof CalendarImportQuery>;

/** One problem of one row: the row number as Excel shows it, the column and why. */
export const CalendarImportProblem = z.object({
  row: z.number().int(),
  column: z.enum(['day', 'kind', 'name']),
  reason: z.string(),
  params: z.record(z.string(), z.string()).optional(),
});
export type CalendarImportProblem = z.infer<typeof CalendarImportProblem>;

/** What an import found: every bad row, the days read, and whether they replaced the county's calendar. */
export const CalendarImportResult = z.object({
  committed: z.boolean(),
  rows: z.number().int(),
  problems: z.array(CalendarImportProblem),
  days: z.array(
    z.object({ day: z.string(), kind: z.enum(CALENDAR_DAY_KINDS), name: z.string(), row: z.number().int() }),
  ),
  placeId: Id,
});
export type CalendarImportResult = z.infer<typeof CalendarImportResult>;
