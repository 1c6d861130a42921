import { sql } from 'drizzle-orm';
import type { Conn } from '../../db/client.ts';
import { rows } from '../../db/rows.ts';

export interface IncomeFacts {
  window_start: Date;
  recent: number;
  below_line: number;
  latest_per_capita: string | null;
  latest_line: number | null;
}

/**
 * A household's income records up to `now` against the monitoring line of their year (the
 * county's, else the city's, else the province's): how many were entered in the last `months`,
 * how many since `since` fall below their line (or have none), and the latest one.
 */
export async function incomeFacts(
  conn: Conn,
  householdId: number,
  since: Date | null,
  now: Date,
  months: number,
): Promise<IncomeFacts> {
  const placeAt = (part: number) => sql`nullif(split_part(h.residence_path, '/', ${part}), '')::bigint`;
  const lineOf = (part: number) =>
    sql`(SELECT amount FROM monitoring_lines WHERE year = i.year AND place_id = ${placeAt(part)})`;
  const from = since?.toISOString() ?? null;
  const [f] = await rows<IncomeFacts>(
    conn,
    sql`WITH w AS (SELECT ${now.toISOString()}::timestamptz - make_interval(months => ${months}) AS start),
             recs AS (
               SELECT i.entered_at, i.per_capita_net, coalesce(${lineOf(4)}, ${lineOf(3)}, ${lineOf(2)}) AS line
                 FROM household_incomes i JOIN households h ON h.id = i.household_id
                WHERE i.household_id = ${householdId} AND i.entered_at <= ${now.toISOString()}::timestamptz)
        SELECT w.start AS window_start,
               (SELECT count(*)::int FROM recs WHERE entered_at >= w.start) AS recent,
               (SELECT count(*)::int FROM recs
                 WHERE ${from}::timestamptz IS NOT NULL AND entered_at >= ${from}::timestamptz
                   AND (line IS NULL OR per_capita_net < line)) AS below_line,
               latest.per_capita_net AS latest_per_capita, latest.line AS latest_line
          FROM w LEFT JOIN LATERAL (SELECT per_capita_net, line FROM recs ORDER BY entered_at DESC LIMIT 1) latest ON true`,
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
