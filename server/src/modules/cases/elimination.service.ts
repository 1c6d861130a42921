import { BASIC_NEEDS, type EliminationCheck } from '@anju/contracts';
import type { Conn, Database } from '../../db/client.ts';
import type { Ctx } from '../../platform/auth/actor.ts';
import { incomeFacts, labourers, openLeadsAfter } from './elimination.repo.ts';
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

/** The day in China time, YYYY-MM-DD. */
const chinaDay = (d: Date) => d.toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });

/**
 * Income is stable when the household has been assisted for six months, has an income record
 * entered in the last six, and every record entered since assistance began reaches the monitoring
 * line of its year (the county's, else the city's, else the province's). A record for a year without
 * a line cannot show it is above the line, so it counts as below.
 */
async function incomeStable(conn: Conn, c: CaseFacts, now: Date): Promise<Criterion> {
  const f = await incomeFacts(conn, c.householdId, c.assistedSince, now, STABLE_MONTHS);
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
  const open = await openLeadsAfter(conn, c.householdId, c.identifiedAt);
  return { code: 'no_new_risk', met: open === 0, params: { openLeads: open } };
}

/** A household with no living member able to work cannot be eliminated. */
async function hasLabour(conn: Conn, c: CaseFacts): Promise<Criterion> {
  const count = await labourers(conn, c.householdId);
  return { code: 'has_labour', met: count > 0, params: { labourers: count } };
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
