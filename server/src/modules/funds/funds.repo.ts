import { sql, type SQL } from 'drizzle-orm';
import type { Conn } from '../../db/client.ts';
import { rows } from '../../db/rows.ts';
import { ACCOUNT_SELECT, ENTRY_SELECT, type AccountRow, type EntryRow } from './funds.sql.ts';

export async function insertAccount(
  tx: Conn,
  a: { placeId: number; placePath: string; kind: string; name: string },
): Promise<number | undefined> {
  const [row] = await rows<{ id: number }>(
    tx,
    sql`INSERT INTO fund_accounts (place_id, place_path, kind, name)
        VALUES (${a.placeId}, ${a.placePath}, ${a.kind}, ${a.name})
        ON CONFLICT (place_id, name) DO NOTHING RETURNING id`,
  );
  return row ? Number(row.id) : undefined;
}

export async function findAccount(conn: Conn, id: number) {
  const [row] = await rows<AccountRow>(conn, sql`${ACCOUNT_SELECT} WHERE a.id = ${id}`);
  return row;
}

/** Locks an account while an entry of it is posted or a month of it closed, so balances are read settled. */
export async function lockAccount(tx: Conn, id: number) {
  await tx.execute(sql`SELECT id FROM fund_accounts WHERE id = ${id} FOR UPDATE`);
}

/** Accounts in `scope` (a condition on `a`), by community and name. */
export const listAccounts = (conn: Conn, scope: SQL, placeId?: number) =>
  rows<AccountRow>(
    conn,
    sql`${ACCOUNT_SELECT} WHERE ${scope} ${placeId ? sql`AND a.place_id = ${placeId}` : sql``}
        ORDER BY pl.name, a.kind, a.name`,
  );

export interface NewEntry {
  accountId: number;
  placePath: string;
  direction: string;
  amountFen: number | string;
  category: string;
  occurredOn: string;
  summary: string;
  counterparty: string;
  decisionRef: string;
  reversesId: number | null;
  recordedBy: number;
}

export async function insertEntry(tx: Conn, e: NewEntry): Promise<number> {
  const [row] = await rows<{ id: number }>(
    tx,
    sql`INSERT INTO fund_entries (account_id, place_path, direction, amount_fen, category, occurred_on, summary,
                                  counterparty, decision_ref, reverses_id, recorded_by)
        VALUES (${e.accountId}, ${e.placePath}, ${e.direction}, ${String(e.amountFen)}::bigint, ${e.category},
                ${e.occurredOn}, ${e.summary}, ${e.counterparty}, ${e.decisionRef}, ${e.reversesId}, ${e.recordedBy})
        RETURNING id`,
  );
  return Number(row.id);
}

export async function findEntry(conn: Conn, id: number) {
  const [row] = await rows<EntryRow>(conn, sql`${ENTRY_SELECT} WHERE e.id = ${id}`);
  return row;
}

export interface EntryFilter {
  placeId?: number;
  accountId?: number;
  status?: string;
  direction?: string;
  category?: string;
  from?: string;
  to?: string;
}

export function entryWhere(scope: SQL, f: EntryFilter): SQL {
  const parts = [scope];
  if (f.placeId) parts.push(sql`a.place_id = ${f.placeId}`);
  if (f.accountId) parts.push(sql`e.account_id = ${f.accountId}`);
  if (f.status) parts.push(sql`e.status = ${f.status}`);
  if (f.direction) parts.push(sql`e.direction = ${f.direction}`);
  if (f.category) parts.push(sql`e.category = ${f.category}`);
  if (f.from) parts.push(sql`e.occurred_on >= ${f.from}`);
  if (f.to) parts.push(sql`e.occurred_on <= ${f.to}`);
  return sql.join(parts, sql` AND `);
}

/** Entries of one community matching the filter, whoever asks: for what the community publishes. */
export const communityEntries = (placeId: number, f: EntryFilter) => entryWhere(sql`true`, { ...f, placeId });

/** A page of entries matching `where` (conditions on `e` and `a`), newest first, with the total. */
export async function listEntries(conn: Conn, where: SQL, limit: number, offset: number) {
  const [items, [count]] = await Promise.all([
    rows<EntryRow>(
      conn,
      sql`${ENTRY_SELECT} WHERE ${where} ORDER BY e.occurred_on DESC, e.id DESC LIMIT ${limit} OFFSET ${offset}`,
    ),
    rows<{ total: number }>(
      conn,
      sql`SELECT count(*)::int AS total FROM fund_entries e JOIN fund_accounts a ON a.id = e.account_id WHERE ${where}`,
    ),
  ]);
  return { items, total: count.total };
}

/** Every entry matching `where`, oldest first, for an export. */
export const allEntries = (conn: Conn, where: SQL, limit: number) =>
  rows<EntryRow>(conn, sql`${ENTRY_SELECT} WHERE ${where} ORDER BY e.occurred_on, e.id LIMIT ${limit}`);

/** Applies a decision to a pending entry of `version`; undefined when it was changed meanwhile. */
export async function decide(
  tx: Conn,
  id: number,
  version: number,
  set: {
    approvedBy?: number;
    townshipBy?: number;
    rejectedBy?: number;
    rejectReason?: string;
    decisionRef?: string;
    post: boolean;
  },
) {
  const [row] = await rows<{ id: number }>(
    tx,
    sql`UPDATE fund_entries SET
          approved_by = COALESCE(${set.approvedBy ?? null}::bigint, approved_by),
          approved_at = CASE WHEN ${set.approvedBy ?? null}::bigint IS NULL THEN approved_at ELSE now() END,
          township_by = COALESCE(${set.townshipBy ?? null}::bigint, township_by),
          township_at = CASE WHEN ${set.townshipBy ?? null}::bigint IS NULL THEN township_at ELSE now() END,
          rejected_by = ${set.rejectedBy ?? null},
          reject_reason = ${set.rejectReason ?? null},
          decision_ref = COALESCE(${set.decisionRef || null}, decision_ref),
          status = CASE WHEN ${set.rejectedBy ?? null}::bigint IS NOT NULL THEN 'rejected'
                        WHEN ${set.post}::boolean THEN 'posted' ELSE status END,
          posted_at = CASE WHEN ${set.post}::boolean THEN now() ELSE NULL END,
          version = version + 1
        WHERE id = ${id} AND version = ${version} AND status = 'pending'
        RETURNING id`,
  );
  return row;
}

export async function insertVoucher(
  tx: Conn,
  v: { entryId: number; contentType: string; content: Buffer; addedBy: number },
) {
  const [row] = await rows<{ id: number }>(
    tx,
    sql`INSERT INTO fund_vouchers (entry_id, content_type, size, content, added_by)
        VALUES (${v.entryId}, ${v.contentType}, ${v.content.length}, ${v.content}, ${v.addedBy}) RETURNING id`,
  );
  return Number(row.id);
}

export async function findVoucher(conn: Conn, id: number) {
  const [row] = await rows<{ entry_id: number; content_type: string; content: Buffer | Uint8Array }>(
    conn,
    sql`SELECT entry_id, content_type, content FROM fund_vouchers WHERE id = ${id}`,
  );
  return row;
}
