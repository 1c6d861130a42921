import { sql } from 'drizzle-orm';
import { BASIC_NEEDS, type EliminationCheck } from '@anju/contracts';
import type { Conn, Database } from '../../db/client.ts';
import { rows } from '../../db/rows.ts';
import type { Ctx } from '../../platform/auth/actor.ts';
import { visibleCase } from './measures.service.ts';

/** Months of assistance, and of income records, before a risk may be eliminated. */
export const STABLE_MONTHS = 6;

type Criterion = EliminationCheck['criteria'][number];
type Params = Criterion['params'];

interface CaseFacts {
  id: number;
  householdId: number;
  identifiedAt: Date | null;
  assistedSince: Date | null;
}

interface IncomeFacts {
  window_start: Date;
  recent: number;
  below_line: number;
  latest_per_capita: string | null;
  latest_line: number | null;
}

/** The day in China time, YYYY-MM-DD. */
const chinaDay = (d: Date) => d.toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });

/**
 * Income is stable when the household has been assisted for six months, has an income record
 * entered in the last six, and every record entered since assistance began reaches the monitoring
 * line of its year (the county's, else the city's, else the province's). A record for a year without
 * a line cannot show it is above the line, so it counts as below.
 */
async function incomeStable(conn: Conn, c: CaseFacts, now: Date): Promise<Criterion> {
  const placeAt = (part: number) => sql`nullif(split_part(h.residence_path, '/', ${part}), '')::bigint`;
  const lineOf = (part: number) =>
    sql`(SELECT amount FROM monitoring_lines WHERE year = i.year AND place_id = ${placeAt(part)})`;
  const since = c.assistedSince?.toISOString() ?? null;
  const [f] = await rows<IncomeFacts>(
    conn,
    sql`WITH w AS (SELECT ${now.toISOString()}::timestamptz - make_interval(months => ${STABLE_MONTHS}) AS start),
             recs AS (
               SELECT i.entered_at, i.per_capita_net, coalesce(${lineOf(4)}, ${lineOf(3)}, ${lineOf(2)}) AS line
                 FROM household_incomes i JOIN households h ON h.id = i.household_id
                WHERE i.household_id = ${c.householdId} AND i.entered_at <= ${now.toISOString()}::timestamptz)
        SELECT w.start AS window_start,
               (SELECT count(*)::int FROM recs WHERE entered_at >= w.start) AS recent,
               (SELECT count(*)::int FROM recs
                 WHERE ${since}::timestamptz IS NOT NULL AND entered_at >= ${since}::timestamptz
                   AND (line IS NULL OR per_capita_net < line)) AS below_line,
               latest.per_capita_net AS latest_per_capita, latest.line AS latest_line
          FROM w LEFT JOIN LATERAL (SELECT per_capita_net, line FROM recs ORDER BY entered_at DESC LIMIT 1) latest ON true`,
  );
  const windowStart = new Date(f.window_start);
  const assistedLongEnough = !!c.assistedSince && c.assistedSince <= windowStart;
  const params: Params = { months: STABLE_MONTHS, recentRecords: f.recent, belowLine: f.below_line };
  if (c.assistedSince) params.since = chinaDay(c.assistedSince);
  if (f.latest_line !== null) params.line = f.latest_line;
  if (f.latest_per_capita !== null) params.perCapitaNet = Number(f.latest_per_capita);
  return {
    code: 'income_stable',
    met: assistedLongEnough && f.recent > 0 && f.below_line === 0,
    params,
  };
}

function basicNeedsMet(basicNeeds: Record<string, boolean> | null): Criterion {
  const params: Params = {};
  for (const need of BASIC_NEEDS) params[need] = basicNeeds?.[need] === true;
  return { code: 'basic_needs', met: !!basicNeeds && BASIC_NEEDS.every((n) => params[n]), params };
}

/** A lead still open for the household and raised after identification is a new risk. */
async function noNewRisk(conn: Conn, c: CaseFacts): Promise<Criterion> {
  const after = c.identifiedAt?.toISOString() ?? null;
  const [r] = await rows<{ open: number }>(
    conn,
    sql`SELECT count(*)::int AS open FROM monitoring_leads
         WHERE household_id = ${c.householdId} AND status = 'open'
           AND (${after}::timestamptz IS NULL OR created_at > ${after}::timestamptz)`,
  );
  return { code: 'no_new_risk', met: r.open === 0, params: { openLeads: r.open } };
}

/** A household with no living member able to work cannot be eliminated. */
async function hasLabour(conn: Conn, c: CaseFacts): Promise<Criterion> {
  const [r] = await rows<{ labourers: number }>(
    conn,
    sql`SELECT count(*)::int AS labourers FROM persons
         WHERE household_id = ${c.householdId} AND status = 'living' AND labour_capacity IN ('full', 'partial')`,
  );
  return { code: 'has_labour', met: r.labourers > 0, params: { labourers: r.labourers } };
}

/** Checks every elimination criterion for a case; it may be eliminated when all are met. */
export async function checkElimination(
  conn: Conn,
  c: CaseFacts,
  basicNeeds: Record<string, boolean> | null,
  now: Date,
): Promise<EliminationCheck> {
  const criteria = [
    await incomeStable(conn, c, now),
    basicNeedsMet(basicNeeds),
    await noNewRisk(conn, c),
    await hasLabour(conn, c),
  ];
  return { ok: criteria.every((k) => k.met), criteria };
}

/** The elimination check of a case with the basic needs recorded on it, for anyone who sees the case. */
export async function caseEliminationCheck(database: Database, ctx: Ctx, caseId: number, now = new Date()) {
  const c = await visibleCase(database.db, ctx.actor, caseId);
  return checkElimination(
    database.db,
    {
      id: c.id,
      householdId: c.household_id,
      identifiedAt: c.identified_at && new Date(c.identified_at),
      assistedSince: c.assisted_since && new Date(c.assisted_since),
    },
    c.basic_needs,
    now,
  );
}
