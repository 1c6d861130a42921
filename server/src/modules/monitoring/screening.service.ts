import { sql, type SQL } from 'drizzle-orm';
import { SCREENING_RULES, type ScreeningResult, type ScreeningRules } from '@anju/contracts';
import type { Conn, Database } from '../../db/client.ts';
import { rows } from '../../db/rows.ts';
import type { Ctx } from '../../platform/auth/actor.ts';
import { audit } from '../../platform/audit/audit.ts';
import { underPath } from '../places/places.service.ts';
import { currentRules } from './rules.service.ts';
import { screeningSql, underAny } from './screening.sql.ts';

/**
 * The lead a flagged household gets: a new one, or its open screening lead with the latest flags when
 * they changed. In household order, so that the indexes and the households' key checks are visited in order.
 */
const writeLeads = (found: SQL, year: number, version: number, userId: number | null) => sql`
  INSERT INTO monitoring_leads (household_id, source, year, flags, rule_version, detail, created_by)
  SELECT household_id, 'screening', ${year}, flags, ${version},
         jsonb_build_object('perCapitaNet', per_capita_net, 'line', line), ${userId}::bigint
    FROM ${found} WHERE cardinality(flags) > 0
   ORDER BY household_id
  ON CONFLICT (household_id) WHERE status = 'open'
  DO UPDATE SET flags = EXCLUDED.flags, year = EXCLUDED.year, rule_version = EXCLUDED.rule_version,
                detail = EXCLUDED.detail
   WHERE monitoring_leads.source = 'screening'
     AND (monitoring_leads.flags, monitoring_leads.year) IS DISTINCT FROM (EXCLUDED.flags, EXCLUDED.year)
  RETURNING (xmax = 0) AS inserted`;

interface Outcome {
  screened: number;
  flagged: number;
  new_leads: number;
  by_rule: Record<string, number> | null;
}

/**
 * Screens many households: counts them (a run over most households reads each set whole); writes the
 * flagged ones into a temporary table (a statement that only reads, so PostgreSQL may run it in
 * parallel, where one that also writes runs on one core); then their leads, with the counts per rule.
 * JIT compilation is off: compiling the statement took longer than it saved.
 */
async function screenMany(
  conn: Conn,
  target: { where: SQL },
  year: number,
  now: Date,
  userId: number | null,
  { version, rules }: { version: number; rules: ScreeningRules },
): Promise<Outcome> {
  await conn.execute(sql`SELECT set_config('work_mem', '64MB', true), set_config('jit', 'off', true)`);
  const [{ screened, households }] = await rows<{ screened: number; households: number }>(
    conn,
    sql`SELECT count(*)::int AS screened,
               (SELECT reltuples FROM pg_class WHERE oid = 'households'::regclass) AS households
          FROM households h WHERE h.status = 'active' AND ${target.where}`,
  );
  if (screened === 0) return { screened, flagged: 0, new_leads: 0, by_rule: null };
  const most = screened * 2 >= households;
  await conn.execute(sql`CREATE TEMP TABLE screening_found ON COMMIT DROP AS
    SELECT * FROM (${screeningSql(rules, year, { ...target, most }, now)}) s WHERE cardinality(flags) > 0`);
  const [r] = await rows<Outcome>(
    conn,
    sql`WITH ins AS (${writeLeads(sql`screening_found`, year, version, userId)})
        SELECT ${screened}::int AS screened, count(*)::int AS flagged,
               (SELECT count(*)::int FROM ins WHERE inserted) AS new_leads,
               jsonb_build_object(${sql.join(
                 SCREENING_RULES.map((r) => sql`${r}::text, count(*) FILTER (WHERE ${r} = ANY(flags))`),
                 sql`, `,
               )}) AS by_rule
          FROM screening_found`,
  );
  await conn.execute(sql`DROP TABLE screening_found`);
  return r;
}

/**
 * Screens the target households and records a lead for each flagged one that has no open lead; an
 * open lead raised by screening takes the latest flags when they changed (a monthly run over the same
 * households rewrites nothing that stayed the same). Returns the counts.
 * `userId` is null when the system screens (scheduled runs, generated data). Run it in a transaction.
 */
export async function screenInto(
  conn: Conn,
  target: { where: SQL },
  year: number,
  now: Date,
  userId: number | null,
) {
  const inForce = await currentRules(conn);
  const outcome = await screenMany(conn, target, year, now, userId, inForce);
  return { version: inForce.version, outcome };
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
  const target = { where: sql`${underAny(ctx.actor.scopes.map((s) => s.path))} ${under}` };
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

/**
 * Re-screens one household inside the caller's transaction (after an income update) under the rules
 * in force, which the caller read with its own statement; returns its flags.
 */
export async function rescreen(
  conn: Conn,
  householdId: number,
  year: number,
  userId: number,
  { version, rules }: { version: number; rules: ScreeningRules },
  now = new Date(),
) {
  const [r] = await rows<{ flags: string[] }>(
    conn,
    sql`WITH s AS (${screeningSql(rules, year, { householdId }, now)}),
        ins AS (${writeLeads(sql`s`, year, version, userId)})
        SELECT s.flags FROM s`,
  );
  return r?.flags ?? [];
}
