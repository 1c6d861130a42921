import { CASE_STEPS, type MonitoringOverview } from '@anju/contracts';
import type { Database } from '../../db/client.ts';
import type { Actor, Ctx } from '../../platform/auth/actor.ts';
import { pathInScope, rootsOf } from '../../platform/access/scope.ts';
import { notFound } from '../../platform/errors.ts';
import { underPath } from '../places/places.service.ts';
import * as repo from './overview.repo.ts';

/** The paths to count under: the chosen place, which must be in the caller's scope, or the whole scope. */
async function pathsOf(database: Database, actor: Actor, under: string | undefined): Promise<string[]> {
  if (!under) return rootsOf(actor);
  const path = await underPath(database.db, under).catch(() => null);
  if (!path || !pathInScope(actor, path)) throw notFound('place');
  return [path];
}

const STEP_ORDER = new Map<string, number>(CASE_STEPS.map((s, i) => [s, i]));

/**
 * The monitoring overview of the cases the caller sees from either side under a place: live cases by
 * category, risk type and step, the overdue, the elimination rate, and month by month (China time)
 * the leads raised, cases identified and eliminated, and cases monitored at the month's end.
 */
export async function overview(
  database: Database,
  ctx: Ctx,
  q: { under?: string; months: number },
): Promise<MonitoringOverview> {
  const paths = await pathsOf(database, ctx.actor, q.under);
  const counts = await repo.caseCounts(database.db, paths);
  const trend = await repo.monthlyTrend(database.db, paths, q.months);
  const of = (kind: string) =>
    counts
      .filter((r) => r.kind === kind && r.code !== null)
      .map((r) => ({ code: r.code as string, count: r.n }))
      .sort((a, b) => b.count - a.count || a.code.localeCompare(b.code));
  const total = (kind: string) => counts.find((r) => r.kind === kind)?.n ?? 0;
  const identified = total('identified');
  const eliminated = total('eliminated');
  return {
    byCategory: of('category'),
    byRiskType: of('risk_type'),
    byStep: of('step').sort((a, b) => (STEP_ORDER.get(a.code) ?? 99) - (STEP_ORDER.get(b.code) ?? 99)),
    overdue: total('overdue'),
    elimination: {
      identified,
      eliminated,
      rate: identified === 0 ? 0 : Math.round((eliminated / identified) * 1000) / 1000,
    },
    trend,
  };
}
