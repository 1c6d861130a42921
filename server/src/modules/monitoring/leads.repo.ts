import { sql, type SQL } from 'drizzle-orm';
import type { Lead } from '@anju/contracts';
import type { Conn } from '../../db/client.ts';
import { like, rows } from '../../db/rows.ts';
import { eitherSideSql } from '../../platform/access/scope.ts';

export interface LeadRow {
  id: number;
  household_id: number;
  household_no: string;
  head_name: string;
  source: Lead['source'];
  status: Lead['status'];
  year: number | null;
  flags: Lead['flags'];
  rule_version: number | null;
  note: string | null;
  created_at: Date;
}

const COLUMNS = sql`SELECT l.id, l.household_id, h.household_no, h.head_name, l.source, l.status, l.year, l.flags,
                           l.rule_version, l.detail->'notes'->-1->>'text' AS note, l.created_at`;

/** What a list of leads is narrowed to; `under` is the path of a place (either side lying under it). */
export interface LeadQuery {
  under: string | null;
  q?: string;
  status?: Lead['status'];
  source?: Lead['source'];
  flag?: string;
  page: number;
  pageSize: number;
}

/** A page of the leads of the households `visible` admits (a condition on `h`), newest first, each with the total. */
export function leadsPage(conn: Conn, visible: SQL, q: LeadQuery) {
  const conditions = [
    visible,
    q.under ? eitherSideSql([q.under], sql`h.residence_path`, sql`h.origin_path`) : undefined,
    q.q ? sql`(h.household_no = ${q.q} OR h.head_name LIKE ${like(q.q)})` : undefined,
    q.status ? sql`l.status = ${q.status}` : undefined,
    q.source ? sql`l.source = ${q.source}` : undefined,
    q.flag ? sql`${q.flag} = ANY(l.flags)` : undefined,
  ].filter((c) => c !== undefined);
  return rows<LeadRow & { total: number }>(
    conn,
    sql`${COLUMNS}, count(*) OVER ()::int AS total
          FROM monitoring_leads l JOIN households h ON h.id = l.household_id
         WHERE ${sql.join(conditions, sql` AND `)}
         ORDER BY l.id DESC
         LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`,
  );
}

/** How many leads in `status` of the households `visible` admits (a condition on `h`). */
export async function countLeads(conn: Conn, visible: SQL, status: Lead['status']) {
  const [row] = await rows<{ total: number }>(
    conn,
    sql`SELECT count(*)::int AS total FROM monitoring_leads l JOIN households h ON h.id = l.household_id
         WHERE ${visible} AND l.status = ${status}`,
  );
  return row.total;
}

/** One lead with its household's number and head. */
export async function leadById(conn: Conn, id: number): Promise<LeadRow | undefined> {
  const [lead] = await rows<LeadRow>(
    conn,
    sql`${COLUMNS} FROM monitoring_leads l JOIN households h ON h.id = l.household_id WHERE l.id = ${id}`,
  );
  return lead;
}

/**
 * Opens a lead for the household, or adds the note to its open lead (one open lead a household, by
 * the partial unique index); returns the lead's id.
 */
export async function raiseLead(
  conn: Conn,
  householdId: number,
  source: Lead['source'],
  entry: string,
  userId: number,
): Promise<number> {
  const [saved] = await rows<{ id: number }>(
    conn,
    sql`INSERT INTO monitoring_leads (household_id, source, detail, created_by)
        VALUES (${householdId}, ${source}, jsonb_build_object('notes', ${entry}::jsonb), ${userId})
        ON CONFLICT (household_id) WHERE status = 'open'
        DO UPDATE SET detail = jsonb_set(monitoring_leads.detail, '{notes}',
                               coalesce(monitoring_leads.detail->'notes', '[]'::jsonb) || ${entry}::jsonb)
        RETURNING id`,
  );
  return saved.id;
}

/**
 * Households in monitoring or near it (a condition on `h`): a monitored household, or one whose latest
 * screening lead of this year or the last found its income below or near the line.
 */
const WATCHED = (year: number) =>
  sql`(h.poverty_status = 'monitored'
       OR EXISTS (SELECT 1 FROM monitoring_leads s
                   WHERE s.household_id = h.id AND s.source = 'screening' AND s.year >= ${year - 1}
                     AND s.flags && '{income_below_line,income_near_line}'::text[]))`;

/**
 * Opens a lead of `source` with the note `entry` for each household matching `households` (a condition
 * on `h`) that is active, watched (in or near monitoring) and has no open lead yet; one statement.
 * Returns the leads opened.
 */
export const raiseForWatched = (
  conn: Conn,
  households: SQL,
  source: Lead['source'],
  entry: string,
  userId: number | null,
  year: number,
) =>
  rows<{ id: number; household_id: number }>(
    conn,
    sql`INSERT INTO monitoring_leads (household_id, source, detail, created_by)
        SELECT h.id, ${source}, jsonb_build_object('notes', ${entry}::jsonb), ${userId}::bigint
          FROM households h
         WHERE ${households} AND h.status = 'active' AND ${WATCHED(year)}
           AND NOT EXISTS (SELECT 1 FROM monitoring_leads o WHERE o.household_id = h.id AND o.status = 'open')
        ON CONFLICT (household_id) WHERE status = 'open' DO NOTHING
        RETURNING id, household_id`,
  );

/** Opens a lead of `source` for each active household matching `households` (a condition on `h`) without an open lead; one statement. */
export const raiseForAll = (
  conn: Conn,
  households: SQL,
  source: Lead['source'],
  entry: string,
  userId: number,
) =>
  rows<{ id: number; household_id: number }>(
    conn,
    sql`INSERT INTO monitoring_leads (household_id, source, detail, created_by)
        SELECT h.id, ${source}, jsonb_build_object('notes', ${entry}::jsonb), ${userId}::bigint
          FROM households h
         WHERE ${households} AND h.status = 'active'
           AND NOT EXISTS (SELECT 1 FROM monitoring_leads o WHERE o.household_id = h.id AND o.status = 'open')
        ON CONFLICT (household_id) WHERE status = 'open' DO NOTHING
        RETURNING id, household_id`,
  );

/** The household a visit was made to, or undefined for no such visit. */
export async function visitHousehold(conn: Conn, visitId: number): Promise<number | undefined> {
  const [visit] = await rows<{ household_id: number }>(
    conn,
    sql`SELECT household_id FROM visits WHERE id = ${visitId}`,
  );
  return visit?.household_id;
}

/** A lead a case is opened from, with its household's two paths; locked for the transaction. */
export interface LeadToOpen {
  household_id: number;
  status: Lead['status'];
  rule_version: number | null;
  created_at: Date;
  residence_path: string;
  origin_path: string | null;
}

/** The lead with its household's paths, locking the lead for the rest of the transaction. */
export async function lockLeadToOpen(conn: Conn, id: number): Promise<LeadToOpen | undefined> {
  const [lead] = await rows<LeadToOpen>(
    conn,
    sql`SELECT l.household_id, l.status, l.rule_version, l.created_at, h.residence_path, h.origin_path
          FROM monitoring_leads l JOIN households h ON h.id = l.household_id
         WHERE l.id = ${id} FOR UPDATE OF l`,
  );
  return lead;
}

/** Sets a lead's status. */
export async function setLeadStatus(conn: Conn, id: number, status: Lead['status']): Promise<void> {
  await conn.execute(sql`UPDATE monitoring_leads SET status = ${status} WHERE id = ${id}`);
}
