import { sql } from 'drizzle-orm';
import type { Income, IncomeInput } from '@anju/contracts';
import type { Conn } from '../../db/client.ts';
import { rows } from '../../db/rows.ts';
import type { Ctx } from '../../platform/auth/actor.ts';
import { ownScopeSql } from '../../platform/access/scope.ts';
import { auditInsertSql } from '../../platform/audit/audit.ts';
import type { HouseholdPaths } from './monitoring.policy.ts';
import { rulesInForceSql } from './rules.sql.ts';

export interface IncomeRow {
  household_id: number;
  year: number;
  period: Income['period'];
  wage: number;
  operating: number;
  property: number;
  transfer: number;
  production_costs: number;
  medical_expense: number;
  schooling_expense: number;
  wage_source: Income['wageSource'];
  member_count: number;
  net_income: number;
  per_capita_net: string;
  version: number;
  entered_by: string | null;
  entered_at: Date;
}

const SELECT = sql`SELECT i.household_id, i.year, i.period, i.wage, i.operating, i.property, i.transfer,
                          i.production_costs, i.medical_expense, i.schooling_expense, i.wage_source, i.member_count, i.net_income,
                          i.per_capita_net, i.version, u.username AS entered_by, i.entered_at
                     FROM household_incomes i LEFT JOIN users u ON u.id = i.entered_by`;

const placeAt = (part: number) => sql`nullif(split_part(h.residence_path, '/', ${part}), '')::bigint`;
const lineOf = (part: number) =>
  sql`(SELECT amount FROM monitoring_lines WHERE year = i.year AND place_id = ${placeAt(part)})`;

/**
 * A household's income records, latest year first, each with the monitoring line of its year (the
 * county's, else the city's, else the province's).
 */
export const incomesOf = (conn: Conn, householdId: number) =>
  rows<IncomeRow & { line: number | null }>(
    conn,
    sql`SELECT r.*, coalesce(${lineOf(4)}, ${lineOf(3)}, ${lineOf(2)}) AS line
          FROM (${SELECT} WHERE i.household_id = ${householdId}) r
          JOIN household_incomes i ON i.household_id = r.household_id AND i.year = r.year AND i.period = r.period
          JOIN households h ON h.id = r.household_id
         ORDER BY r.year DESC, r.period`,
  );

/** What the save found and wrote: the household's paths, the record written, and the rules in force. */
export interface Saved extends HouseholdPaths {
  saved: IncomeRow | null;
  current_version: number | null;
  rule_version: number;
  rules: unknown;
}

/**
 * The save in one statement: the household's paths, the record written only by an official of its
 * residence side (a new one, or an edit of the version it names), its audit row, the version it had
 * before (to tell a stale edit from a missing record) and the screening rules in force. Undefined
 * when there is no such household.
 */
export async function saveIncome(
  conn: Conn,
  ctx: Ctx,
  householdId: number,
  input: IncomeInput,
  wageSource: Income['wageSource'],
): Promise<Saved | undefined> {
  const home = sql`(SELECT home FROM h)`;
  const members = sql`(SELECT count(*) FROM persons WHERE household_id = ${householdId} AND status = 'living')`;
  const values = sql`${input.wage}, ${input.operating}, ${input.property}, ${input.transfer}, ${input.productionCosts},
                     ${input.medicalExpense}, ${input.schoolingExpense}`;
  const key = sql`household_id = ${householdId} AND year = ${input.year} AND period = ${input.period}`;
  const write =
    input.version === undefined
      ? sql`INSERT INTO household_incomes (household_id, year, period, wage, operating, property, transfer,
              production_costs, medical_expense, schooling_expense, wage_source, member_count, entered_by)
            SELECT ${householdId}, ${input.year}, ${input.period}, ${values}, ${wageSource}, ${members}, ${ctx.actor.userId}
             WHERE ${home}
            ON CONFLICT DO NOTHING RETURNING *`
      : sql`UPDATE household_incomes
               SET (wage, operating, property, transfer, production_costs, medical_expense, schooling_expense)
                   = (${values}),
                   wage_source = CASE WHEN wage = ${input.wage} AND ${wageSource} = 'declared' THEN wage_source
                                      ELSE ${wageSource} END,
                   member_count = ${members}, version = version + 1,
                   entered_by = ${ctx.actor.userId}, entered_at = now()
             WHERE ${key} AND version = ${input.version} AND ${home}
            RETURNING *`;
  const [r] = await rows<Saved>(
    conn,
    sql`
    WITH h AS (SELECT residence_path, origin_path, ${ownScopeSql(ctx.actor, sql`residence_path`)} AS home
                 FROM households WHERE id = ${householdId}),
    saved AS (${write}),
    logged AS (${auditInsertSql(
      sql`SELECT ${ctx.actor.userId}, ${ctx.actor.username}, 'monitoring.income', 'household', ${String(householdId)},
                 ${ctx.ip}, ${ctx.requestId}, 'ok', jsonb_build_object('year', year, 'period', period, 'version', version)
            FROM saved`,
    )})
    SELECT h.residence_path, h.origin_path, (SELECT to_jsonb(saved) FROM saved) AS saved,
           (SELECT version FROM household_incomes WHERE ${key}) AS current_version, r.version AS rule_version, r.rules
      FROM h, LATERAL (${rulesInForceSql(sql`h.residence_path`)}) r`,
  );
  return r;
}
