import { sql, type SQL } from 'drizzle-orm';
import type { Conn } from '../../db/client.ts';

/** Plan changes of one community wait for each other (advisory keys above 2^51, apart from the numbered locks). */
const PLAN_LOCK = 2 ** 51;

export interface PlanRow {
  id: number;
  community_id: number | null;
  name: string;
  tag: string | null;
  poverty_status: string | null;
  labour_capacity: string | null;
  interval_days: number;
  version: number;
}

export interface PlanValues {
  name: string;
  tag: string | null;
  povertyStatus: string | null;
  labourCapacity: string | null;
  intervalDays: number;
}

async function rows<T>(conn: Conn, query: SQL): Promise<T[]> {
  return (await conn.execute(query)).rows as T[];
}

const COLUMNS = sql`id, community_id, name, tag, poverty_status, labour_capacity, interval_days, version`;

/** The community's own plans, or the default plans (no community) when it has none. */
export const plansOf = (conn: Conn, communityId: number | null) =>
  rows<PlanRow>(
    conn,
    sql`SELECT ${COLUMNS} FROM visit_plans
         WHERE community_id IS NOT DISTINCT FROM ${communityId}
         ORDER BY interval_days, id`,
  );

export async function find(conn: Conn, id: number, lock = false): Promise<PlanRow | undefined> {
  const [row] = await rows<PlanRow>(
    conn,
    sql`SELECT ${COLUMNS} FROM visit_plans WHERE id = ${id} ${lock ? sql`FOR UPDATE` : sql``}`,
  );
  return row;
}

export async function insert(conn: Conn, communityId: number, v: PlanValues) {
  const [row] = await rows<{ id: number }>(
    conn,
    sql`INSERT INTO visit_plans (community_id, name, tag, poverty_status, labour_capacity, interval_days)
        VALUES (${communityId}, ${v.name}, ${v.tag}, ${v.povertyStatus}, ${v.labourCapacity}, ${v.intervalDays})
        RETURNING id`,
  );
  return Number(row.id);
}

/** Gives a community its own copy of the default plans, so editing starts from what it followed. */
export const adoptDefaults = (conn: Conn, communityId: number) =>
  conn.execute(sql`INSERT INTO visit_plans (community_id, name, tag, poverty_status, labour_capacity, interval_days)
    SELECT ${communityId}, name, tag, poverty_status, labour_capacity, interval_days
      FROM visit_plans WHERE community_id IS NULL ORDER BY id`);

export const update = (conn: Conn, id: number, v: PlanValues) =>
  conn.execute(sql`UPDATE visit_plans
       SET name = ${v.name}, tag = ${v.tag}, poverty_status = ${v.povertyStatus},
           labour_capacity = ${v.labourCapacity}, interval_days = ${v.intervalDays}, version = version + 1
     WHERE id = ${id}`);

export const remove = (conn: Conn, id: number) => conn.execute(sql`DELETE FROM visit_plans WHERE id = ${id}`);

/** Holds the community's plans until the transaction ends, so two first edits do not both copy the defaults. */
export const lockPlans = (tx: Conn, communityId: number) =>
  tx.execute(sql`SELECT pg_advisory_xact_lock(${PLAN_LOCK + communityId})`);
