import { sql, type SQL } from 'drizzle-orm';
import type { ImportedLead } from '@anju/contracts';

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
