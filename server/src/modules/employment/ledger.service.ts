import {
  EMPLOYMENT_KINDS,
  LEDGER_HEADERS,
  LEDGER_KIND_LABELS,
  REQUIRED_LEDGER_HEADERS,
  type EmploymentKind,
  type LedgerFields,
  type LedgerHeader,
  type LedgerReason,
  type LedgerResult,
} from '@anju/contracts';
import type { Database } from '../../db/client.ts';
import type { Ctx } from '../../platform/auth/actor.ts';
import { audit } from '../../platform/audit/audit.ts';
import type { Cipher } from '../../platform/crypto.ts';
import { amount, date, idNumber, Report, text } from '../../platform/files/import/cells.ts';
import { assertCommittable, type Upload } from '../../platform/files/import/form.ts';
import { openRows, type Row } from '../../platform/files/import/reader.ts';
import { Stage } from '../../platform/files/import/stage.ts';
import { idHash } from '../registry/registry.service.ts';
import { keptScope, labourScope } from './employment.policy.ts';
import * as repo from './ledger.repo.ts';
import { jobsEnded, recheckHouseholds, today } from './zero.service.ts';

const [NAME, ID, EMPLOYER, KIND, WAGE, START, END] = LEDGER_HEADERS;

/** Kinds by the ledger's words for them and by their codes. */
const KINDS = new Map<string, EmploymentKind>([
  ...EMPLOYMENT_KINDS.map((k): [string, EmploymentKind] => [k, k]),
  ...Object.entries(LEDGER_KIND_LABELS).flatMap(([k, labels]) =>
    labels.map((l): [string, EmploymentKind] => [l, k as EmploymentKind]),
  ),
]);

/** An end may lie ahead (a contract's term); a start may not. */
const FAR_FUTURE = new Date(Date.UTC(2100, 0, 1));

interface LedgerRow extends Record<string, unknown> {
  id_hash: string;
  name: string;
  employer: string;
  kind: EmploymentKind;
  wage: number;
  start_on: string;
  end_on: string | null;
}

function check(cipher: Cipher, report: Report<LedgerReason>, r: Row): LedgerRow | null {
  const cell = (h: LedgerHeader) => r.cells[LEDGER_HEADERS.indexOf(h)];
  return report.row(r.rowNo, (fail) => {
    const name = text(fail, NAME, cell(NAME).replace(/\s/g, ''), 64);
    const id = idNumber(fail, ID, cell(ID));
    const employer = text(fail, EMPLOYER, cell(EMPLOYER), 128);
    const kind = !cell(KIND)
      ? fail(KIND, 'cell.required')
      : (KINDS.get(cell(KIND).replace(/\s/g, '')) ??
        fail(KIND, 'kind.unknown', { value: cell(KIND).slice(0, 16) }));
    const wage = !cell(WAGE)
      ? fail(WAGE, 'cell.required')
      : /^\s*-/.test(cell(WAGE))
        ? fail(WAGE, 'wage.negative')
        : amount(fail, WAGE, cell(WAGE), 0, 1_000_000);
    const start = date(fail, START, cell(START));
    const end = cell(END) ? date(fail, END, cell(END), FAR_FUTURE) : null;
    if (start !== null && end !== null && end < start) return fail(END, 'end.before_start');
    if (name === null || id === null || employer === null || kind === null || wage === null || start === null)
      return null;
    return { id_hash: idHash(cipher, id), name, employer, kind, wage, start_on: start, end_on: end };
  });
}

/**
 * Checks the human-resources department's employment ledger (dry run) or saves it, every row or none,
 * in one transaction: records new to a person are added from the department's list and verified, those
 * of the same person, employer and start are changed and verified; then the zero-employment flags of
 * the households concerned in one statement, and a monitoring lead for households in or near
 * monitoring that lost their last job. A fixed number of statements whatever the file's size. Audited.
 */
export async function importLedger(
  database: Database,
  cipher: Cipher,
  ctx: Ctx,
  upload: Upload,
  fields: LedgerFields,
): Promise<LedgerResult> {
  const report = new Report<LedgerReason>();
  const on = today();
  return database.db.transaction(async (tx) => {
    const stage = new Stage<LedgerRow>(tx, repo.LEDGER_TABLE, repo.LEDGER_COLUMNS);
    await stage.create();
    const source = await openRows(upload.path, upload.format, LEDGER_HEADERS, REQUIRED_LEDGER_HEADERS);
    const total = await stage.load(source, (r) => check(cipher, report, r));
    await repo.matchRows(tx, labourScope(ctx.actor), keptScope(ctx.actor), { id: ID, name: NAME }, on);
    const found = await stage.errors<LedgerReason>();
    const counts = await repo.counts(tx, on);
    const invalid = report.badRows + found.total;
    const { errors, total: errorTotal } = report.merged(found.errors, found.total);
    const result: LedgerResult = {
      committed: false,
      rows: total,
      valid: total - invalid,
      invalid,
      ...counts,
      errors,
      errorTotal,
      flagged: 0,
      cleared: 0,
      leads: 0,
    };
    if (fields.dryRun) return result;
    assertCommittable(result, false);
    await repo.writeRows(tx, ctx.actor);
    const zero = await recheckHouseholds(tx, repo.LEDGER_HOUSEHOLDS);
    const leads = await jobsEnded(
      tx,
      ctx,
      repo.endedHouseholds(on),
      '人社部门就业台账：工作已结束，家中已无人在岗',
    );
    const outcome = { ...result, committed: true, ...zero, leads };
    await audit(tx, ctx, {
      action: 'employment.ledger_import',
      targetType: 'file',
      targetId: upload.fileName.slice(0, 64),
      detail: {
        rows: total,
        created: counts.created,
        updated: counts.updated,
        ended: counts.ended,
        ...zero,
        leads,
      },
    });
    return outcome;
  });
}
