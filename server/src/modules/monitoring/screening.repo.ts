import { sql, type SQL } from 'drizzle-orm';
import { SCREENING_RULES, type ScreeningRules } from '@anju/contracts';
import type { Conn } from '../../db/client.ts';
import { rows } from '../../db/rows.ts';
import { screeningSql } from './screening.sql.ts';

/** The rules in force, as the screening applies them. */
export interface InForce {
  version: number;
  rules: ScreeningRules;
}

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

/** The counts of a screening run; `by_rule` is null when no household was screened. */
export interface Outcome {
  screened: number;
  flagged: number;
  new_leads: number;
  by_rule: Record<string, number> | null;
}

/**
 * Screens many households: counts them (a run over most households reads each set whole); writes the
 * flagged ones into a temporary table (a statement that only reads, so PostgreSQL may run it in
 * parallel, where one that also writes runs on one core); then their leads, with the counts per rule.
 * JIT compilation is off: compiling the statement took longer than it saved. Run it in a transaction.
 */
export async function screenMany(
  conn: Conn,
  target: { where: SQL },
  year: number,
  now: Date,
  userId: number | null,
  { version, rules }: InForce,
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

/** Screens one household and writes its lead in one statement; its flags, or none for no such household. */
export async function screenOne(
  conn: Conn,
  householdId: number,
  year: number,
  now: Date,
  userId: number,
  { version, rules }: InForce,
): Promise<string[]> {
  const [r] = await rows<{ flags: string[] }>(
    conn,
    sql`WITH s AS (${screeningSql(rules, year, { householdId }, now)}),
        ins AS (${writeLeads(sql`s`, year, version, userId)})
        SELECT s.flags FROM s`,
  );
  return r?.flags ?? [];
}
