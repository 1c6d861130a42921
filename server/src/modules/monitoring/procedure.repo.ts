import { sql, type SQL } from 'drizzle-orm';
import type { ProcedureRules } from '@anju/contracts';
import type { Conn } from '../../db/client.ts';
import { rows } from '../../db/rows.ts';
import { ancestorSql } from '../../platform/access/scope.ts';

export interface PolicyRow {
  id: number;
  place_id: number | null;
  place_name: string | null;
  version: number;
  policy: unknown;
  note: string;
  created_by: string | null;
  created_at: Date;
}

const SELECT = sql`SELECT pp.id, pp.place_id, p.name AS place_name, pp.version, pp.policy, pp.note,
                          u.username AS created_by, pp.created_at
                     FROM procedure_policies pp
                     LEFT JOIN places p ON p.id = pp.place_id
                     LEFT JOIN users u ON u.id = pp.created_by`;

/** The nearest region's policy up the place tree from `path` (the national default last), newest version first. */
const IN_FORCE = (path: string | SQL) =>
  sql`(pp.place_id IS NULL OR ${ancestorSql(sql`p.path`, path)})
      ORDER BY length(p.path) DESC NULLS LAST, pp.version DESC LIMIT 1`;

/** The policy in force at the place of `path`. */
export async function policyInForce(conn: Conn, path: string): Promise<PolicyRow> {
  const [r] = await rows<PolicyRow>(conn, sql`${SELECT} WHERE ${IN_FORCE(path)}`);
  return r;
}

/** The id of the policy in force at the path held by `column`, as a scalar subquery for set-based work. */
export const policyInForceSql = (column: SQL) =>
  sql`(SELECT pp.id FROM procedure_policies pp LEFT JOIN places p ON p.id = pp.place_id WHERE ${IN_FORCE(column)})`;

/** One version of a policy. */
export async function policyById(conn: Conn, id: number): Promise<PolicyRow | undefined> {
  const [r] = await rows<PolicyRow>(conn, sql`${SELECT} WHERE pp.id = ${id}`);
  return r;
}

/** Every version a place has set itself, newest first. */
export const policiesOfPlace = (conn: Conn, placeId: number) =>
  rows<PolicyRow>(conn, sql`${SELECT} WHERE pp.place_id = ${placeId} ORDER BY pp.version DESC`);

/** Holds off other saves of policies until the transaction ends (readers go on). */
export const lockPolicies = (conn: Conn) =>
  conn.execute(sql`LOCK TABLE procedure_policies IN SHARE ROW EXCLUSIVE MODE`);

/** Stores the next version of a place's own policy; returns its id. */
export async function insertPolicy(
  conn: Conn,
  placeId: number,
  rules: ProcedureRules,
  note: string,
  userId: number,
): Promise<number> {
  const [r] = await rows<{ id: number }>(
    conn,
    sql`INSERT INTO procedure_policies (place_id, version, policy, note, created_by)
        SELECT ${placeId}, coalesce(max(version), 0) + 1, ${JSON.stringify(rules)}::jsonb, ${note}, ${userId}
          FROM procedure_policies WHERE place_id = ${placeId}
        RETURNING id`,
  );
  return r.id;
}

/** The level and path of a place. */
export async function placeOf(conn: Conn, id: number): Promise<{ level: string; path: string } | undefined> {
  const [place] = await rows<{ level: string; path: string }>(
    conn,
    sql`SELECT level, path FROM places WHERE id = ${id}`,
  );
  return place;
}
