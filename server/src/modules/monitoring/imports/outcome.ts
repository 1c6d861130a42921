import { sql, type SQL } from 'drizzle-orm';
import type { ImportedLead } from '@anju/contracts';
import { conflict } from '../../../platform/errors.ts';
import type { FileFormat } from '../../../platform/files/xlsx.ts';

/** An uploaded file, checked by type and size, on disk until the request ends. */
export interface Upload {
  path: string;
  fileName: string;
  format: FileFormat;
}

/** How many leads a result lists; the counts are always exact. */
const LISTED_LEADS = 200;

export interface WrittenLead {
  id: number;
  household_id: number;
  household_no: string;
  head_name: string;
  total: number;
  inserted_total: number;
}

/** The first leads of `written` (a CTE of id, household_id, inserted) with their households, and the counts. */
export const leadsOf = (written: SQL) =>
  sql`SELECT w.id, w.household_id, h.household_no, h.head_name, count(*) OVER ()::int AS total,
             (count(*) FILTER (WHERE w.inserted) OVER ())::int AS inserted_total
        FROM ${written} w JOIN households h ON h.id = w.household_id
       ORDER BY w.id LIMIT ${LISTED_LEADS}`;

export const presentLeads = (written: WrittenLead[]): ImportedLead[] =>
  written.map((l) => ({
    id: String(l.id),
    householdId: String(l.household_id),
    householdNo: l.household_no,
    headName: l.head_name,
  }));

/** A commit writes every row or, asked to skip the bad ones, the good ones; never nothing. */
export function assertCommittable(counts: { valid: number; invalid: number }, skipBad: boolean) {
  if (counts.invalid > 0 && !skipBad)
    throw conflict(`${counts.invalid} rows have errors: fix them, or commit skipping them`, [
      { field: 'skipBad', reason: `${counts.invalid} bad rows` },
    ]);
  if (counts.valid === 0)
    throw conflict('no row can be committed', [{ field: 'file', reason: 'no good rows' }]);
}
