import type { FundEntry, FundEntryQuery, FundStatement } from '@anju/contracts';
import type { Readable } from 'node:stream';
import type { Database } from '../../db/client.ts';
import type { Ctx } from '../../platform/auth/actor.ts';
import { audit } from '../../platform/audit/audit.ts';
import { conflict, invalid } from '../../platform/errors.ts';
import { xlsxStream, type Column } from '../../platform/files/tabular.ts';
import { threshold } from './entries.service.ts';
import * as repo from './funds.repo.ts';
import { assertVisible, entryScope } from './funds.policy.ts';
import { presentEntry } from './funds.present.ts';
import type { EntryRow } from './funds.sql.ts';
import * as ledger from './ledger.repo.ts';

const firstDay = (month: string) => `${month}-01`;
const nextFirstDay = (month: string) => {
  const d = new Date(`${month}-01T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + 1);
  return d;
};
const lastDay = (month: string) =>
  new Date(nextFirstDay(month).getTime() - 86_400_000).toISOString().slice(0, 10);
const currentMonth = () => new Date().toISOString().slice(0, 7);

/** A month's statement of an account: opening, income, expense, closing and the entries posted in it. */
export async function statement(
  database: Database,
  ctx: Ctx,
  id: number,
  month: string,
): Promise<FundStatement> {
  const account = await repo.findAccount(database.db, id);
  assertVisible(ctx.actor, account, 'account');
  const where = repo.entryWhere(entryScope(ctx.actor), {
    accountId: id,
    status: 'posted',
    from: firstDay(month),
    to: lastDay(month),
  });
  const [figures, entries, limit] = await Promise.all([
    ledger.monthFigures(database.db, id, firstDay(month)),
    repo.allEntries(database.db, where, EXPORT_LIMIT),
    threshold(database.db),
  ]);
  return {
    accountId: String(id),
    month,
    openingFen: figures.opening_fen,
    incomeFen: figures.income_fen,
    expenseFen: figures.expense_fen,
    closingFen: figures.closing_fen,
    closed: figures.closed,
    entries: entries.map((e) => presentEntry(ctx.actor, e, limit.fen)),
  };
}

const refuse = (reason: string, params?: Record<string, string>) =>
  conflict(
    reason.replace(/\{\{(\w+)\}\}/g, (_, k: string) => params?.[k] ?? k),
    [{ field: 'month', reason, params }],
  );

/**
 * Closes a past month of an account, the months after the last close in order; its figures are derived
 * from the journal and kept, and no entry is posted into it afterwards.
 */
export async function close(database: Database, ctx: Ctx, id: number, month: string) {
  if (month >= currentMonth()) throw invalid('month', 'only a past month is closed');
  await database.db.transaction(async (tx) => {
    const account = await repo.findAccount(tx, id);
    assertVisible(ctx.actor, account, 'account');
    await repo.lockAccount(tx, id);
    const last = await ledger.lastClosed(tx, id);
    if (last && firstDay(month) <= last)
      throw refuse('the month {{month}} is already closed', { month: last.slice(0, 7) });
    const pending = await ledger.pendingBefore(tx, id, nextFirstDay(month).toISOString().slice(0, 10));
    if (pending > 0)
      throw refuse('{{count}} entries of the month or before are still pending', { count: String(pending) });
    const closeId = await ledger.close(tx, id, firstDay(month), ctx.actor.userId);
    await audit(tx, ctx, {
      action: 'fund_account.close',
      targetType: 'fund_account',
      targetId: id,
      detail: { month, closeId },
    });
  });
  return statement(database, ctx, id, month);
}

const yuan = (fen: string) => {
  const n = BigInt(fen);
  const abs = n < 0n ? -n : n;
  return `${n < 0n ? '-' : ''}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
};

const STATUS_ZH: Record<string, string> = { pending: '待审批', posted: '已入账', rejected: '已退回' };

const COLUMNS: Column<EntryRow>[] = [
  { header: '编号', value: (r) => Number(r.id), width: 10 },
  { header: '社区', value: (r) => r.place_name },
  { header: '账户', value: (r) => r.account_name },
  { header: '日期', value: (r) => r.occurred_on, width: 12 },
  { header: '收支', value: (r) => (r.direction === 'income' ? '收入' : '支出'), width: 8 },
  { header: '科目', value: (r) => r.category, width: 14 },
  { header: '金额（元）', value: (r) => yuan(r.amount_fen), width: 14 },
  { header: '摘要', value: (r) => r.summary, width: 32 },
  { header: '对方', value: (r) => r.counterparty },
  { header: '决议文号', value: (r) => r.decision_ref },
  { header: '状态', value: (r) => STATUS_ZH[r.status] ?? r.status, width: 10 },
  { header: '冲销原分录', value: (r) => (r.reverses_id === null ? null : Number(r.reverses_id)), width: 12 },
  { header: '记账人', value: (r) => r.recorded_name, width: 12 },
  { header: '审批人', value: (r) => r.approved_name, width: 12 },
  { header: '乡镇审核', value: (r) => r.township_name, width: 12 },
  { header: '凭证数', value: (r) => r.vouchers.length, width: 8 },
];

/** The most rows one export carries. */
export const EXPORT_LIMIT = 100_000;

/** The journal as the caller filtered it, as a workbook; the export is audited. */
export async function exportJournal(database: Database, ctx: Ctx, q: FundEntryQuery): Promise<Readable> {
  const where = repo.entryWhere(entryScope(ctx.actor), q);
  const found = await repo.allEntries(database.db, where, EXPORT_LIMIT);
  await audit(database.db, ctx, { action: 'fund_entry.export', detail: { rows: found.length } });
  async function* batches() {
    yield found;
  }
  return xlsxStream('journal', COLUMNS, batches());
}

/**
 * A community's funds over [from, until) for its disclosure: each account's figures and the entries
 * posted, as residents may read them (no one's name).
 */
export async function periodReport(database: Database, placeId: number, from: string, until: string) {
  const last = new Date(new Date(`${until}T00:00:00Z`).getTime() - 86_400_000).toISOString().slice(0, 10);
  const where = repo.communityEntries(placeId, { status: 'posted', from, to: last });
  const [accounts, entries] = await Promise.all([
    ledger.periodFigures(database.db, placeId, from, until),
    repo.allEntries(database.db, where, EXPORT_LIMIT),
  ]);
  return {
    accounts: accounts.map((a) => ({
      name: a.name,
      openingFen: a.opening_fen,
      incomeFen: a.income_fen,
      expenseFen: a.expense_fen,
      closingFen: a.closing_fen,
    })),
    entries: entries.map((e) => ({
      occurredOn: e.occurred_on,
      summary: e.summary,
      direction: e.direction as 'income' | 'expense',
      category: e.category as FundEntry['category'],
      amountFen: e.amount_fen,
    })),
  };
}
