import { sql } from 'drizzle-orm';
import { SCREENING_RULES, type ScreeningResult } from '@anju/contracts';
import type { Conn, Database } from '../../db/client.ts';
import { rows } from '../../db/rows.ts';
import type { Ctx } from '../../platform/auth/actor.ts';
import { audit } from '../../platform/audit/audit.ts';
import { underPath } from '../places/places.service.ts';
import { householdsVisible } from './monitoring.policy.ts';
import { currentRules } from './rules.service.ts';
import { screeningSql, type Target } from './screening.sql.ts';

/** What a run over many households reports, in one pass over the screened rows. */
const MANY = sql`SELECT count(*)::int AS screened,
  count(*) FILTER (WHERE cardinality(flags) > 0)::int AS flagged,
  (SELECT count(*)::int FROM ins WHERE inserted) AS new_leads,
  jsonb_build_object(${sql.join(
    SCREENING_RULES.map((r) => sql`${r}::text, count(*) FILTER (WHERE ${r} = ANY(flags))`),
    sql`, `,
  )}) AS by_rule
  FROM s`;
const ONE = sql`SELECT s.flags, (SELECT count(*)::int FROM ins) AS new_leads FROM s`;

interface Outcome {
  screened: number;
  flagged: number;
  new_leads: number;
  by_rule: Record<string, number> | null;
}

/**
 * Screens the target households and records a lead for each flagged one that has no open lead; an
 * open lead raised by screening takes the latest flags when they changed (a monthly run over the same
 * households rewrites nothing that stayed the same). Returns counts, and the flags of a single target.
 * `userId` is null when the system screens (scheduled runs, generated data). Run it in a transaction.
 */
export async function screenInto(conn: Conn, target: Target, year: number, now: Date, userId: number | null) {
  const { version, rules } = await currentRules(conn);
  // a run over many households hashes them several times: room for that in memory, for this transaction
  if (!('householdId' in target)) await conn.execute(sql`SET LOCAL work_mem = '64MB'`);
  const [r] = await rows<Outcome & { flags: string[] | null }>(
    conn,
    sql`WITH s AS (${screeningSql(rules, year, target, now)}),
        ins AS (
          INSERT INTO monitoring_leads (household_id, source, year, flags, rule_version, detail, created_by)
          SELECT household_id, 'screening', ${year}, flags, ${version},
                 jsonb_build_object('perCapitaNet', per_capita_net, 'line', line), ${userId}::bigint
            FROM s WHERE cardinality(flags) > 0
          ON CONFLICT (household_id) WHERE status = 'open'
          DO UPDATE SET flags = EXCLUDED.flags, year = EXCLUDED.year, rule_version = EXCLUDED.rule_version,
                        detail = EXCLUDED.detail
           WHERE monitoring_leads.source = 'screening'
             AND (monitoring_leads.flags, monitoring_leads.year) IS DISTINCT FROM (EXCLUDED.flags, EXCLUDED.year)
          RETURNING (xmax = 0) AS inserted)
        ${'householdId' in target ? ONE : MANY}`,
  );
  return { version, outcome: r };
}

/** Screens every household the caller sees (under a place, if given) for a year. Audited. */
export async function runScreening(
  database: Database,
  ctx: Ctx,
  input: { year: number; under?: string },
  now = new Date(),
): Promise<ScreeningResult> {
  const started = performance.now();
  const path = input.under ? (await underPath(database.db, input.under)) + '%' : null;
  const under = path ? sql`AND (h.residence_path LIKE ${path} OR h.origin_path LIKE ${path})` : sql``;
  const target = { where: sql`${householdsVisible(ctx.actor)} ${under}` };
  return database.db.transaction(async (tx) => {
    const { version, outcome } = await screenInto(tx, target, input.year, now, ctx.actor.userId);
    const result: ScreeningResult = {
      year: input.year,
      ruleVersion: version,
      screened: outcome.screened,
      flagged: outcome.flagged,
      newLeads: outcome.new_leads,
      byRule: Object.fromEntries(SCREENING_RULES.map((r) => [r, outcome.by_rule?.[r] ?? 0])),
      seconds: +((performance.now() - started) / 1000).toFixed(3),
    };
    await audit(tx, ctx, {
      action: 'monitoring.screen',
      targetType: 'place',
      targetId: input.under,
      detail: { ...result },
    });
    return result;
  });
}

/** Re-screens one household inside the caller's transaction (after an income update); returns its flags. */
export async function rescreen(
  conn: Conn,
  householdId: number,
  year: number,
  userId: number,
  now = new Date(),
) {
  const { outcome } = await screenInto(conn, { householdId }, year, now, userId);
  return outcome?.flags ?? [];
}
