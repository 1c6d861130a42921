import {
  PERIOD_MONTHS,
  ScreeningRules,
  type Income,
  type IncomeAssessed,
  type IncomeInput,
  type PartYearMethod,
  type ScreeningRule,
} from '@anju/contracts';
import type { Conn, Database } from '../../db/client.ts';
import type { Ctx } from '../../platform/auth/actor.ts';
import { conflict, notFound } from '../../platform/errors.ts';
import { assertHouseholdVisible } from '../registry/registry.service.ts';
import { householdPaths } from './households.repo.ts';
import * as repo from './incomes.repo.ts';
import { assertResidenceSide } from './monitoring.policy.ts';
import { procedureAt } from './procedure.service.ts';
import { rescreen } from './screening.service.ts';

const present = (r: repo.IncomeRow): Income => ({
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
  wageSource: r.wage_source,
  memberCount: r.member_count,
  netIncome: r.net_income,
  perCapitaNet: Number(r.per_capita_net),
  version: r.version,
  enteredBy: r.entered_by,
  enteredAt: new Date(r.entered_at).toISOString(),
});

/** A record against its year's line by `method`: part-year income annualised, or the line pro-rated. */
export function assess(r: Income, line: number | null, method: PartYearMethod): IncomeAssessed['assessed'] {
  const months = PERIOD_MONTHS[r.period];
  const share = months / 12;
  const perCapitaNet =
    method === 'annualise' ? Math.round((r.perCapitaNet / share) * 100) / 100 : r.perCapitaNet;
  const compared = line === null ? null : method === 'annualise' ? line : Math.round(line * share);
  return {
    months,
    method,
    perCapitaNet,
    line: compared,
    belowLine: line === null ? null : r.perCapitaNet * 12 < line * months,
  };
}

/**
 * A household's income records, for callers who see the household from either side, each against
 * its year's line by the part-year method of the household's region.
 */
export async function listIncomes(
  database: Database,
  ctx: Ctx,
  householdId: number,
): Promise<IncomeAssessed[]> {
  const paths = await householdPaths(database.db, householdId);
  assertHouseholdVisible(ctx.actor, paths);
  const { rules } = await procedureAt(database.db, paths!.residence_path);
  return (await repo.incomesOf(database.db, householdId)).map((r) => {
    const income = present(r);
    return { ...income, assessed: assess(income, r.line, rules.partYear) };
  });
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
  wageSource: Income['wageSource'] = 'declared',
): Promise<{ income: Income; flags: ScreeningRule[] }> {
  const save = async (conn: Conn) => {
    const r = await repo.saveIncome(conn, ctx, householdId, input, wageSource);
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

/**
 * For the employment module: the year's wage computed from the employment records, accepted by an
 * official into the household's whole-year income record — the record of `version` with only its wage
 * replaced, or a new record holding that wage alone — marked as from the employment records; 409 when
 * stale, screened as any save. The record's other items stay as they were declared.
 */
export async function acceptWage(
  database: Database,
  ctx: Ctx,
  householdId: number,
  accepted: { year: number; wage: number; version?: number },
) {
  const existing = (await repo.incomesOf(database.db, householdId)).find(
    (r) => r.year === accepted.year && r.period === 'year',
  );
  const before = existing && accepted.version !== undefined ? present(existing) : undefined;
  const input: IncomeInput = {
    year: accepted.year,
    period: 'year',
    wage: accepted.wage,
    operating: before?.operating ?? 0,
    property: before?.property ?? 0,
    transfer: before?.transfer ?? 0,
    productionCosts: before?.productionCosts ?? 0,
    medicalExpense: before?.medicalExpense ?? 0,
    schoolingExpense: before?.schoolingExpense ?? 0,
    version: accepted.version,
  };
  return saveIncome(database, ctx, householdId, input, 'employment_records');
}
