import type { CalendarDay, HolidayCalendar, HolidayCalendarInput } from '@anju/contracts';
import type { Conn, Database } from '../../db/client.ts';
import type { Ctx } from '../../platform/auth/actor.ts';
import { audit } from '../../platform/audit/audit.ts';
import { conflict } from '../../platform/errors.ts';
import { assertCalendarPlace, assertCalendarReadable } from './calendar.policy.ts';
import * as repo from './calendar.repo.ts';

/**
 * The calendar of `year` in force at a place the caller reaches (their first scope when none is
 * named), with that place; without any kept for the year, only weekends rest.
 */
export async function calendarFor(
  database: Database,
  ctx: Ctx,
  year: number,
  placeId?: number,
): Promise<HolidayCalendar> {
  const conn = database.db;
  const asked = placeId ?? ctx.actor.scopes[0]?.id;
  const place = asked === undefined ? undefined : await repo.placeOf(conn, asked);
  assertCalendarReadable(ctx.actor, place);
  const c = await repo.inForce(conn, place!.path, year);
  const own = c?.place_id != null && Number(c.place_id) === Number(place!.id);
  return {
    year,
    place: { id: String(place!.id), name: place!.name, level: place!.level },
    placeId: c?.place_id == null ? null : String(c.place_id),
    placeName: c?.place_name ?? null,
    source: c?.source ?? '',
    version: own ? c.version : 0,
    own,
    days: c?.days ?? [],
  };
}

/**
 * Replaces a county's own calendar of a year whole. `version` is the one read (0 when the county kept
 * none); another edit saved since is refused (409). Deadlines set from now on count by it.
 */
export async function saveCalendar(
  database: Database,
  ctx: Ctx,
  input: HolidayCalendarInput,
): Promise<HolidayCalendar> {
  const placeId = Number(input.placeId);
  await database.db.transaction((tx) =>
    replaceOwn(tx, ctx, { ...input, placeId }, 'calendar.save', { days: input.days.length }),
  );
  return calendarFor(database, ctx, input.year, placeId);
}

/** Within a transaction: the county's own calendar replaced at the version read, audited as `action`. */
export async function replaceOwn(
  tx: Conn,
  ctx: Ctx,
  input: { placeId: number; year: number; source: string; days: CalendarDay[]; version: number },
  action: string,
  detail: Record<string, unknown>,
) {
  const { placeId, year } = input;
  assertCalendarPlace(ctx.actor, await repo.placeOf(tx, placeId));
  const current = await repo.ownForUpdate(tx, placeId, year);
  if ((current?.version ?? 0) !== input.version)
    throw conflict('the calendar was changed by someone else; reload it');
  const id = await repo.replace(tx, placeId, year, input.source, input.days);
  await audit(tx, ctx, {
    action,
    targetType: 'holiday_calendar',
    targetId: id,
    detail: { placeId, year, ...detail },
  });
}
