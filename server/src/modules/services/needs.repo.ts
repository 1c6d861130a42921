import { sql, type SQL } from 'drizzle-orm';
import type { Conn } from '../../db/client.ts';
import { pgArray } from '../../db/array.ts';
import { rows } from '../../db/rows.ts';
import { ancestorSql } from '../../platform/access/scope.ts';
import { NEED_SELECT, type NeedRow } from './services.sql.ts';

export interface NewNeed {
  category: string;
  urgency: string;
  summary: string;
  detail: string;
  householdId: number;
  personId: number | null;
  placePath: string;
  sensitive: boolean;
  source: string;
  raisedBy: number;
  consentShares: string[];
  dueDays: number;
}

export async function insert(tx: Conn, n: NewNeed): Promise<number> {
  const [row] = await rows<{ id: number }>(
    tx,
    sql`INSERT INTO service_needs (category, urgency, summary, detail, household_id, person_id, place_path, sensitive,
                                   source, raised_by, consent_at, consent_shares, due_at)
        VALUES (${n.category}, ${n.urgency}, ${n.summary}, ${n.detail}, ${n.householdId}, ${n.personId}, ${n.placePath},
                ${n.sensitive}, ${n.source}, ${n.raisedBy},
                ${n.consentShares.length > 0 ? sql`now()` : null}, ${pgArray(n.consentShares)}::text[],
                now() + make_interval(days => ${n.dueDays}))
        RETURNING id`,
  );
  return Number(row.id);
}

export interface NeedEventInput {
  needId: number;
  action: string;
  from: string | null;
  to: string;
  actorId: number | null;
  orgId: number | null;
  note: string;
}

export async function addEvent(tx: Conn, e: NeedEventInput) {
  await tx.execute(
    sql`INSERT INTO service_need_events (need_id, action, from_status, to_status, actor_id, org_id, note)
        VALUES (${e.needId}, ${e.action}, ${e.from}, ${e.to}, ${e.actorId}, ${e.orgId}, ${e.note})`,
  );
}

export async function findById(conn: Conn, id: number, lock = false): Promise<NeedRow | undefined> {
  const [row] = await rows<NeedRow>(
    conn,
    sql`${NEED_SELECT} WHERE n.id = ${id}${lock ? sql` FOR UPDATE OF n` : sql``}`,
  );
  return row;
}

export interface Move {
  status: string;
  orgId: number | null;
  /** Days from now to the new deadline; null keeps it. */
  dueDays: number | null;
  rating?: number;
  ratingComment?: string;
}

/** Moves a need from the version read; false when someone moved it in between. */
export async function move(tx: Conn, id: number, version: number, m: Move): Promise<boolean> {
  const found = await rows<{ id: number }>(
    tx,
    sql`UPDATE service_needs SET status = ${m.status}, org_id = ${m.orgId},
               due_at = ${m.dueDays === null ? sql`due_at` : sql`now() + make_interval(days => ${m.dueDays})`},
               alerted_at = ${m.dueDays === null ? sql`alerted_at` : null},
               rating = ${m.rating ?? null}, rating_comment = ${m.ratingComment ?? null},
               version = version + 1, updated_at = now()
         WHERE id = ${id} AND version = ${version}
     RETURNING id`,
  );
  return found.length === 1;
}

export interface NeedFilter {
  status?: string;
  category?: string;
  urgency?: string;
  overdue?: boolean;
}

/** A page of needs seen through `scope` (a condition on `n`): overdue first, then most urgent, newest. */
export async function list(conn: Conn, scope: SQL, f: NeedFilter, limit: number, offset: number) {
  const parts = [scope];
  if (f.status) parts.push(sql`n.status = ${f.status}`);
  if (f.category) parts.push(sql`n.category = ${f.category}`);
  if (f.urgency) parts.push(sql`n.urgency = ${f.urgency}`);
  if (f.overdue) parts.push(sql`n.status IN ('open', 'referred') AND n.due_at < now()`);
  const where = sql.join(parts, sql` AND `);
  const [items, [count]] = await Promise.all([
    rows<NeedRow>(
      conn,
      sql`${NEED_SELECT} WHERE ${where}
          ORDER BY (n.status IN ('open', 'referred') AND n.due_at < now()) DESC,
                   array_position(ARRAY['urgent','high','normal','low']::text[], n.urgency::text), n.created_at DESC, n.id DESC
          LIMIT ${limit} OFFSET ${offset}`,
    ),
    rows<{ total: number }>(conn, sql`SELECT count(*)::int AS total FROM service_needs n WHERE ${where}`),
  ]);
  return { items, total: count.total };
}

export interface EventRow {
  action: string;
  from_status: string | null;
  to_status: string;
  actor_name: string | null;
  org_name: string | null;
  note: string;
  at: string | Date;
}

/** The steps of a need, oldest first. */
export const timeline = (conn: Conn, id: number) =>
  rows<EventRow>(
    conn,
    sql`SELECT e.action, e.from_status, e.to_status, u.display_name AS actor_name, o.name AS org_name, e.note, e.at
          FROM service_need_events e
          LEFT JOIN users u ON u.id = e.actor_id
          LEFT JOIN social_organizations o ON o.id = e.org_id
         WHERE e.need_id = ${id} ORDER BY e.at, e.id`,
  );

/**
 * Marks the needs whose deadline passed since they were last alerted and returns them: an open one
 * to the community staff of its community, a referred one to its organization's staff.
 */
export async function lateToAlert(tx: Conn) {
  return rows<{ id: number; summary: string; status: string; org_id: number | null; place_path: string }>(
    tx,
    sql`UPDATE service_needs SET alerted_at = now()
         WHERE status IN ('open', 'referred') AND due_at < now() AND alerted_at IS NULL
     RETURNING id, summary, status, org_id, place_path`,
  );
}

/** The enabled community staff scoped to a community holding the place of `path`. */
export async function communityStaffOver(conn: Conn, path: string): Promise<number[]> {
  const found = await rows<{ id: number }>(
    conn,
    sql`SELECT DISTINCT u.id FROM users u
          JOIN user_scopes s ON s.user_id = u.id
          JOIN places c ON c.id = s.place_id AND c.level = 'community'
         WHERE NOT u.disabled AND 'community_staff' = ANY(u.roles) AND ${ancestorSql(sql.raw('c.path'), path)}`,
  );
  return found.map((r) => Number(r.id));
}
