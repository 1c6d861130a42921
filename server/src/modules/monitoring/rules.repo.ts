import { sql } from 'drizzle-orm';
import type { ScreeningRules } from '@anju/contracts';
import type { Conn } from '../../db/client.ts';
import { rows } from '../../db/rows.ts';
import { RULE_SET_SELECT, rulesInForceSql, type RuleSetRow } from './rules.sql.ts';

export type { RuleSetRow };

/** The rule set in force at the place of `path`. */
export async function ruleSetAt(conn: Conn, path: string): Promise<RuleSetRow> {
  const [r] = await rows<RuleSetRow>(conn, rulesInForceSql(path));
  return r;
}

/** Every version of one region's rules (null: the national default), latest first. */
export const ruleSetsOf = (conn: Conn, placeId: number | null) =>
  rows<RuleSetRow>(
    conn,
    sql`${RULE_SET_SELECT} WHERE r.place_id IS NOT DISTINCT FROM ${placeId}::bigint ORDER BY r.version DESC`,
  );

/** The paths of the regions that have rules of their own. */
export async function ruleRegions(conn: Conn): Promise<string[]> {
  const found = await rows<{ path: string }>(
    conn,
    sql`SELECT DISTINCT p.path FROM screening_rule_sets r JOIN places p ON p.id = r.place_id`,
  );
  return found.map((r) => r.path);
}

/** The level, path and name of a place. */
export async function placeOf(conn: Conn, id: number) {
  const [place] = await rows<{ level: string; path: string; name: string }>(
    conn,
    sql`SELECT level, path, name FROM places WHERE id = ${id}`,
  );
  return place;
}

/** Holds off other saves of the rules until the transaction ends (readers go on). */
export const lockRuleSets = (conn: Conn) =>
  conn.execute(sql`LOCK TABLE screening_rule_sets IN SHARE ROW EXCLUSIVE MODE`);

/** Stores a region's new version of the rules, numbered after every version of every region. */
export const insertRuleSet = (
  conn: Conn,
  placeId: number,
  rules: ScreeningRules,
  note: string,
  userId: number,
) =>
  conn.execute(sql`INSERT INTO screening_rule_sets (version, place_id, rules, note, created_by)
                   SELECT coalesce(max(version), 0) + 1, ${placeId}, ${JSON.stringify(rules)}::jsonb,
                          ${note}, ${userId}
                     FROM screening_rule_sets`);
