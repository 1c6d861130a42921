import type { SQL } from 'drizzle-orm';
import { SCREENING_RULES, type ScreeningResult } from '@anju/contracts';
import type { Conn, Database } from '../../db/client.ts';
import type { Ctx } from '../../platform/auth/actor.ts';
import { rootsOf } from '../../platform/access/scope.ts';
import { audit } from '../../platform/audit/audit.ts';
import { underPath } from '../places/places.service.ts';
import { currentRules } from './rules.service.ts';
import * as repo from './screening.repo.ts';
import { scopeTarget } from './screening.sql.ts';

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
  const outcome = await repo.screenMany(conn, target, year, now, userId, inForce);
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
