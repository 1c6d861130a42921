import type { EmploymentFigures, FigureValues } from '@anju/contracts';
import type { Database } from '../../db/client.ts';
import type { Ctx } from '../../platform/auth/actor.ts';
import { covers } from '../../platform/access/scope.ts';
import { audit } from '../../platform/audit/audit.ts';
import { notFound } from '../../platform/errors.ts';
import { placeById } from '../places/places.service.ts';
import { completionFigures } from '../training/training.service.ts';
import * as repo from './figures.repo.ts';
import { figuresWorkbook } from './figures.xlsx.ts';
import { today } from './zero.service.ts';

/** Levels whose places are shown as the children of a place. */
const CHILD_LEVELS = ['province', 'city', 'county', 'township', 'community', 'grid'];

/** A share in percent with one decimal, null when there is nothing to share. */
const percent = (part: number, whole: number) =>
  whole === 0 ? null : Math.round((part * 1000) / whole) / 10;

const dayMonthsAgo = (on: string, months: number) => {
  const d = new Date(`${on}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() - months);
  return d.toISOString().slice(0, 10);
};

interface Groups {
  people?: repo.PeopleFigureRow;
  households?: repo.HouseholdFigureRow;
  zero?: repo.ZeroFigureRow;
  training?: { completions: number; employed_after: number };
}

/** The figures of one group of rows, the definitions' numerators over their denominators. */
function valuesOf(g: Groups): FigureValues {
  const labour = g.people?.labour_force ?? 0;
  const employed = g.people?.employed ?? 0;
  const withLabour = g.households?.with_labour ?? 0;
  const completions = g.training?.completions ?? 0;
  const days = g.zero?.days_to_clear;
  return {
    labour_force: labour,
    employed,
    employment_rate: percent(employed, labour),
    households_with_labour: withLabour,
    households_with_employed_rate: percent(g.households?.with_employed ?? 0, withLabour),
    zero_employment_households: g.zero?.open ?? 0,
    zero_days_to_clear: days === null || days === undefined ? null : Number(days),
    exported_in_province: g.people?.exported_in ?? 0,
    exported_out_of_province: g.people?.exported_out ?? 0,
    workshop_employed: g.people?.workshop ?? 0,
    post_employed: g.people?.post ?? 0,
    training_completions: completions,
    employed_after_training_rate: percent(g.training?.employed_after ?? 0, completions),
  };
}

/** The place figures are asked for: one in the caller's scope (404 otherwise, as a missing one), else their first. */
async function placeOf(database: Database, ctx: Ctx, placeId: number | undefined) {
  const id = placeId ?? ctx.actor.scopes[0]?.id;
  const place = id === undefined ? undefined : await placeById(database.db, id);
  if (!place || !covers(ctx.actor, place.path)) throw notFound('place');
  return place;
}

/**
 * The employment figures of a place in the caller's scope, by its children, with the monthly trend of
 * the last 12 months: one set-based statement per figure group.
 */
export async function figures(database: Database, ctx: Ctx, placeId?: number): Promise<EmploymentFigures> {
  const place = await placeOf(database, ctx, placeId);
  const conn = database.db;
  const on = today();
  const since = dayMonthsAgo(on, 12);
  const depth = place.depth + 1;
  const [people, households, zero, training, trend, children] = await Promise.all([
    repo.peopleFigures(conn, place.path, depth, on),
    repo.householdFigures(conn, place.path, depth, on),
    repo.zeroFigures(conn, place.path, depth, since),
    completionFigures(conn, place.path, depth, since, on),
    repo.monthlyTrend(conn, place.path, on),
    repo.childrenOf(conn, place.id),
  ]);
  const groupOf = (child: number | null): Groups => {
    const pick = <T extends { total: boolean; child_id: number | null }>(list: T[]) =>
      list.find((r) => (child === null ? r.total : !r.total && Number(r.child_id) === child));
    return { people: pick(people), households: pick(households), zero: pick(zero), training: pick(training) };
  };
  return {
    place: { id: String(place.id), name: place.name, level: place.level },
    asOf: on,
    values: valuesOf(groupOf(null)),
    trend: trend.map((m) => ({
      month: m.month,
      labourForce: m.labour_force,
      employed: m.employed,
      employmentRate: percent(m.employed, m.labour_force),
      exported: m.exported,
      workshopAndPost: m.workshop_and_post,
    })),
    children: children
      .filter((c) => CHILD_LEVELS.includes(c.level))
      .map((c) => ({
        id: String(c.id),
        name: c.name,
        level: c.level,
        values: valuesOf(groupOf(Number(c.id))),
      })),
  };
}

/** The figures as a workbook: the figures of the place and its children as numbers, the trend, the definitions. */
export async function exportFigures(database: Database, ctx: Ctx, placeId?: number) {
  const data = await figures(database, ctx, placeId);
  await audit(database.db, ctx, {
    action: 'employment.figures_export',
    targetType: 'place',
    targetId: data.place.id,
  });
  return {
    fileName: `employment-figures-${data.place.id}-${data.asOf}.xlsx`,
    body: await figuresWorkbook(data),
  };
}
