import type { Readable } from 'node:stream';
import {
  CALENDAR_IMPORT_COLUMNS,
  CALENDAR_KIND_NAMES,
  type CalendarDay,
  type CalendarImportResult,
} from '@anju/contracts';
import type { Database } from '../../db/client.ts';
import type { Ctx } from '../../platform/auth/actor.ts';
import { invalid } from '../../platform/errors.ts';
import { xlsxStream, type Column } from '../../platform/files/tabular.ts';
import type { FileFormat } from '../../platform/files/xlsx.ts';
import { calendarFor, replaceOwn } from './calendar.service.ts';
import { assertCalendarPlace } from './calendar.policy.ts';
import * as repo from './calendar.repo.ts';
import { checkDays } from './workbook.check.ts';
import { MAX_ROWS, readDays } from './workbook.rows.ts';

const COLUMNS: Column<CalendarDay>[] = [
  { header: CALENDAR_IMPORT_COLUMNS.day, value: (d) => d.day, width: 14 },
  { header: CALENDAR_IMPORT_COLUMNS.kind, value: (d) => CALENDAR_KIND_NAMES[d.kind][0], width: 12 },
  { header: CALENDAR_IMPORT_COLUMNS.name, value: (d) => d.name, width: 20 },
];

/** The calendar of a year in force at a place the caller reaches, as a workbook the import reads back. */
export async function calendarWorkbook(
  database: Database,
  ctx: Ctx,
  year: number,
  placeId: number,
): Promise<Readable> {
  const { days } = await calendarFor(database, ctx, year, placeId);
  return xlsxStream(
    `${year}`,
    COLUMNS,
    (async function* () {
      yield days;
    })(),
  );
}

/**
 * A county's calendar of a year from a workbook (or CSV), a day a row. Every row is checked and every
 * problem reported; with `commit` and no problem the days replace the county's own calendar of the
 * year whole, at the version read (409 when it changed since), audited.
 */
export async function importCalendar(
  database: Database,
  ctx: Ctx,
  target: { placeId: number; year: number; version: number },
  file: { path: string; format: FileFormat; fileName: string },
  commit: boolean,
): Promise<CalendarImportResult> {
  assertCalendarPlace(ctx.actor, await repo.placeOf(database.db, target.placeId));
  const read = await readDays(file.path, file.format).catch(() => {
    throw invalid('file', 'the file cannot be read');
  });
  if (!read)
    throw invalid('file', 'no header row naming the column {{column}}', {
      column: CALENDAR_IMPORT_COLUMNS.day,
    });
  if (read.tooMany) throw invalid('file', 'at most {{max}} rows', { max: String(MAX_ROWS) });
  if (!read.rows.length) throw invalid('file', 'the file has no rows');
  const { problems, days } = checkDays(read.rows, target.year);
  const result = {
    committed: false,
    rows: read.rows.length,
    problems,
    days,
    placeId: String(target.placeId),
  };
  if (!commit || problems.length) return result;
  await database.db.transaction((tx) =>
    replaceOwn(
      tx,
      ctx,
      { ...target, source: file.fileName.slice(0, 200), days: days.map(({ row: _, ...d }) => d) },
      'calendar.import',
      { days: days.length, file: file.fileName },
    ),
  );
  return { ...result, committed: true };
}
