import { ScreeningRules, type RuleSet } from '@anju/contracts';
import type { Conn, Database } from '../../db/client.ts';
import type { Ctx } from '../../platform/auth/actor.ts';
import { audit } from '../../platform/audit/audit.ts';
import { conflict } from '../../platform/errors.ts';
import * as repo from './rules.repo.ts';

const present = (r: repo.RuleSetRow): RuleSet => ({
  version: r.version,
  rules: ScreeningRules.parse(r.rules),
  note: r.note,
  createdBy: r.created_by,
  createdAt: new Date(r.created_at).toISOString(),
});

/** The rules in force: the highest version. */
export async function currentRules(conn: Conn): Promise<RuleSet> {
  return present(await repo.latestRuleSet(conn));
}

/** Every version of the rules, latest first. */
export async function ruleHistory(database: Database): Promise<RuleSet[]> {
  return (await repo.ruleSets(database.db)).map(present);
}

/** Saves the rules as a new version; an edit started from an older version is refused (409). */
export async function saveRules(
  database: Database,
  ctx: Ctx,
  input: { rules: ScreeningRules; note: string; version: number },
): Promise<RuleSet> {
  return database.db.transaction(async (tx) => {
    await repo.lockRuleSets(tx);
    const current = await currentRules(tx);
    if (current.version !== input.version)
      throw conflict('the screening rules were changed by someone else', [
        { field: 'version', reason: `is ${input.version}, now ${current.version}` },
      ]);
    const version = current.version + 1;
    await repo.insertRuleSet(tx, version, input.rules, input.note, ctx.actor.userId);
    await audit(tx, ctx, {
      action: 'monitoring.rules',
      targetType: 'screening_rules',
      targetId: version,
      detail: { from: current.rules, to: input.rules },
    });
    return currentRules(tx);
  });
}
