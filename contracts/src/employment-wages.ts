import { z } from 'zod';
import { Id, Version } from './common.ts';
import { WAGE_SOURCES } from './monitoring.ts';

const WageYear = z.coerce.number().int().min(2015).max(2100);

export const WageQuery = z.object({ year: WageYear });
export type WageQuery = z.infer<typeof WageQuery>;

/** A household's wage income of a year from its employment records, beside what its income record holds. */
export const HouseholdWages = z.object({
  householdId: Id,
  year: z.number().int(),
  /** Monthly wage × months held in the year, per person, in yuan. */
  persons: z.array(z.object({ personId: Id, name: z.string(), months: z.number(), wage: z.number() })),
  /** The household's wage from its records, in whole yuan as income records keep it. */
  total: z.number().int(),
  /** The year's whole-year income record as it stands, or null when there is none. */
  declared: z
    .object({ wage: z.number().int(), wageSource: z.enum(WAGE_SOURCES), version: Version })
    .nullable(),
  /** Whether the caller may accept the computed wage into the income record (the residence side). */
  mayAccept: z.boolean(),
});
export type HouseholdWages = z.infer<typeof HouseholdWages>;

/** Accepting the computed wage: into the record of `version`, or a new record when there is none. */
export const WageAccept = z.object({ year: WageYear, version: Version.optional() });
export type WageAccept = z.infer<typeof WageAccept>;
