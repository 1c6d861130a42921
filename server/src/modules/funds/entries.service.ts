import type { FundEntryCreate, FundEntryDecide, FundEntryQuery, FundEntryReverse } from '@anju/contracts';
import type { Conn, Database } from '../../db/client.ts';
import type { Ctx } from '../../platform/auth/actor.ts';
import { audit } from '../../platform/audit/audit.ts';
import { conflict, invalid, notFound } from '../../platform/errors.ts';
import { normsWithSources } from '../../platform/norms.ts';
import * as repo from './funds.repo.ts';
import { assertMayDecide, assertVisible, entryScope, inScope, toDecideSql } from './funds.policy.ts';
import { presentEntry } from './funds.present.ts';
import * as ledger from './ledger.repo.ts';
import { voucherTypeOf } from './voucher.ts';

/** The amount above which an entry also needs the township or a representatives' decision, with its source. */
export async function threshold(conn: Conn) {
  const [norm] = await normsWithSources(conn, 'fund_township_threshold_fen');
  return { fen: BigInt(norm.value), sourceZh: norm.sourceZh, sourceEn: norm.sourceEn };
}

const today = () => new Date().toISOString().slice(0, 10);
const nextMonth = (month: string) => {
  const d = new Date(`${month.slice(0, 7)}-01T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + 1);
  return d.toISOString().slice(0, 10);
};

/** A day an entry may be dated: not in the future, not in a closed month of the account. */
async function assertOpenDay(conn: Conn, accountId: number, day: string, field: string) {
  if (day > today()) throw invalid(field, 'must not be in the future');
  const closed = await ledger.lastClosed(conn, accountId);
  if (closed && day < nextMonth(closed))
    throw invalid(field, 'the month {{month}} is closed', { month: closed.slice(0, 7) });
}

const fitsDirection = (direction: string, category: string) =>
  category === 'other' || category.endsWith('_income') === (direction === 'income');

export async function get(database: Database, ctx: Ctx, id: number) {
  const row = await repo.findEntry(database.db, id);
  assertVisible(ctx.actor, row, 'entry');
  return presentEntry(ctx.actor, row, (await threshold(database.db)).fen);
}

/** Records an income or expense of an account in scope, pending until someone else approves it. */
export async function record(database: Database, ctx: Ctx, input: FundEntryCreate) {
  if (!fitsDirection(input.direction, input.category))
    throw invalid('category', 'does not fit the direction {{direction}}', { direction: input.direction });
  const id = await database.db.transaction(async (tx) => {
    const account = await repo.findAccount(tx, input.accountId);
    if (!account || !inScope(ctx.actor, account.place_path)) throw invalid('accountId', 'unknown account');
    await assertOpenDay(tx, input.accountId, input.occurredOn, 'occurredOn');
    const id = await repo.insertEntry(tx, {
      ...input,
      placePath: account.place_path,
      reversesId: null,
      recordedBy: ctx.actor.userId,
    });
    await audit(tx, ctx, {
      action: 'fund_entry.record',
      targetType: 'fund_entry',
      targetId: id,
      detail: { accountId: input.accountId, direction: input.direction, amountFen: input.amountFen },
    });
    return id;
  });
  return get(database, ctx, id);
}

export async function list(database: Database, ctx: Ctx, q: FundEntryQuery) {
  const scope = q.toDecide === 'true' ? toDecideSql(ctx.actor) : entryScope(ctx.actor);
  const where = repo.entryWhere(scope, q);
  const [{ items, total }, limit] = await Promise.all([
    repo.listEntries(database.db, where, q.pageSize, (q.page - 1) * q.pageSize),
    threshold(database.db),
  ]);
  return {
    items: items.map((r) => presentEntry(ctx.actor, r, limit.fen)),
    total,
    page: q.page,
    pageSize: q.pageSize,
  };
}

const stale = () => conflict('the entry was changed meanwhile', [{ field: 'version', reason: 'stale' }]);

/**
 * Approves (the community's or the township's approval) or refuses a pending entry. It is posted once it
 * has the community's approval and, above the threshold, the township's or a representatives' decision.
 */
export async function decide(database: Database, ctx: Ctx, id: number, body: FundEntryDecide) {
  await database.db.transaction(async (tx) => {
    const entry = await repo.findEntry(tx, id);
    assertVisible(ctx.actor, entry, 'entry');
    assertMayDecide(ctx.actor, entry, body.action);
    if (entry.version !== body.version) throw stale();
    const me = ctx.actor.userId;
    if (body.action === 'reject') {
      if (!body.reason) throw invalid('reason', 'required');
      if (
        !(await repo.decide(tx, id, body.version, { rejectedBy: me, rejectReason: body.reason, post: false }))
      )
        throw stale();
    } else {
      const limit = (await threshold(tx)).fen;
      const decisionRef = body.decisionRef || entry.decision_ref;
      const community = body.action === 'approve' || entry.approved_by !== null;
      const large = BigInt(entry.amount_fen) > limit;
      const post =
        community && (!large || body.action === 'township' || entry.township_by !== null || !!decisionRef);
      if (post) await assertPostable(tx, entry);
      const set =
        body.action === 'approve' ? { approvedBy: me, decisionRef: body.decisionRef } : { townshipBy: me };
      if (!(await repo.decide(tx, id, body.version, { ...set, post }))) throw stale();
    }
    await audit(tx, ctx, {
      action: `fund_entry.${body.action}`,
      targetType: 'fund_entry',
      targetId: id,
      detail: body.reason ? { reason: body.reason } : {},
    });
  });
  return get(database, ctx, id);
}

/** An entry is posted only into an open month, and an expense only while the account's balance covers it. */
async function assertPostable(
  tx: Conn,
  entry: { account_id: number; occurred_on: string; direction: string; amount_fen: string },
) {
  await repo.lockAccount(tx, entry.account_id);
  const closed = await ledger.lastClosed(tx, entry.account_id);
  if (closed && entry.occurred_on < nextMonth(closed))
    throw conflict('the month of the entry is closed', [
      { field: 'occurredOn', reason: 'the month is closed' },
    ]);
  if (entry.direction !== 'expense') return;
  const account = await repo.findAccount(tx, entry.account_id);
  if (BigInt(account!.balance_fen) < BigInt(entry.amount_fen))
    throw conflict("the account's balance does not cover the expense", [
      { field: 'amountFen', reason: "the account's balance does not cover the expense" },
    ]);
}

/** Records the entry that undoes a posted one: the opposite direction, the same amount, pending approval. */
export async function reverse(database: Database, ctx: Ctx, id: number, body: FundEntryReverse) {
  const newId = await database.db.transaction(async (tx) => {
    const entry = await repo.findEntry(tx, id);
    assertVisible(ctx.actor, entry, 'entry');
    if (entry.version !== body.version) throw stale();
    if (entry.status !== 'posted')
      throw conflict('only a posted entry is reversed', [
        { field: 'id', reason: 'only a posted entry is reversed' },
      ]);
    if (entry.reversed_by_id !== null)
      throw conflict('the entry is already reversed', [
        { field: 'id', reason: 'the entry is already reversed' },
      ]);
    await assertOpenDay(tx, entry.account_id, body.occurredOn, 'occurredOn');
    const newId = await repo.insertEntry(tx, {
      accountId: entry.account_id,
      placePath: entry.place_path,
      direction: entry.direction === 'income' ? 'expense' : 'income',
      amountFen: entry.amount_fen,
      category: entry.category,
      occurredOn: body.occurredOn,
      summary: body.summary,
      counterparty: entry.counterparty,
      decisionRef: '',
      reversesId: id,
      recordedBy: ctx.actor.userId,
    });
    await audit(tx, ctx, {
      action: 'fund_entry.reverse',
      targetType: 'fund_entry',
      targetId: newId,
      detail: { reverses: id },
    });
    return newId;
  });
  return get(database, ctx, newId);
}

/** Keeps a photo or PDF with a pending entry. */
export async function addVoucher(database: Database, ctx: Ctx, id: number, content: Buffer) {
  const contentType = voucherTypeOf(content);
  await database.db.transaction(async (tx) => {
    const entry = await repo.findEntry(tx, id);
    assertVisible(ctx.actor, entry, 'entry');
    if (entry.status !== 'pending')
      throw conflict('vouchers are added only while the entry is pending', [
        { field: 'file', reason: 'vouchers are added only while the entry is pending' },
      ]);
    const voucherId = await repo.insertVoucher(tx, {
      entryId: id,
      contentType,
      content,
      addedBy: ctx.actor.userId,
    });
    await audit(tx, ctx, {
      action: 'fund_entry.voucher',
      targetType: 'fund_entry',
      targetId: id,
      detail: { voucherId },
    });
  });
  return get(database, ctx, id);
}

/** A voucher's file, for those who see its entry. */
export async function voucher(database: Database, ctx: Ctx, id: number) {
  const found = await repo.findVoucher(database.db, id);
  if (!found) throw notFound('voucher');
  const entry = await repo.findEntry(database.db, found.entry_id);
  assertVisible(ctx.actor, entry, 'voucher');
  return { contentType: found.content_type, content: Buffer.from(found.content) };
}
