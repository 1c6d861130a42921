import { z } from 'zod';

/** Database ids travel as decimal strings; 15 digits at most, so they stay exact as JavaScript numbers. */
export const Id = z.string().regex(/^[1-9][0-9]{0,14}$/, 'must be a positive integer id');
export type Id = z.infer<typeof Id>;

/** Dates travel in years 1900–2100: PostgreSQL has no year 0, and no record of Anju lies outside them. */
const inYears = (s: string) => Number(s.slice(0, 4)) >= 1900 && Number(s.slice(0, 4)) <= 2100;
const YEARS = 'must be a date in the years 1900 to 2100';

/** A calendar day, `YYYY-MM-DD`. */
export const IsoDay = z.string().date().refine(inYears, YEARS);
export type IsoDay = z.infer<typeof IsoDay>;

/** An instant with its offset, `2026-03-01T08:00:00+08:00`. */
export const IsoInstant = z.string().datetime({ offset: true }).refine(inYears, YEARS);
export type IsoInstant = z.infer<typeof IsoInstant>;

/** The version an update started from (optimistic concurrency). */
export const Version = z.number().int().min(1).max(2_147_483_647);
export type Version = z.infer<typeof Version>;

/** An id a request carries (in its path, query or body): checked as an `Id`, handed to the server as a number. */
export const IdParam = Id.transform(Number);
export type IdParam = z.infer<typeof IdParam>;
/** A route's `:id`. */
export const IdParams = z.object({ id: IdParam });
export type IdParams = z.infer<typeof IdParams>;
/** What a client sends as `IdParams`. */
export type IdParamsInput = z.input<typeof IdParams>;

export const Paging = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type Paging = z.infer<typeof Paging>;

export const pageOf = <T extends z.ZodTypeAny>(item: T) =>
  z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });

export const Ok = z.object({ ok: z.literal(true) });
export type Ok = z.infer<typeof Ok>;
export const ExportFormat = z.enum(['xlsx', 'csv']);
export type ExportFormat = z.infer<typeof ExportFormat>;
