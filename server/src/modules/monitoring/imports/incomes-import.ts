import { sql } from 'drizzle-orm';
import {
  type MonitoringImportReason,
  INCOME_IMPORT_HEADERS,
  REQUIRED_INCOME_IMPORT_HEADERS,
  type IncomePeriod,
  type IncomesImportResult,
} from '@anju/contracts';
import type { Database, Tx } from '../../../db/client.ts';
import { rows } from '../../../db/rows.ts';
import type { Actor, Ctx } from '../../../platform/auth/actor.ts';
import { ownScopeSql } from '../../../platform/access/scope.ts';
import { audit } from '../../../platform/audit/audit.ts';
import { householdsVisibleSql } from '../../registry/registry.service.ts';
import { screenInto } from '../screening.service.ts';
import { amount, Report, text, type Fail } from '../../../platform/files/import/cells.ts';
import { assertCommittable, type Upload } from '../../../platform/files/import/form.ts';
import { leadsOf, presentLeads, type WrittenLead } from './outcome.ts';
import { openRows, type Row } from '../../../platform/files/import/reader.ts';
import { Stage } from '../../../platform/files/import/stage.ts';

type Header = (typeof INCOME_IMPORT_HEADERS)[number];

/** Amount columns: header, income record column, the least value (only operating income may be a loss). */
const AMOUNTS: [Header, string, number][] = [
  ['工资性收入', 'wage', 0],
  ['经营净收入', 'operating', -100_000_000],
  ['财产性收入', 'property', 0],
  ['转移性收入', 'transfer', 0],
  ['生产经营支出', 'production_costs', 0],
  ['医疗自付', 'medical_expense', 0],
  ['教育支出', 'schooling_expense', 0],
];
const PARTS = AMOUNTS.map(([, column]) => column).join(', ');
const PERIODS: Record<string, IncomePeriod> = {
  年度: 'year',
  全年: 'year',
  year: 'year',
  年中: 'mid_year',
  mid_year: 'mid_year',
};
const [NO, YEAR, PERIOD] = INCOME_IMPORT_HEADERS;
const TABLE = 'income_rows';
const T = sql.raw(TABLE);

interface IncomeRow extends Record<string, unknown> {
  household_no: string;
  year: number;
  period: IncomePeriod;
}

const COLUMNS = {
  household_no: 'text',
  year: 'int',
  period: 'text',
  ...Object.fromEntries(AMOUNTS.map(([, column]) => [column, 'int'])),
  household_id: 'bigint',
  residence_side: 'boolean',
};

function yearOf(fail: Fail<MonitoringImportReason>, value: string) {
  if (!value) return fail(YEAR, 'cell.required');
  const year = Number(value.replace(/年$/, ''));
  return Number.isInteger(year) && year >= 2015 && year <= 2100 ? year : fail(YEAR, 'year.invalid');
}

function check(report: Report<MonitoringImportReason>, r: Row): IncomeRow | null {
  const cell = (h: Header) => r.cells[INCOME_IMPORT_HEADERS.indexOf(h)];
  return report.row(r.rowNo, (fail) => {
    const no = text(fail, NO, cell(NO), 32);
    const year = yearOf(fail, cell(YEAR));
    const period = cell(PERIOD)
      ? (PERIODS[cell(PERIOD)] ?? fail(PERIOD, 'period.unknown', { value: cell(PERIOD).slice(0, 16) }))
      : fail(PERIOD, 'cell.required');
    const parts = AMOUNTS.map(([h, , min]) => (cell(h) ? amount(fail, h, cell(h), min, 100_000_000) : 0));
    if (no === null || year === null || period === null || parts.includes(null)) return null;
    const yuan = Object.fromEntries(AMOUNTS.map(([, column], i) => [column, Math.round(parts[i]!)]));
    return { household_no: no, year, period, ...yuan };
  });
}

/** Households by number among those the caller sees; incomes are entered on the residence side only. */
async function match(tx: Tx, actor: Actor) {
  await tx.execute(sql`UPDATE ${T} r SET household_id = h.id, residence_side = ${ownScopeSql(actor, sql`h.residence_path`)}
                         FROM households h
                        WHERE h.household_no = r.household_no AND h.status = 'active' AND ${householdsVisibleSql(actor)}`);
  await tx.execute(sql`UPDATE ${T} SET bad_column = ${NO}, reason = 'household.not_found', params = '{}'
                        WHERE household_id IS NULL`);
  await tx.execute(sql`UPDATE ${T} SET bad_column = ${NO}, reason = 'household.origin_side', params = '{}'
                        WHERE reason IS NULL AND NOT residence_side`);
  await tx.execute(sql`UPDATE ${T} r SET bad_column = ${NO}, reason = 'duplicate.in_file',
                              params = jsonb_build_object('rows', f.first::text)
                         FROM (SELECT row_no, min(row_no) OVER (PARTITION BY household_no, year, period) AS first
                                 FROM ${T}) f
                        WHERE f.row_no = r.row_no AND f.first <> r.row_no AND r.reason IS NULL`);
}

