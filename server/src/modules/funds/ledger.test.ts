import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type Client, type TestApp } from '../../../test/harness.ts';
import {
  decideAs,
  fundsWorld,
  monthsAgo,
  openAccount,
  PNG,
  posted,
  recordEntry,
  uploadVoucher,
  type FundsWorld,
} from './funds.fixture.ts';

let t: TestApp;
let w: FundsWorld;

beforeAll(async () => {
  t = await testApp();
  w = await fundsWorld(t);
});
afterAll(() => t.close());

/** Runs `statement` in a transaction rolled back whatever happens; the database's refusal. */
async function refusal(statement: string): Promise<string> {
  try {
    await t.database.db.transaction(async (tx) => {
      await tx.execute(sql.raw(statement));
      throw new Error('statement was accepted');
    });
  } catch (e) {
    const err = e as { message: string; cause?: { message: string } };
    return err.cause?.message ?? err.message;
  }
  return 'no error at all';
}

const row = async (id: string) =>
  (await t.database.query(`SELECT * FROM fund_entries WHERE id = $1`, [Number(id)]))[0];

describe('the journal at the database level', () => {
  let entryId: string;
  let accountId: string;
  beforeAll(async () => {
    accountId = (await openAccount(w.staff, w.tree.community)).id;
    const e = await recordEntry(w.staff, accountId);
    await uploadVoucher(w.staff, e.id, PNG);
    await decideAs(w.staff2, e.id, { action: 'approve' });
    entryId = e.id;
  });

  it.each([
    [
      'UPDATE of the amount',
      () => `UPDATE fund_entries SET amount_fen = 1 WHERE id = ${entryId}`,
      /never changed/,
    ],
    [
      'UPDATE of the status',
      () => `UPDATE fund_entries SET status = 'pending' WHERE id = ${entryId}`,
      /never changed/,
    ],
    ['DELETE', () => `DELETE FROM fund_entries WHERE id = ${entryId}`, /never deleted/],
    ['TRUNCATE', () => 'TRUNCATE fund_entries CASCADE', /append-only/],
    [
      'INSERT of a posted entry',
      () => `INSERT INTO fund_entries (account_id, place_path, direction, amount_fen, category, occurred_on, summary,
               recorded_by, status) SELECT account_id, place_path, 'income', 5, 'other', occurred_on, 'x', recorded_by,
               'posted' FROM fund_entries WHERE id = ${entryId}`,
      /recorded pending/,
    ],
    [
      'UPDATE of a voucher',
      () => `UPDATE fund_vouchers SET size = 1 WHERE entry_id = ${entryId}`,
      /append-only/,
    ],
    ['DELETE of a voucher', () => `DELETE FROM fund_vouchers WHERE entry_id = ${entryId}`, /append-only/],
    [
      'a voucher added to a posted entry',
      () => `INSERT INTO fund_vouchers (entry_id, content_type, size, content, added_by)
               SELECT id, 'image/png', 1, '\\x00'::bytea, recorded_by FROM fund_entries WHERE id = ${entryId}`,
      /only while the fund entry is pending/,
    ],
  ])('refuses %s of a posted entry', async (_what, statement, message) => {
    const before = await row(entryId);
    expect(await refusal(statement())).toMatch(message);
    expect(await row(entryId)).toEqual(before);
  });

  it('refuses a recorder approving their own entry even below the service', async () => {
    const e = await recordEntry(w.staff, accountId);
    expect(await refusal(`UPDATE fund_entries SET approved_by = recorded_by WHERE id = ${e.id}`)).toMatch(
      /fund_entries_two_people/,
    );
  });

  it('keeps closes unchanged and refuses posting into a closed month', async () => {
    const month = monthsAgo(2);
    const e = await recordEntry(w.staff, accountId, { occurredOn: `${month}-10` });
    const closeRes = await w.staff.post(`/api/funds/accounts/${accountId}/closes`, { month });
    expect(closeRes.statusCode).toBe(409);
    expect(closeRes.json().error.details[0]).toMatchObject({ field: 'month', params: { count: '1' } });
    await decideAs(w.staff2, e.id, { action: 'approve' });
    const closed = await w.staff.post(`/api/funds/accounts/${accountId}/closes`, { month });
    expect(closed.statusCode, closed.body).toBe(201);
    expect(closed.json()).toMatchObject({ closed: true, incomeFen: '100000', openingFen: '0' });
    expect(await refusal(`UPDATE fund_closes SET closing_fen = 0 WHERE account_id = ${accountId}`)).toMatch(
      /append-only/,
    );
    expect(await refusal(`DELETE FROM fund_closes WHERE account_id = ${accountId}`)).toMatch(/append-only/);

    const late = await w.staff.post('/api/funds/entries', {
      accountId,
      direction: 'income',
      amountFen: 100,
      category: 'other',
      occurredOn: `${month}-20`,
      summary: '补记',
    });
    expect(late.json().error.details[0]).toMatchObject({
      field: 'occurredOn',
      reason: 'the month {{month}} is closed',
    });
    expect((await w.staff.post(`/api/funds/accounts/${accountId}/closes`, { month })).statusCode).toBe(409);
    expect(
      (await w.staff.post(`/api/funds/accounts/${accountId}/closes`, { month: monthsAgo(0) })).statusCode,
    ).toBe(400);
  });
});

