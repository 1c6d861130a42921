import { sql } from 'drizzle-orm';
import type { ScreeningRules } from '@anju/contracts';
import type { Conn } from '../../db/client.ts';
import { rows } from '../../db/rows.ts';

export interface RuleSetRow {
  version: number;
  rules: unknown;
  note: string;
  created_by: string | null;
  created_at: Date;
}

const SELECT = sql`SELECT r.version, r.rules, r.note, u.username AS created_by, r.created_at
                     FROM screening_rule_sets r LEFT JOIN users u ON u.id = r.created_by`;

/** The rule set in force: the highest version. */
export async function latestRuleSet(conn: Conn): Promise<RuleSetRow> {
  const [r] = await rows<RuleSetRow>(conn, sql`${SELECT} ORDER BY r.version DESC LIMIT 1`);
  return r;
}

/** Every version of the rules, latest first. */
export const ruleSets = (conn: Conn) => rows<RuleSetRow>(conn, sql`${SELECT} ORDER BY r.version DESC`);

/** Holds off other saves of the rules until the transaction ends (readers go on). */
export const lockRuleSets = (conn: Conn) =>
  conn.execute(sql`LOCK TABLE screening_rule_sets IN SHARE ROW EXCLUSIVE MODE`);

/** Stores a new version of the rules. */
export const insertRuleSet = (
  conn: Conn,
  version: number,
  rules: ScreeningRules,
  note: string,
  userId: number,
) =>
  conn.execute(sql`INSERT INTO screening_rule_sets (version, rules, note, created_by)
                   VALUES (${version}, ${JSON.stringify(rules)}::jsonb, ${note}, ${userId})`);
