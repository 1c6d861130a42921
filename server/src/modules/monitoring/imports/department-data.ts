import { sql } from 'drizzle-orm';
import {
  type MonitoringImportReason,
  DEPARTMENT_DATA_HEADERS,
  REQUIRED_DEPARTMENT_DATA_HEADERS,
  type DepartmentDataFields,
  type DepartmentDataResult,
} from '@anju/contracts';
import type { Database, Tx } from '../../../db/client.ts';
import { rows } from '../../../db/rows.ts';
import type { Ctx } from '../../../platform/auth/actor.ts';
import { audit } from '../../../platform/audit/audit.ts';
import type { Cipher } from '../../../platform/crypto.ts';
import { householdsVisibleSql, idHash } from '../../registry/registry.service.ts';
import { amount, date, idNumber, Report, text } from '../../../platform/files/import/cells.ts';
import { assertCommittable, type Upload } from '../../../platform/files/import/form.ts';
import { leadsOf, presentLeads, type WrittenLead } from './outcome.ts';
import { openRows, type Row } from '../../../platform/files/import/reader.ts';
import { Stage } from '../../../platform/files/import/stage.ts';

interface DepartmentRow extends Record<string, unknown> {
  id_hash: string;
  name: string;
  matter: string;
  amount: number;
  day: string;
  note: string;
}

const COLUMNS = {
  id_hash: 'text',
  name: 'text',
  matter: 'text',
  amount: 'numeric',
  day: 'date',
  note: 'text',
  household_id: 'bigint',
  registry_name: 'text',
};
type Header = (typeof DEPARTMENT_DATA_HEADERS)[number];
const [ID, NAME, MATTER, AMOUNT, DATE, NOTE] = DEPARTMENT_DATA_HEADERS;

function check(cipher: Cipher, report: Report<MonitoringImportReason>, r: Row): DepartmentRow | null {
  const cell = (h: Header) => r.cells[DEPARTMENT_DATA_HEADERS.indexOf(h)];
  return report.row(r.rowNo, (fail) => {
    const id = idNumber(fail, ID, cell(ID));
    const name = text(fail, NAME, cell(NAME).replace(/\s/g, ''), 64);
    const matter = text(fail, MATTER, cell(MATTER), 64);
    const yuan = cell(AMOUNT)
      ? amount(fail, AMOUNT, cell(AMOUNT), 0, 1_000_000_000)
      : fail(AMOUNT, 'cell.required');
    const day = date(fail, DATE, cell(DATE));
    const note = text(fail, NOTE, cell(NOTE), 200, false);
    if (id === null || name === null || matter === null || yuan === null || day === null || note === null)
      return null;
    return { id_hash: idHash(cipher, id), name, matter, amount: yuan, day, note };
  });
}

/**
 * Rows name people of households the caller sees (either side); anyone else, registered or not, is
 * "not found" alike. A matched person's name must be the registry's; the same matter twice is a duplicate.
 */
async function match(tx: Tx, ctx: Ctx, table: string) {
  const t = sql.raw(table);
  await tx.execute(sql`UPDATE ${t} d SET household_id = p.household_id, registry_name = replace(p.name, ' ', '')
                         FROM persons p JOIN households h ON h.id = p.household_id
                        WHERE p.id_hash = d.id_hash AND h.status = 'active' AND ${householdsVisibleSql(ctx.actor)}`);
  await tx.execute(sql`UPDATE ${t} SET bad_column = ${ID}, reason = 'person.not_found', params = '{}'
                        WHERE household_id IS NULL`);
  await tx.execute(sql`UPDATE ${t} SET bad_column = ${NAME}, reason = 'name.mismatch', params = '{}'
                        WHERE reason IS NULL AND name <> registry_name`);
  await tx.execute(sql`UPDATE ${t} d SET bad_column = ${ID}, reason = 'duplicate.in_file',
                              params = jsonb_build_object('rows', f.first::text)
                         FROM (SELECT row_no, min(row_no) OVER (PARTITION BY id_hash, matter, amount, day) AS first
                                 FROM ${t}) f
                        WHERE f.row_no = d.row_no AND f.first <> d.row_no AND d.reason IS NULL`);
}

