import { z } from 'zod';
import { Id, IsoDay } from './common.ts';

/** A day off a weekday (节假日), or a weekend day worked (调休上班). */
export const CALENDAR_DAY_KINDS = ['holiday', 'workday'] as const;
export type CalendarDayKind = (typeof CALENDAR_DAY_KINDS)[number];

export const CalendarDay = z.object({
  day: IsoDay,
  kind: z.enum(CALENDAR_DAY_KINDS),
  name: z.string().trim().max(32).default(''),
});
export type CalendarDay = z.infer<typeof CalendarDay>;

/** The holiday calendar of a year in force at a place: its county's own, else the national one. */
export const HolidayCalendar = z.object({
  year: z.number().int(),
  /** The place asked about. */
  place: z.object({ id: Id, name: z.string(), level: z.string() }),
  /** The place whose own calendar this is; null for the national calendar. */
  placeId: Id.nullable(),
  placeName: z.string().nullable(),
  source: z.string(),
  /** The version of the place's own calendar an edit starts from; 0 when it keeps none yet. */
  version: z.number().int(),
  /** Whether the place asked about keeps this calendar itself. */
  own: z.boolean(),
  days: z.array(CalendarDay),
});
export type HolidayCalendar = z.infer<typeof HolidayCalendar>;

export const CalendarQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100),
  placeId: z.coerce.number().int().positive().optional(),
});
export type CalendarQuery = z.infer<typeof CalendarQuery>;

/** A county's own calendar of a year, replaced whole at the version read. */
export const HolidayCalendarInput = z
  .object({
    placeId: Id,
    year: z.number().int().min(2000).max(2100),
    source: z.string().trim().max(200).default(''),
    days: z.array(CalendarDay).max(120),
    /** 0 when the county keeps no calendar of its own for the year yet. */
    version: z.number().int().min(0).max(2_147_483_647),
  })
  .superRefine((c, ctx) => {
    const seen = new Set<string>();
    c.days.forEach((d, i) => {
      if (!d.day.startsWith(`${c.year}-`))
        ctx.addIssue({ code: 'custom', path: ['days', i, 'day'], message: 'must be a day of that year' });
      if (seen.has(d.day))
        ctx.addIssue({ code: 'custom', path: ['days', i, 'day'], message: 'names a day twice' });
      seen.add(d.day);
      const weekday = new Date(`${d.day}T00:00:00Z`).getUTCDay();
      const weekend = weekday === 0 || weekday === 6;
      if (d.kind === 'workday' && !weekend)
        ctx.addIssue({
          code: 'custom',
          path: ['days', i, 'kind'],
          message: 'a working day must fall on a weekend',
        });
    });
  });
export type HolidayCalendarInput = z.infer<typeof HolidayCalendarInput>;
