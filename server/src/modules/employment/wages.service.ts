import type { HouseholdWages, WageAccept } from '@anju/contracts';
import type { Database } from '../../db/client.ts';
import type { Ctx } from '../../platform/auth/actor.ts';
import { AppError, invalid } from '../../platform/errors.ts';
import { acceptWage, listIncomes } from '../monitoring/incomes.service.ts';
import { assertHouseholdVisible } from '../registry/registry.service.ts';
import { mayKeep, seesMember } from './employment.policy.ts';
import * as repo from './employment.repo.ts';
import { wageOfYear } from './wages.ts';
import { today } from './zero.service.ts';

/** The year's wage income of the household's members the caller sees, from their employment records. */
async function computed(database: Database, ctx: Ctx, householdId: number, year: number) {
  if (year > Number(today().slice(0, 4))) throw invalid('query.year', 'must not be a year to come');
  const household = await repo.householdPaths(database.db, householdId);
  assertHouseholdVisible(ctx.actor, household);
  const members = (await repo.membersOf(database.db, householdId, today())).filter((m) =>
    seesMember(ctx.actor, household.residence_path, m),
  );
  const records = await repo.recordsOf(
    database.db,
    members.map((m) => m.id),
    today(),
  );
  const persons = members
    .map((m) => {
      const own = records
        .filter((r) => Number(r.person_id) === Number(m.id))
        .map((r) => ({ monthlyWage: Number(r.monthly_wage), startOn: r.start_on, endOn: r.end_on }));
      return { personId: String(m.id), name: m.name, ...wageOfYear(own, year) };
    })
    .filter((p) => p.months > 0);
  const total = Math.round(persons.reduce((sum, p) => sum + p.wage, 0));
  return { household, persons, total };
}

/** The household's wage income of `year` from its employment records, beside its income record's wage. */
export async function wagesOf(
  database: Database,
  ctx: Ctx,
  householdId: number,
  year: number,
): Promise<HouseholdWages> {
  const { household, persons, total } = await computed(database, ctx, householdId, year);
  const record = (await listIncomes(database, ctx, householdId)).find(
    (r) => r.year === year && r.period === 'year',
  );
  return {
    householdId: String(householdId),
    year,
    persons,
    total,
    declared: record ? { wage: record.wage, wageSource: record.wageSource, version: record.version } : null,
    mayAccept: mayKeep(ctx.actor, household.residence_path),
  };
}

/**
 * Accepts the computed wage into the year's income record, through the monitoring module (its version
 * checked, the household screened again); the record's other items are kept. Residence side only.
 */
export async function acceptWages(database: Database, ctx: Ctx, householdId: number, input: WageAccept) {
  const { household, total } = await computed(database, ctx, householdId, input.year);
  if (!mayKeep(ctx.actor, household.residence_path))
    throw new AppError('forbidden', 'only officials of the residence side keep incomes');
  await acceptWage(database, ctx, householdId, { year: input.year, wage: total, version: input.version });
  return wagesOf(database, ctx, householdId, input.year);
}
