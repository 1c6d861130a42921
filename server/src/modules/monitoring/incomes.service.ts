import { sql } from 'drizzle-orm';
import type { Income, IncomeInput, ScreeningRule } from '@anju/contracts';
import type { Conn, Database } from '../../db/client.ts';
import { rows } from '../../db/rows.ts';
import type { Ctx } from '../../platform/auth/actor.ts';
import { audit } from '../../platform/audit/audit.ts';
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

/**
 * Records a household's income for a year (a new record, or an edit naming the version it started
 * from: a stale one is a 409), then re-screens the household at once for that year. Audited.
 */
export async function saveIncome(
  database: Database,
  ctx: Ctx,
  householdId: number,
  input: IncomeInput,
): Promise<{ income: Income; flags: ScreeningRule[] }> {
  return database.db.transaction(async (tx) => {
    assertResidenceSide(ctx.actor, await household(tx, ctx, householdId));
    const members = sql`(SELECT count(*) FROM persons WHERE household_id = ${householdId} AND status = 'living')`;
    const values = sql`${input.wage}, ${input.operating}, ${input.property}, ${input.transfer}, ${input.productionCosts},
                       ${input.medicalExpense}, ${input.schoolingExpense}`;
    const saved =
      input.version === undefined
        ? await rows<IncomeRow>(
            tx,
            sql`INSERT INTO household_incomes (household_id, year, period, wage, operating, property, transfer,
                  production_costs, medical_expense, schooling_expense, member_count, entered_by)
                VALUES (${householdId}, ${input.year}, ${input.period}, ${values}, ${members}, ${ctx.actor.userId})
                ON CONFLICT DO NOTHING RETURNING *`,
          )
        : await rows<IncomeRow>(
            tx,
            sql`UPDATE household_incomes
                   SET (wage, operating, property, transfer, production_costs, medical_expense, schooling_expense)
                       = (${values}),
                       member_count = ${members}, version = version + 1,
                       entered_by = ${ctx.actor.userId}, entered_at = now()
                 WHERE household_id = ${householdId} AND year = ${input.year} AND period = ${input.period}
                   AND version = ${input.version}
                RETURNING *`,
          );
    if (saved.length === 0) {
      if (input.version !== undefined && !(await findIncome(tx, householdId, input.year, input.period)))
        throw notFound('income record');
      throw conflict('the income record was changed by someone else', [
        {
          field: 'version',
          reason: input.version === undefined ? 'a record of this year exists' : 'is stale',
        },
      ]);
    }
    const income = present({ ...saved[0], entered_by: ctx.actor.username });
    await audit(tx, ctx, {
      action: 'monitoring.income',
      targetType: 'household',
      targetId: householdId,
      detail: { year: input.year, period: input.period, version: income.version },
    });
    const flags =
      input.period === 'year' ? await rescreen(tx, householdId, input.year, ctx.actor.userId) : [];
    return { income, flags: flags as ScreeningRule[] };
  });
}

async function findIncome(conn: Conn, householdId: number, year: number, period: string) {
  const [r] = await rows<IncomeRow>(
    conn,
    sql`${SELECT} WHERE i.household_id = ${householdId} AND i.year = ${year} AND i.period = ${period}`,
  );
  return r ? present(r) : undefined;
}