/** A deterministic generator, so a failing run can be repeated. */
function generator(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

interface Listed {
  id: string;
  direction: string;
  amountFen: string;
  category: string;
  occurredOn: string;
  status: string;
  reversesId: string | null;
}

async function journal(c: Client, accountId: string): Promise<Listed[]> {
  const all: Listed[] = [];
  for (let page = 1; ; page++) {
    const res = (await c.get(`/api/funds/entries?accountId=${accountId}&pageSize=200&page=${page}`)).json();
    all.push(...res.items);
    if (all.length >= res.total) return all;
  }
}

describe('balances and statements reconcile with the journal', () => {
  it('whatever is posted, reversed and closed, every figure is the journal summed', async () => {
    const random = generator(20261207);
    const account = await openAccount(w.staff, w.tree.community);
    const months = [5, 4, 3, 2, 1].map(monthsAgo);
    const categories = ['office', 'activity', 'service', 'assistance'];
    const year = Number(months[4].slice(0, 4));
    await w.staff.put('/api/funds/budgets', {
      placeId: String(w.tree.community),
      year,
      category: 'activity',
      amountFen: 500_000,
    });
    const postedIds: { id: string; version: number }[] = [];
    for (const [i, month] of months.entries()) {
      await posted(w.staff, w.staff2, account.id, {
        amountFen: 2_000_000,
        occurredOn: `${month}-01`,
        decisionRef: '决议',
      });
      for (let k = 0; k < 8; k++) {
        const expense = random() < 0.6;
        const over = {
          direction: expense ? 'expense' : 'income',
          category: expense ? categories[Math.floor(random() * categories.length)] : 'donation_income',
          amountFen: 1 + Math.floor(random() * 150_000),
          occurredOn: `${month}-${String(2 + Math.floor(random() * 26)).padStart(2, '0')}`,
        };
        if (random() < 0.15) {
          const e = await recordEntry(w.staff, account.id, over);
          await decideAs(w.staff2, e.id, { action: 'reject', reason: '不予入账' });
        } else postedIds.push(await posted(w.staff, w.staff2, account.id, over));
      }
      if (random() < 0.3 && postedIds.length > 0) {
        const victim = postedIds.splice(Math.floor(random() * postedIds.length), 1)[0];
        const rev = await w.staff.post(`/api/funds/entries/${victim.id}/reversal`, {
          version: victim.version,
          summary: '冲销',
          occurredOn: `${month}-28`,
        });
        if (rev.statusCode === 201) await decideAs(w.staff2, rev.json().id, { action: 'approve' });
      }
      if (i < 2)
        expect((await w.staff.post(`/api/funds/accounts/${account.id}/closes`, { month })).statusCode).toBe(
          201,
        );
    }

    const entries = (await journal(w.staff, account.id)).filter((e) => e.status === 'posted');
    const signed = (e: Listed) => (e.direction === 'income' ? 1n : -1n) * BigInt(e.amountFen);
    const sum = (list: Listed[]) => list.reduce((s, e) => s + signed(e), 0n);
    const listed = (await w.staff.get('/api/funds/accounts'))
      .json()
      .find((a: { id: string }) => a.id === account.id);
    expect(BigInt(listed.balanceFen)).toBe(sum(entries));

    let opening = 0n;
    for (const month of months) {
      const st = (await w.staff.get(`/api/funds/accounts/${account.id}/statements/${month}`)).json();
      const inMonth = entries.filter((e) => e.occurredOn.startsWith(month));
      const total = (d: string) =>
        inMonth.filter((e) => e.direction === d).reduce((s, e) => s + BigInt(e.amountFen), 0n);
      expect(BigInt(st.openingFen), `${month} opening`).toBe(opening);
      expect(BigInt(st.incomeFen), `${month} income`).toBe(total('income'));
      expect(BigInt(st.expenseFen), `${month} expense`).toBe(total('expense'));
      expect(BigInt(st.closingFen), `${month} closing`).toBe(opening + sum(inMonth));
      expect(st.entries.map((e: Listed) => e.id).sort()).toEqual(inMonth.map((e) => e.id).sort());
      opening += sum(inMonth);
    }

    const execution = (
      await w.staff.get(`/api/funds/execution?placeId=${w.tree.community}&year=${year}`)
    ).json();
    const all = await Promise.all(
      (await w.staff.get(`/api/funds/accounts?placeId=${w.tree.community}`))
        .json()
        .map((a: { id: string }) => journal(w.staff, a.id)),
    );
    const inYear = all.flat().filter((e) => e.status === 'posted' && e.occurredOn.startsWith(String(year)));
    for (const r of execution.rows) {
      const spent = inYear
        .filter((e) => e.category === r.category)
        .reduce((s, e) => {
          if (e.direction === 'expense' && !e.reversesId) return s + BigInt(e.amountFen);
          if (e.direction === 'income' && e.reversesId) return s - BigInt(e.amountFen);
          return s;
        }, 0n);
      expect(BigInt(r.spentFen), r.category).toBe(spent);
    }
    expect(execution.rows.find((r: { category: string }) => r.category === 'activity').budgetFen).toBe(
      '500000',
    );
  });
});
