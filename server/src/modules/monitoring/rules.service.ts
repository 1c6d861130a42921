import { sql } from 'drizzle-orm';
import { ScreeningRules, type RuleSet } from '@anju/contracts';
import type { Conn, Database } from '../../db/client.ts';
import { rows } from '../../db/rows.ts';
import type { Ctx } from '../../platform/auth/actor.ts';
import { audit } from '../../platform/audit/audit.ts';
import { conflict } from '../../platform/errors.ts';

interface RuleSetRow {
  version: number;
  rules: unknown;
  note: string;
  created_by: string | null;
  created_at: Date;
}

const SELECT = sql`SELECT r.version, r.rules, r.note, u.username AS created_by, r.created_at
                     FROM screening_rule_sets r LEFT JOIN users u ON u.id = r.created_by`;

const present = (r: RuleSetRow): RuleSet => ({
  version: r.version,
  rules: ScreeningRules.parse(r.rules),
  note: r.note,
  createdBy: r.created_by,
  createdAt: new Date(r.created_at).toISOString(),
});

/** The rules in force: the highest version. */
export async function currentRules(conn: Conn): Promise<RuleSet> {
  const [r] = await rows<RuleSetRow>(conn, sql`${SELECT} ORDER BY r.version DESC LIMIT 1`);
  return present(r);
}

export async function ruleHistory(database: Database): Promise<RuleSet[]> {
  return (await rows<RuleSetRow>(database.db, sql`${SELECT} ORDER BY r.version DESC`)).map(present);
}

/** Saves the rules as a new version; an edit started from an older version is refused (409). */
export async function saveRules(
  database: Database,
  ctx: Ctx,
  input: { rules: ScreeningRules; note: string; version: number },
): Promise<RuleSet> {
  return database.db.transaction(async (tx) => {
    await tx.execute(sql`LOCK TABLE screening_rule_sets IN SHARE ROW EXCLUSIVE MODE`);
    const current = await currentRules(tx);
    if (current.version !== input.version)
      throw conflict('the screening rules were changed by someone else', [
        { field: 'version', reason: `is ${input.version}, now ${current.version}` },
      ]);
    const version = current.version + 1;
    await tx.execute(sql`INSERT INTO screening_rule_sets (version, rules, note, created_by)
                         VALUES (${version}, ${JSON.stringify(input.rules)}::jsonb, ${input.note}, ${ctx.actor.userId})`);
    await audit(tx, ctx, {
      action: 'monitoring.rules',
      targetType: 'screening_rules',
      targetId: version,
      detail: { from: current.rules, to: input.rules },
    });
    return currentRules(tx);
  });
}
