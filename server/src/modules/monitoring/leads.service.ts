import { sql } from 'drizzle-orm';
import type { Lead } from '@anju/contracts';
import type { Database } from '../../db/client.ts';
import { rows } from '../../db/rows.ts';
import type { Ctx } from '../../platform/auth/actor.ts';
import { underPath } from '../places/places.service.ts';
import { householdsVisible } from './monitoring.policy.ts';

interface LeadRow {
  id: number;
  household_id: number;
  household_no: string;
  head_name: string;
  source: Lead['source'];
  status: Lead['status'];
  year: number | null;
  flags: Lead['flags'];
  rule_version: number | null;
  created_at: Date;
  total: number;
}

export interface LeadFilter {
  under?: string;
  q?: string;
  status?: Lead['status'];
  source?: Lead['source'];
  flag?: string;
  page: number;
  pageSize: number;
}

/** Leads of households the caller sees from either side, newest first, with the total. */
export async function listLeads(database: Database, ctx: Ctx, q: LeadFilter) {
  const path = q.under ? (await underPath(database.db, q.under)) + '%' : null;
  const conditions = [
    householdsVisible(ctx.actor),
    path ? sql`(h.residence_path LIKE ${path} OR h.origin_path LIKE ${path})` : undefined,
    q.q
      ? sql`(h.household_no = ${q.q} OR h.head_name LIKE ${q.q.replace(/[\\%_]/g, '\\$&') + '%'})`
      : undefined,
    q.status ? sql`l.status = ${q.status}` : undefined,
    q.source ? sql`l.source = ${q.source}` : undefined,
    q.flag ? sql`${q.flag} = ANY(l.flags)` : undefined,
  ].filter((c) => c !== undefined);
  const found = await rows<LeadRow>(
    database.db,
    sql`SELECT l.id, l.household_id, h.household_no, h.head_name, l.source, l.status, l.year, l.flags,
               l.rule_version, l.created_at, count(*) OVER ()::int AS total
          FROM monitoring_leads l JOIN households h ON h.id = l.household_id
         WHERE ${sql.join(conditions, sql` AND `)}
         ORDER BY l.id DESC
         LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`,
  );
  return {
    items: found.map((r): Lead => ({
      id: String(r.id),
      householdId: String(r.household_id),
      householdNo: r.household_no,
      headName: r.head_name,
      source: r.source,
      status: r.status,
      year: r.year,
      flags: r.flags,
      ruleVersion: r.rule_version,
      createdAt: new Date(r.created_at).toISOString(),
    })),
    total: found[0]?.total ?? 0,
    page: q.page,
    pageSize: q.pageSize,
  };
}
