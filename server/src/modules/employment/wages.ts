/** A job as the wage computation reads it: days as YYYY-MM-DD, no end while it is held. */
export interface WageRecord {
  monthlyWage: number;
  startOn: string;
  endOn: string | null;
}

const day = (iso: string) => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10));
const DAY = 86_400_000;

/**
 * The months of `year` a job covers, each month counted by the share of its days held (start and end
 * days included); a job with no end is counted to the year's end.
 */
export function monthsHeld(r: Pick<WageRecord, 'startOn' | 'endOn'>, year: number): number {
  let months = 0;
  for (let m = 0; m < 12; m++) {
    const first = Date.UTC(year, m, 1);
    const last = Date.UTC(year, m + 1, 0);
    const from = Math.max(first, day(r.startOn));
    const to = Math.min(last, r.endOn === null ? last : day(r.endOn));
    if (to >= from) months += ((to - from) / DAY + 1) / ((last - first) / DAY + 1);
  }
  return months;
}

/** A person's wage income of `year` from their jobs: each monthly wage × the months held, in yuan to the fen. */
export function wageOfYear(records: WageRecord[], year: number): { months: number; wage: number } {
  let months = 0;
  let wage = 0;
  for (const r of records) {
    const m = monthsHeld(r, year);
    months += m;
    wage += r.monthlyWage * m;
  }
  return { months: Math.round(months * 100) / 100, wage: Math.round(wage * 100) / 100 };
}
