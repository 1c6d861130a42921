import { sql } from 'drizzle-orm';
import type { Declaration, Lead, LeadCreate } from '@anju/contracts';
import type { Conn, Database } from '../../db/client.ts';
import { like, rows } from '../../db/rows.ts';
import type { Ctx } from '../../platform/auth/actor.ts';
import { underPath } from '../places/places.service.ts';
import { audit } from '../../platform/audit/audit.ts';
import { AppError, invalid } from '../../platform/errors.ts';
import { assertHouseholdVisible, householdsVisible, type HouseholdPaths } from './monitoring.policy.ts';

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
  note: string | null;
  created_at: Date;
}

const COLUMNS = sql`SELECT l.id, l.household_id, h.household_no, h.head_name, l.source, l.status, l.year, l.flags,
                           l.rule_version, l.detail->'notes'->-1->>'text' AS note, l.created_at`;
const ONE_LEAD = sql`${COLUMNS} FROM monitoring_leads l JOIN households h ON h.id = l.household_id`;

const present = (r: LeadRow): Lead => ({
  id: String(r.id),
  householdId: String(r.household_id),
  householdNo: r.household_no,
  headName: r.head_name,
  source: r.source,
  status: r.status,
  year: r.year,
  flags: r.flags,
  ruleVersion: r.rule_version,
  note: r.note,
  createdAt: new Date(r.created_at).toISOString(),
});

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
    q.q ? sql`(h.household_no = ${q.q} OR h.head_name LIKE ${like(q.q)})` : undefined,
    q.status ? sql`l.status = ${q.status}` : undefined,
    q.source ? sql`l.source = ${q.source}` : undefined,
    q.flag ? sql`${q.flag} = ANY(l.flags)` : undefined,
  ].filter((c) => c !== undefined);
  const found = await rows<LeadRow & { total: number }>(
    database.db,
    sql`${COLUMNS}, count(*) OVER ()::int AS total
          FROM monitoring_leads l JOIN households h ON h.id = l.household_id
         WHERE ${sql.join(conditions, sql` AND `)}
         ORDER BY l.id DESC
         LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`,
  );
  return {
    items: found.map(present),
    total: found[0]?.total ?? 0,
    page: q.page,
    pageSize: q.pageSize,
  };
}

/**
 * Records a lead from outside screening. A household has one open lead: a second report adds its
 * note to that lead instead. Returns the lead; audited.
 */
async function raise(
  conn: Conn,
  ctx: Ctx,
  householdId: number,
  source: Lead['source'],
  note: Record<string, unknown>,
) {
  const entry = JSON.stringify([{ source, ...note, by: ctx.actor.username, at: new Date().toISOString() }]);
  const [saved] = await rows<{ id: number }>(
    conn,
    sql`INSERT INTO monitoring_leads (household_id, source, detail, created_by)
        VALUES (${householdId}, ${source}, jsonb_build_object('notes', ${entry}::jsonb), ${ctx.actor.userId})
        ON CONFLICT (household_id) WHERE status = 'open'
        DO UPDATE SET detail = jsonb_set(monitoring_leads.detail, '{notes}',
                               coalesce(monitoring_leads.detail->'notes', '[]'::jsonb) || ${entry}::jsonb)
        RETURNING id`,
  );
  await audit(conn, ctx, {
    action: 'monitoring.lead',
    targetType: 'household',
    targetId: householdId,
    detail: { lead: saved.id, source },
  });
  const [lead] = await rows<LeadRow>(conn, sql`${ONE_LEAD} WHERE l.id = ${saved.id}`);
  return present(lead);
}

/** A lead from a visit's finding (the visit must be of that household) or from a department's data. */
export async function createLead(database: Database, ctx: Ctx, input: LeadCreate): Promise<Lead> {
  const householdId = Number(input.householdId);
  return database.db.transaction(async (tx) => {
    const [h] = await rows<HouseholdPaths>(
      tx,
      sql`SELECT residence_path, origin_path FROM households WHERE id = ${householdId}`,
    );
    assertHouseholdVisible(ctx.actor, h);
    if (input.visitId) {
      const [visit] = await rows<{ household_id: number }>(
        tx,
        sql`SELECT household_id FROM visits WHERE id = ${Number(input.visitId)}`,
      );
      if (visit?.household_id !== householdId) throw invalid('visitId', 'is not a visit to this household');
    }
    return raise(tx, ctx, householdId, input.source, {
      text: input.note,
      ...(input.visitId ? { visitId: input.visitId } : {}),
    });
  });
}

/** A resident declares hardship for the household living in their dwelling. */
export async function declare(database: Database, ctx: Ctx, input: Declaration): Promise<Lead> {
  return database.db.transaction(async (tx) => {
    const known = await rows<{ code: string }>(
      tx,
      sql`SELECT code FROM dictionary_entries WHERE kind = 'risk_type' AND active AND code = ANY(${`{${input.reasons.join(',')}}`}::text[])`,
    );
    if (known.length !== new Set(input.reasons).size) throw invalid('reasons', 'unknown risk type');
    const homes = ctx.actor.scopes.map((s) => sql`residence_path LIKE ${s.path + '%'}`);
    const found = homes.length
      ? await rows<{ id: number }>(
          tx,
          sql`SELECT id FROM households WHERE status = 'active' AND (${sql.join(homes, sql` OR `)}) LIMIT 2`,
        )
      : [];
    if (found.length !== 1) throw new AppError('not_found', 'no household of yours was found');
    return raise(tx, ctx, found[0].id, 'self_declaration', { text: input.note, reasons: input.reasons });
  });
}
