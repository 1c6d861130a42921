import { ScreeningRules, type RuleSet } from '@anju/contracts';
import type { Conn, Database } from '../../db/client.ts';
import type { Ctx } from '../../platform/auth/actor.ts';
import { reaches, rootsOf } from '../../platform/access/scope.ts';
import { audit } from '../../platform/audit/audit.ts';
import { AppError, conflict, invalid } from '../../platform/errors.ts';
import { assertLinePlace } from './monitoring.policy.ts';
import * as repo from './rules.repo.ts';

/** A path no region is above: where only the national default applies. */
const NATIONAL = '/';

const present = (r: repo.RuleSetRow): RuleSet => ({
  version: r.version,
  placeId: r.place_id === null ? null : String(r.place_id),
  placeName: r.place_name,
  rules: ScreeningRules.parse(r.rules),
  note: r.note,
  createdBy: r.created_by,
  createdAt: new Date(r.created_at).toISOString(),
});

/** The rules in force at the place of `path`; the national default without one. */
export async function rulesAt(conn: Conn, path = NATIONAL): Promise<RuleSet> {
  return present(await repo.ruleSetAt(conn, path));
}

/** The paths of the regions with rules of their own, which screening applies to their households. */
export const ruleRegions = (conn: Conn) => repo.ruleRegions(conn);

/** The path the caller asks about: a place they reach, else their own first scope root. */
async function pathAsked(database: Database, ctx: Ctx, placeId?: string): Promise<string> {
  if (placeId === undefined) return rootsOf(ctx.actor)[0] ?? NATIONAL;
  const place = await repo.placeOf(database.db, Number(placeId));
  if (!place || !reaches(ctx.actor, place.path)) throw new AppError('not_found', 'place not found');
  return place.path;
}

/** The rules in force at a place the caller reaches (their own place when none is named). */
export async function rulesFor(database: Database, ctx: Ctx, placeId?: string): Promise<RuleSet> {
  return rulesAt(database.db, await pathAsked(database, ctx, placeId));
}

/** Every version of the rules of the region in force at that place, latest first. */
export async function ruleHistory(database: Database, ctx: Ctx, placeId?: string): Promise<RuleSet[]> {
  const inForce = await repo.ruleSetAt(database.db, await pathAsked(database, ctx, placeId));
  return (await repo.ruleSetsOf(database.db, inForce.place_id)).map(present);
}

/**
 * Saves a region's rules as a new version: a province, city or county inside the caller's scope (their
 * own when none is named). An edit started from another version than the one in force there is 409.
 */
export async function saveRules(
  database: Database,
  ctx: Ctx,
  input: { placeId?: string; rules: ScreeningRules; note: string; version: number },
): Promise<RuleSet> {
  const placeId = input.placeId === undefined ? ctx.actor.scopes[0]?.id : Number(input.placeId);
  if (placeId === undefined) throw invalid('placeId', 'required');
  return database.db.transaction(async (tx) => {
    const place = await repo.placeOf(tx, placeId);
    assertLinePlace(ctx.actor, place);
    await repo.lockRuleSets(tx);
    const current = await rulesAt(tx, place.path);
    if (current.version !== input.version)
      throw conflict('the screening rules were changed by someone else', [
        { field: 'version', reason: `is ${input.version}, now ${current.version}` },
      ]);
    await repo.insertRuleSet(tx, placeId, input.rules, input.note, ctx.actor.userId);
    const saved = await rulesAt(tx, place.path);
    await audit(tx, ctx, {
      action: 'monitoring.rules',
      targetType: 'place',
      targetId: placeId,
      detail: { version: saved.version, region: place.name, from: current.rules, to: input.rules },
    });
    return saved;
  });
}
