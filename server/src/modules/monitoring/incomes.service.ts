import { sql, type SQL } from 'drizzle-orm';
import { ScreeningRules, type Income, type IncomeInput, type ScreeningRule } from '@anju/contracts';
import type { Conn, Database } from '../../db/client.ts';
import { rows } from '../../db/rows.ts';
import type { Ctx } from '../../platform/auth/actor.ts';
import { conflict, notFound } from '../../platform/errors.ts';
import { assertHouseholdVisible, assertResidenceSide, type HouseholdPaths } from './monitoring.policy.ts';
import { rescreen } from './screening.service.ts';

interface IncomeRow {
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
  member_count: number;
  net_income: number;
  per_capita_net: string;
  version: number;
  entered_by: string | null;
  entered_at: Date;
}

const SELECT = sql`SELECT i.household_id, i.year, i.period, i.wage, i.operating, i.property, i.transfer,
                          i.production_costs, i.medical_expense, i.schooling_expense, i.member_count, i.net_income,
                          i.per_capita_net, i.version, u.username AS entered_by, i.entered_at
                     FROM household_incomes i LEFT JOIN users u ON u.id = i.entered_by`;

const present = (r: IncomeRow): Income => ({
  householdId: String(r.household_id),
  year: r.year,
  period: r.period,
  wage: r.wage,
  operating: r.operating,
  property: r.property,
  transfer: r.transfer,
  productionCosts: r.production_costs,
  medicalExpense: r.medical_expense,
  schoolingExpense: r.schooling_expense,
  memberCount: r.member_count,
  netIncome: r.net_income,
  perCapitaNet: Number(r.per_capita_net),
  version: r.version,
  enteredBy: r.entered_by,
  enteredAt: new Date(r.entered_at).toISOString(),
});

async function household(conn: Conn, ctx: Ctx, id: number): Promise<HouseholdPaths> {
  const [h] = await rows<HouseholdPaths>(
    conn,
    sql`SELECT residence_path, origin_path FROM households WHERE id = ${id}`,
  );
  assertHouseholdVisible(ctx.actor, h);
  return h;
}

export async function listIncomes(database: Database, ctx: Ctx, householdId: number): Promise<Income[]> {
  await household(database.db, ctx, householdId);
  const found = await rows<IncomeRow>(
    database.db,
    sql`${SELECT} WHERE i.household_id = ${householdId} ORDER BY i.year DESC, i.period`,
  );
  return found.map(present);
}

interface Saved extends HouseholdPaths {
  saved: IncomeRow | null;
  current_version: number | null;
  rule_version: number;
  rules: unknown;
}

/**
 * The save in one statement: the household's paths, the record written only by an official of its
 * residence side (a new one, or an edit of the version it names), its audit row, the version it had
 * before (to tell a stale edit from a missing record) and the screening rules in force.
 */
function saveSql(ctx: Ctx, householdId: number, input: IncomeInput): SQL {
  const home = sql`(SELECT home FROM h)`;
  const members = sql`(SELECT count(*) FROM persons WHERE household_id = ${householdId} AND status = 'living')`;
  const values = sql`${input.wage}, ${input.operating}, ${input.property}, ${input.transfer}, ${input.productionCosts},
                     ${input.medicalExpense}, ${input.schoolingExpense}`;
  const key = sql`household_id = ${householdId} AND year = ${input.year} AND period = ${input.period}`;
  const write =
    input.version === undefined
      ? sql`INSERT INTO household_incomes (household_id, year, period, wage, operating, property, transfer,
              production_costs, medical_expense, schooling_expense, member_count, entered_by)
            SELECT ${householdId}, ${input.year}, ${input.period}, ${values}, ${members}, ${ctx.actor.userId}
             WHERE ${home}
            ON CONFLICT DO NOTHING RETURNING *`
      : sql`UPDATE household_incomes
               SET (wage, operating, property, transfer, production_costs, medical_expense, schooling_expense)
                   = (${values}),
                   member_count = ${members}, version = version + 1,
                   entered_by = ${ctx.actor.userId}, entered_at = now()
             WHERE ${key} AND version = ${input.version} AND ${home}
            RETURNING *`;
  const scopes = `{${ctx.actor.scopes.map((s) => `"${s.path}"`).join(',')}}`;
  return sql`
    WITH h AS (SELECT residence_path, origin_path,
                      EXISTS (SELECT 1 FROM unnest(${scopes}::text[]) p WHERE starts_with(residence_path, p)) AS home
                 FROM households WHERE id = ${householdId}),
    saved AS (${write}),
    logged AS (INSERT INTO audit_log (actor_id, actor_name, action, target_type, target_id, ip, request_id, result, detail)
               SELECT ${ctx.actor.userId}, ${ctx.actor.username}, 'monitoring.income', 'household', ${String(householdId)},
                      ${ctx.ip}, ${ctx.requestId}, 'ok', jsonb_build_object('year', year, 'period', period, 'version', version)
                 FROM saved)
    SELECT h.residence_path, h.origin_path, (SELECT to_jsonb(saved) FROM saved) AS saved,
           (SELECT version FROM household_incomes WHERE ${key}) AS current_version, r.version AS rule_version, r.rules
      FROM h, (SELECT version, rules FROM screening_rule_sets ORDER BY version DESC LIMIT 1) r`;
}

/**
 * Records a household's income for a year (a new record, or an edit naming the version it started
 * from: a stale one is a 409), then re-screens the household at once for that year. Audited. Two
 * statements in one transaction: the save, then the screening, which sees the saved record.
 */
export async function saveIncome(
  database: Database,
  ctx: Ctx,
  householdId: number,
  input: IncomeInput,
): Promise<{ income: Income; flags: ScreeningRule[] }> {
  const save = async (conn: Conn) => {
    const [r] = await rows<Saved>(conn, saveSql(ctx, householdId, input));
    assertHouseholdVisible(ctx.actor, r);
    assertResidenceSide(ctx.actor, r);
    if (!r.saved) {
      if (input.version !== undefined && r.current_version === null) throw notFound('income record');
      throw conflict('the income record was changed by someone else', [
        {
          field: 'version',
          reason: input.version === undefined ? 'a record of this year exists' : 'is stale',
        },
      ]);
    }
    return { r, income: present({ ...r.saved, entered_by: ctx.actor.username }) };
  };
  // a record of part of a year is not screened: its one statement needs no transaction of its own
  if (input.period !== 'year') return { income: (await save(database.db)).income, flags: [] };
  return database.db.transaction(async (tx) => {
    const { r, income } = await save(tx);
    const inForce = { version: r.rule_version, rules: ScreeningRules.parse(r.rules) };
    const flags = await rescreen(tx, householdId, input.year, ctx.actor.userId, inForce);
    return { income, flags: flags as ScreeningRule[] };
  });
}
