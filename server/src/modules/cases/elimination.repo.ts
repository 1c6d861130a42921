import { sql, type SQL } from 'drizzle-orm';
import { PERIOD_MONTHS } from '@anju/contracts';
import type { Conn } from '../../db/client.ts';
import { rows } from '../../db/rows.ts';

export interface IncomeFacts {
  window_start: Date;
  first_year: number;
  recent: number;
  below_line: number;
  latest_year: number | null;
  latest_months: number | null;
  latest_per_capita: string | null;
  latest_line: number | null;
}

/**
 * A household's income records by the year they cover, against the monitoring line of that year (the
 * county's, else the city's, else the province's): for each year the stability window of `months`
 * reaches (from the year it starts in to the year of `now`), the most complete record (a whole year
 * before a mid-year one), how many of those there are, how many fall below their line with part-year
 * income annualised (or have no line), and the latest. When a record was entered plays no part.
 */
export async function incomeFacts(
  conn: Conn,
  householdId: number,
  now: Date,
  months: number,
): Promise<IncomeFacts> {
  const placeAt = (part: number) => sql`nullif(split_part(h.residence_path, '/', ${part}), '')::bigint`;
  const lineOf = (part: number) =>
    sql`(SELECT amount FROM monitoring_lines WHERE year = i.year AND place_id = ${placeAt(part)})`;
  const chinaYear = (t: SQL) => sql`extract(year FROM (${t}) AT TIME ZONE 'Asia/Shanghai')::int`;
  const at = sql`${now.toISOString()}::timestamptz`;
  const [f] = await rows<IncomeFacts>(
    conn,
    sql`WITH w AS (SELECT ${at} - make_interval(months => ${months}) AS start),
             y AS (SELECT ${chinaYear(sql`(SELECT start FROM w)`)} AS first_year, ${chinaYear(at)} AS last_year),
             recs AS (
               SELECT DISTINCT ON (i.year) i.year, m.months, i.per_capita_net,
                      coalesce(${lineOf(4)}, ${lineOf(3)}, ${lineOf(2)}) AS line
                 FROM household_incomes i JOIN households h ON h.id = i.household_id
                 CROSS JOIN LATERAL (SELECT CASE i.period WHEN 'mid_year' THEN ${PERIOD_MONTHS.mid_year}::int
                                                           ELSE ${PERIOD_MONTHS.year}::int END AS months) m
                WHERE i.household_id = ${householdId}
                  AND i.year BETWEEN (SELECT first_year FROM y) AND (SELECT last_year FROM y)
                ORDER BY i.year, m.months DESC)
        SELECT w.start AS window_start, y.first_year,
               (SELECT count(*)::int FROM recs) AS recent,
               (SELECT count(*)::int FROM recs
                 WHERE line IS NULL OR per_capita_net * 12 / months < line) AS below_line,
               latest.year AS latest_year, latest.months AS latest_months,
               latest.per_capita_net AS latest_per_capita, latest.line AS latest_line
          FROM w CROSS JOIN y
          LEFT JOIN LATERAL (SELECT year, months, per_capita_net, line FROM recs ORDER BY year DESC LIMIT 1) latest ON true`,
  );
  return f;
}

/** Leads still open for the household raised after `after` (any, when null). */
export async function openLeadsAfter(conn: Conn, householdId: number, after: Date | null): Promise<number> {
  const at = after?.toISOString() ?? null;
  const [r] = await rows<{ open: number }>(
    conn,
    sql`SELECT count(*)::int AS open FROM monitoring_leads
         WHERE household_id = ${householdId} AND status = 'open'
           AND (${at}::timestamptz IS NULL OR created_at > ${at}::timestamptz)`,
  );
  return r.open;
}

/** Living members of the household able to work, fully or partly. */
export async function labourers(conn: Conn, householdId: number): Promise<number> {
  const [r] = await rows<{ labourers: number }>(
    conn,
    sql`SELECT count(*)::int AS labourers FROM persons
         WHERE household_id = ${householdId} AND status = 'living' AND labour_capacity IN ('full', 'partial')`,
  );
  return r.labourers;
}