/** One lead per household, raised or added to as notes naming the department, matter, amount and date. */
async function raiseLeads(tx: Tx, ctx: Ctx, table: string, fields: DepartmentDataFields) {
  const t = sql.raw(table);
  return rows<WrittenLead>(
    tx,
    sql`WITH g AS (
          SELECT household_id, jsonb_agg(jsonb_build_object(
                   'source', 'department_data',
                   'text', format('%s：%s %s 元（%s）%s', ${fields.department}::text, matter,
                                  to_char(amount, 'FM999999999990.00'), day,
                                  CASE WHEN note <> '' THEN '。' || note ELSE '' END),
                   'department', ${fields.department}::text, 'kind', ${fields.kind}::text, 'matter', matter,
                   'amount', amount, 'date', day, 'by', ${ctx.actor.username}::text, 'at', now()) ORDER BY row_no) AS notes
            FROM ${t} WHERE reason IS NULL GROUP BY household_id),
        saved AS (
          INSERT INTO monitoring_leads (household_id, source, detail, created_by)
          SELECT household_id, 'department_data', jsonb_build_object('notes', notes), ${ctx.actor.userId}::bigint FROM g
          ON CONFLICT (household_id) WHERE status = 'open'
          DO UPDATE SET detail = jsonb_set(monitoring_leads.detail, '{notes}',
                          coalesce(monitoring_leads.detail->'notes', '[]'::jsonb) || (EXCLUDED.detail->'notes'))
          RETURNING id, household_id, (xmax = 0) AS inserted)
        ${leadsOf(sql`saved`)}`,
  );
}

/**
 * Checks a department's data file (dry run) or turns it into leads: all rows or none, or the good ones
 * with `skipBad`, in one transaction and a fixed number of statements whatever the file's size. Audited.
 */
export async function importDepartmentData(
  database: Database,
  cipher: Cipher,
  ctx: Ctx,
  upload: Upload,
  fields: DepartmentDataFields,
): Promise<DepartmentDataResult> {
  const report = new Report<MonitoringImportReason>();
  return database.db.transaction(async (tx) => {
    const stage = new Stage<DepartmentRow>(tx, 'department_rows', COLUMNS);
    await stage.create();
    const source = await openRows(
      upload.path,
      upload.format,
      DEPARTMENT_DATA_HEADERS,
      REQUIRED_DEPARTMENT_DATA_HEADERS,
    );
    const total = await stage.load(source, (r) => check(cipher, report, r));
    await match(tx, ctx, stage.table);
    const found = await stage.errors<MonitoringImportReason>();
    const [{ households }] = await rows<{ households: number }>(
      tx,
      sql`SELECT count(DISTINCT household_id)::int AS households FROM ${sql.raw(stage.table)} WHERE reason IS NULL`,
    );
    const invalid = report.badRows + found.total;
    const { errors, total: errorTotal } = report.merged(found.errors, found.total);
    const result: DepartmentDataResult = {
      committed: false,
      rows: total,
      valid: total - invalid,
      invalid,
      households,
      errors,
      errorTotal,
      leads: [],
      newLeads: 0,
      joinedLeads: 0,
    };
    if (fields.dryRun) return result;
    assertCommittable(result, fields.skipBad);
    const written = await raiseLeads(tx, ctx, stage.table, fields);
    const newLeads = written[0]?.inserted_total ?? 0;
    const outcome = {
      ...result,
      committed: true,
      leads: presentLeads(written),
      newLeads,
      joinedLeads: (written[0]?.total ?? 0) - newLeads,
    };
    await audit(tx, ctx, {
      action: 'monitoring.department_data',
      targetType: 'file',
      targetId: upload.fileName.slice(0, 64),
      detail: {
        department: fields.department,
        kind: fields.kind,
        rows: total,
        skipped: invalid,
        households,
        newLeads,
        joinedLeads: outcome.joinedLeads,
      },
    });
    return outcome;
  });
}
