import { BASIC_NEEDS, type EliminationCheck, type ProcedureRules } from '@anju/contracts';
import type { Conn, Database } from '../../db/client.ts';
import type { Ctx } from '../../platform/auth/actor.ts';
import { incomeFacts, labourers, openLeadsAfter } from './elimination.repo.ts';
import { procedureOfCase } from './cases.service.ts';
import { visibleCase } from './measures.service.ts';

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
 * Income is stable when the household has been assisted for the policy's months (six) and, for the
 * years those months reach, has income records by the year they cover, each at or above the line of
 * its year (the county's, else the city's, else the province's), a part-year record by the region's
 * part-year method. A year without a line cannot show it is above the line, so it counts as below.
 * Records of earlier years, even corrected today, play no part.
 */
async function incomeStable(conn: Conn, c: CaseFacts, rules: ProcedureRules, now: Date): Promise<Criterion> {
  const months = rules.stableMonths;
  const f = await incomeFacts(conn, c.householdId, now, months);
  const windowStart = new Date(f.window_start);
  const assistedLongEnough = !!c.assistedSince && c.assistedSince <= windowStart;
  const params: Params = {
    months,
    fromYear: f.first_year,
    recentRecords: f.recent,
    belowLine: f.below_line,
    partYear: rules.partYear,
  };
  if (c.assistedSince) params.since = chinaDay(c.assistedSince);
  if (f.latest_year !== null) {
    const part = f.latest_months! / 12;
    const perCapita = Number(f.latest_per_capita);
    params.year = f.latest_year;
    params.recordMonths = f.latest_months!;
    params.perCapitaNet = rules.partYear === 'annualise' ? Math.round(perCapita / part) : perCapita;
    if (f.latest_line !== null)
      params.line = rules.partYear === 'annualise' ? f.latest_line : Math.round(f.latest_line * part);
  }
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

/** Where the policy keeps households without labour monitored, one with nobody able to work stays. */
async function hasLabour(conn: Conn, c: CaseFacts, rules: ProcedureRules): Promise<Criterion> {
  const count = await labourers(conn, c.householdId);
  const required = rules.noLabourStaysMonitored;
  return { code: 'has_labour', met: !required || count > 0, params: { labourers: count, required } };
}

/** Checks every elimination criterion for a case; it may be eliminated when all are met. */
export async function checkElimination(
  conn: Conn,
  c: CaseFacts,
  basicNeeds: Record<string, boolean> | null,
  rules: ProcedureRules,
  now: Date,
): Promise<EliminationCheck> {
  const criteria = [
    await incomeStable(conn, c, rules, now),
    basicNeedsMet(basicNeeds),
    await noNewRisk(conn, c),
    await hasLabour(conn, c, rules),
  ];
  return { ok: criteria.every((k) => k.met), criteria };
}

/** The elimination check of a case with the basic needs recorded on it, for anyone who sees the case. */
export async function caseEliminationCheck(database: Database, ctx: Ctx, caseId: number, now = new Date()) {
  const c = await visibleCase(database.db, ctx.actor, caseId);
  const { rules } = await procedureOfCase(database.db, c);
  return checkElimination(
    database.db,
    {
      id: c.id,
      householdId: c.household_id,
      identifiedAt: c.identified_at && new Date(c.identified_at),
      assistedSince: c.assisted_since && new Date(c.assisted_since),
    },
    c.basic_needs,
    rules,
    now,
  );
}
