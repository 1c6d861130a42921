/** The first day of a period `YYYY-MM` or `YYYY-Qn` and the first day after it. */
export function periodRange(period: string): { from: string; until: string } {
  const year = Number(period.slice(0, 4));
  const quarter = period.includes('Q') ? Number(period.slice(6)) : null;
  const firstMonth = quarter ? (quarter - 1) * 3 : Number(period.slice(5, 7)) - 1;
  const from = new Date(Date.UTC(year, firstMonth, 1));
  const until = new Date(Date.UTC(year, firstMonth + (quarter ? 3 : 1), 1));
  return { from: from.toISOString().slice(0, 10), until: until.toISOString().slice(0, 10) };
}

/** The day a period's disclosure is due: the given day of the month after it ends. */
export function dueOn(period: string, day: number): string {
  const { until } = periodRange(period);
  return `${until.slice(0, 8)}${String(day).padStart(2, '0')}`;
}

/** The last `n` whole months before `today`, newest first (`YYYY-MM`). */
export function pastMonths(today: Date, n: number): string[] {
  return Array.from({ length: n }, (_, k) =>
    new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - 1 - k, 1)).toISOString().slice(0, 7),
  );
}

/** The last `n` whole quarters before `today`, newest first (`YYYY-Qn`). */
export function pastQuarters(today: Date, n: number): string[] {
  const current = today.getUTCFullYear() * 4 + Math.floor(today.getUTCMonth() / 3);
  return Array.from({ length: n }, (_, k) => {
    const q = current - 1 - k;
    return `${Math.floor(q / 4)}-Q${(q % 4) + 1}`;
  });
}