const GOOD = sql`(SELECT household_id FROM ${T} WHERE reason IS NULL)`;

/** Writes the good rows: a new record, or the existing one replaced with its version bumped. */
async function upsert(tx: Tx, ctx: Ctx) {
  const set = AMOUNTS.map(([, c]) => `${c} = EXCLUDED.${c}`).join(', ');
  await tx.execute(sql`
    WITH members AS (
      SELECT household_id, count(*)::int AS n FROM persons
       WHERE status = 'living' AND household_id IN ${GOOD} GROUP BY household_id)
    INSERT INTO household_incomes (household_id, year, period, ${sql.raw(PARTS)}, member_count, entered_by)
    SELECT r.household_id, r.year, r.period, ${sql.raw(AMOUNTS.map(([, c]) => `r.${c}`).join(', '))},
           coalesce(m.n, 0), ${ctx.actor.userId}::bigint
      FROM ${T} r LEFT JOIN members m ON m.household_id = r.household_id
     WHERE r.reason IS NULL
    ON CONFLICT (household_id, year, period) DO UPDATE
       SET ${sql.raw(set)}, member_count = EXCLUDED.member_count, version = household_incomes.version + 1,
           wage_source = CASE WHEN household_incomes.wage = EXCLUDED.wage THEN household_incomes.wage_source
                              ELSE 'declared' END,
           entered_by = EXCLUDED.entered_by, entered_at = now()`);
}

/** Screens the households of each year's whole-year records together; returns how many and the new leads. */
async function screen(tx: Tx, ctx: Ctx) {
  await tx.execute(sql`CREATE TEMP TABLE income_open ON COMMIT DROP AS
                         SELECT household_id FROM monitoring_leads WHERE status = 'open' AND household_id IN ${GOOD}`);
  const years = await rows<{ year: number }>(
    tx,
    sql`SELECT DISTINCT year FROM ${T} WHERE reason IS NULL AND period = 'year' ORDER BY year`,
  );
  let screened = 0;
  const now = new Date();
  for (const { year } of years) {
    const where = sql`h.id IN (SELECT household_id FROM ${T} WHERE reason IS NULL AND period = 'year' AND year = ${year})`;
    const { outcome } = await screenInto(tx, { where }, year, now, ctx.actor.userId);
    screened += outcome.screened;
  }
  const leads = await rows<WrittenLead>(
    tx,
    leadsOf(sql`(SELECT l.id, l.household_id, true AS inserted FROM monitoring_leads l
                  WHERE l.status = 'open' AND l.household_id IN ${GOOD}
                    AND l.household_id NOT IN (SELECT household_id FROM income_open))`),
  );
  return { screened, leads };
}

/**
 * Checks an incomes file (dry run) or saves it: every row or none, or the good ones with `skipBad`, in one
 * transaction; then the households are screened for their year in one statement a year. Audited.
 */
export async function importIncomes(
  database: Database,
  ctx: Ctx,
  upload: Upload,
  options: { dryRun: boolean; skipBad: boolean },
): Promise<IncomesImportResult> {
  const report = new Report<MonitoringImportReason>();
  return database.db.transaction(async (tx) => {
    const stage = new Stage<IncomeRow>(tx, TABLE, COLUMNS);
    await stage.create();
    const source = await openRows(
      upload.path,
      upload.format,
      INCOME_IMPORT_HEADERS,
      REQUIRED_INCOME_IMPORT_HEADERS,
    );
    const total = await stage.load(source, (r) => check(report, r));
    await match(tx, ctx.actor);
    const found = await stage.errors<MonitoringImportReason>();
    const [counts] = await rows<{ households: number; updated: number }>(
      tx,
      sql`SELECT count(DISTINCT household_id)::int AS households,
                 count(*) FILTER (WHERE EXISTS (SELECT 1 FROM household_incomes i WHERE i.household_id = r.household_id
                                                   AND i.year = r.year AND i.period = r.period))::int AS updated
            FROM ${T} r WHERE reason IS NULL`,
    );
    const invalid = report.badRows + found.total;
    const { errors, total: errorTotal } = report.merged(found.errors, found.total);
    const result: IncomesImportResult = {
      committed: false,
      rows: total,
      valid: total - invalid,
      invalid,
      households: counts.households,
      created: total - invalid - counts.updated,
      updated: counts.updated,
      screened: 0,
      errors,
      errorTotal,
      leads: [],
      newLeads: 0,
    };
    if (options.dryRun) return result;
    assertCommittable(result, options.skipBad);
    await upsert(tx, ctx);
    const { screened, leads } = await screen(tx, ctx);
    const outcome = {
      ...result,
      committed: true,
      screened,
      leads: presentLeads(leads),
      newLeads: leads[0]?.total ?? 0,
    };
    await audit(tx, ctx, {
      action: 'monitoring.incomes_import',
      targetType: 'file',
      targetId: upload.fileName.slice(0, 64),
      detail: {
        rows: total,
        skipped: invalid,
        created: outcome.created,
        updated: outcome.updated,
        households: outcome.households,
        screened,
        newLeads: outcome.newLeads,
      },
    });
    return outcome;
  });
}
