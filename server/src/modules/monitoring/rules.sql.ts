import { sql, type SQL } from 'drizzle-orm';
import { ancestorSql } from '../../platform/access/scope.ts';

/** A version of the screening rules with the region it belongs to (none for the national default). */
export interface RuleSetRow {
  version: number;
  place_id: number | null;
  place_name: string | null;
  rules: unknown;
  note: string;
  created_by: string | null;
  created_at: Date;
}

export const RULE_SET_SELECT = sql`SELECT r.version, r.place_id, p.name AS place_name, r.rules, r.note,
                                          u.username AS created_by, r.created_at
                                     FROM screening_rule_sets r
                                     LEFT JOIN places p ON p.id = r.place_id
                                     LEFT JOIN users u ON u.id = r.created_by`;

/**
 * The rule set in force at the place of `path` (text or a column): the newest version of the nearest
 * region above it that has rules of its own, else of the national default.
 */
export const rulesInForceSql = (path: string | SQL) =>
  sql`${RULE_SET_SELECT}
       WHERE r.place_id IS NULL OR ${ancestorSql(sql`p.path`, path)}
       ORDER BY length(p.path) DESC NULLS LAST, r.version DESC LIMIT 1`;
