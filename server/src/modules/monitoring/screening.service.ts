import type { SQL } from 'drizzle-orm';
import { SCREENING_RULES, type ScreeningResult } from '@anju/contracts';
import type { Conn, Database } from '../../db/client.ts';
import type { Ctx } from '../../platform/auth/actor.ts';
import { rootsOf } from '../../platform/access/scope.ts';
import { audit } from '../../platform/audit/audit.ts';
import { underPath } from '../places/places.service.ts';
import { ruleRegions, rulesAt } from './rules.service.ts';
import * as repo from './screening.repo.ts';
import { byRegion, scopeTarget } from './screening.sql.ts';

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
  // each household by the rules of the nearest region above it that has its own, else the national ones
  const parts = byRegion(target, await ruleRegions(conn));
  let version = 0;
  let most = -1;
  const outcomes: repo.Outcome[] = [];
  for (const part of parts) {
    const inForce = await rulesAt(conn, part.path);
    const outcome = await repo.screenMany(conn, part, year, now, userId, inForce);
    outcomes.push(outcome);
    if (outcome.screened > most) [most, version] = [outcome.screened, inForce.version];
  }
  return { version, outcome: sumOutcomes(outcomes) };
}

/** The counts of several screenings as one. */
function sumOutcomes(outcomes: repo.Outcome[]): repo.Outcome {
  const byRule = outcomes.filter((o) => o.by_rule);
  return {
    screened: outcomes.reduce((n, o) => n + o.screened, 0),
    flagged: outcomes.reduce((n, o) => n + o.flagged, 0),
    new_leads: outcomes.reduce((n, o) => n + o.new_leads, 0),
    by_rule: byRule.length
      ? Object.fromEntries(
          SCREENING_RULES.map((r) => [r, byRule.reduce((n, o) => n + (o.by_rule![r] ?? 0), 0)]),
        )
      : null,
  };
}

/** Screens every household the caller sees (under a place, if given) for a year. Audited. */
export async function runScreening(
  database: Database,
  ctx: Ctx,
  input: { year: number; under?: string },
  now = new Date(),
): Promise<ScreeningResult> {
  const started = performance.now();
  const under = input.under ? await underPath(database.db, input.under) : null;
  const target = scopeTarget(rootsOf(ctx.actor), under);
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
  inForce: repo.InForce,
  now = new Date(),
) {
  return repo.screenOne(conn, householdId, year, now, userId, inForce);
}
