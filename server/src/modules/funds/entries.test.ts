import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode, testApp, type TestApp } from '../../../test/harness.ts';
import {
  decideAs,
  fundsWorld,
  monthsAgo,
  openAccount,
  PDF,
  PNG,
  posted,
  recordEntry,
  uploadVoucher,
  type FundsWorld,
} from './funds.fixture.ts';

let t: TestApp;
let w: FundsWorld;
let accountId: string;

beforeAll(async () => {
  t = await testApp();
  w = await fundsWorld(t);
  accountId = (await openAccount(w.staff, w.tree.community)).id;
});
afterAll(() => t.close());

const balance = async () =>
  (await w.staff.get('/api/funds/accounts')).json().find((a: { id: string }) => a.id === accountId)
    .balanceFen;

describe('two-person approval', () => {
  it('refuses the recorder, saying why, and posts when a second person approves', async () => {
    const e = await recordEntry(w.staff, accountId, { amountFen: 300_000 });
    expect(e).toMatchObject({ status: 'pending' });
    expect(e.actions).not.toContain('approve');
    const self = await decideAs(w.staff, e.id, { action: 'approve' });
    expect(self.statusCode).toBe(403);
    expect(self.json().error.details[0].reason).toBe(
      'the one who recorded an entry never approves or refuses it',
    );
    const selfReject = await decideAs(w.staff, e.id, { action: 'reject', reason: '重复' });
    expect(selfReject.statusCode).toBe(403);
    const before = await balance();
    const ok = await decideAs(w.staff2, e.id, { action: 'approve' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'posted', approvedBy: { id: String(w.staff2.userId) } });
    expect(BigInt(await balance()) - BigInt(before)).toBe(300_000n);
  });

  it('holds an entry above the threshold for the township, or posts it on a representatives’ decision', async () => {
    const large = await recordEntry(w.staff, accountId, { amountFen: 900_000 });
    const first = await decideAs(w.secretary, large.id, { action: 'approve' });
    expect(first.json()).toMatchObject({ status: 'pending', aboveThreshold: true });
    const queue = (await w.township.get('/api/funds/entries?toDecide=true&pageSize=200')).json();
    expect(queue.items.map((i: { id: string }) => i.id)).toContain(large.id);
    const done = await decideAs(w.township, large.id, { action: 'township' });
    expect(done.json()).toMatchObject({ status: 'posted', townshipBy: { id: String(w.township.userId) } });

    const decided = await recordEntry(w.staff, accountId, {
      amountFen: 700_000,
      decisionRef: '居民代表会议决议〔2026〕3号',
    });
    expect((await decideAs(w.staff2, decided.id, { action: 'approve' })).json().status).toBe('posted');
  });

  it('refuses an expense the balance does not cover, a stale decision and a refusal without reason', async () => {
    const big = await recordEntry(w.staff, accountId, {
      direction: 'expense',
      category: 'activity',
      amountFen: 1_000_000_000,
      decisionRef: '决议',
    });
    const res = await decideAs(w.staff2, big.id, { action: 'approve' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.details[0]).toMatchObject({ field: 'amountFen' });
    expect(
      (await w.staff2.post(`/api/funds/entries/${big.id}/decisions`, { action: 'approve', version: 99 }))
        .statusCode,
    ).toBe(409);
    const noReason = await decideAs(w.staff2, big.id, { action: 'reject' });
    expect(noReason.json().error.details[0]).toMatchObject({ field: 'reason', reason: 'required' });
    const rejected = await decideAs(w.staff2, big.id, { action: 'reject', reason: '超出余额' });
    expect(rejected.json()).toMatchObject({ status: 'rejected', rejectReason: '超出余额' });
  });

  it('refuses bad input naming the field, and writes nothing', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ amountFen: 12.5 }, 'amountFen'],
      [{ amountFen: 0 }, 'amountFen'],
      [{ category: 'activity' }, 'category'],
      [{ occurredOn: '2099-01-01' }, 'occurredOn'],
      [{ accountId: '999999999' }, 'accountId'],
      [{ summary: '' }, 'summary'],
    ];
    for (const [over, field] of cases) {
      const res = await w.staff.post('/api/funds/entries', {
        accountId,
        direction: 'income',
        amountFen: 100,
        category: 'grant_income',
        occurredOn: `${monthsAgo(1)}-02`,
        summary: '测试',
        ...over,
      });
      expect(res.statusCode, JSON.stringify(over)).toBe(400);
      expect(res.json().error.details.map((d: { field: string }) => d.field)).toContain(field);
    }
  });

  it('reverses a posted entry by a new entry that also needs a second person', async () => {
    const e = await posted(w.staff, w.staff2, accountId, { amountFen: 12_345 });
    const before = await balance();
    const rev = await w.staff.post(`/api/funds/entries/${e.id}/reversal`, {
      version: e.version,
      summary: '冲销：金额录错',
      occurredOn: `${monthsAgo(0)}-01`,
    });
    expect(rev.statusCode, rev.body).toBe(201);
    expect(rev.json()).toMatchObject({
      status: 'pending',
      direction: 'expense',
      amountFen: '12345',
      reversesId: e.id,
    });
    expect((await decideAs(w.staff2, rev.json().id, { action: 'approve' })).json().status).toBe('posted');
    expect(BigInt(await balance())).toBe(BigInt(before) - 12_345n);
    expect((await w.staff.get(`/api/funds/entries/${e.id}`)).json().reversedById).toBe(rev.json().id);
    const again = await w.staff.post(`/api/funds/entries/${e.id}/reversal`, {
      version: e.version,
      summary: '再冲',
      occurredOn: `${monthsAgo(0)}-01`,
    });
    expect(again.statusCode).toBe(409);
  });
});

describe('vouchers', () => {
  it('keeps photos and PDFs with a pending entry, refuses other content and any once posted', async () => {
    const e = await recordEntry(w.staff, accountId);
    expect((await uploadVoucher(w.staff, e.id, PNG)).statusCode).toBe(201);
    const pdf = await uploadVoucher(w.staff, e.id, PDF);
    expect(pdf.statusCode).toBe(201);
    expect(pdf.json().vouchers.map((v: { contentType: string }) => v.contentType)).toEqual([
      'image/png',
      'application/pdf',
    ]);
    const text = await uploadVoucher(w.staff, e.id, Buffer.from('just a text file pretending to be a jpeg'));
    expect(text.statusCode).toBe(415);
    expect(errorCode(text)).toBe('unsupported_media_type');
    const file = await w.staff2.get(`/api/funds/vouchers/${pdf.json().vouchers[1].id}`);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect((await w.outsider.get(`/api/funds/vouchers/${pdf.json().vouchers[1].id}`)).statusCode).toBe(404);
    await decideAs(w.staff2, e.id, { action: 'approve' });
    expect((await uploadVoucher(w.staff, e.id, PNG)).statusCode).toBe(409);
    expect((await w.staff.get(`/api/funds/entries/${e.id}`)).json().vouchers).toHaveLength(2);
  });
});

describe('the journal export', () => {
  it('is a workbook of the entries in scope with yuan amounts', async () => {
    const e = await posted(w.staff, w.staff2, accountId, { amountFen: 123_456, summary: '导出测试收入' });
    const res = await w.staff.get(`/api/funds/entries/export?accountId=${accountId}`);
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    const rows = ws.getSheetValues().slice(2) as unknown[][];
    const row = rows.find((r) => r[1] === Number(e.id))!;
    expect(row[7]).toBe('1234.56');
    expect(row[8]).toBe('导出测试收入');
    const other = await w.outsider.get(`/api/funds/entries/export?accountId=${accountId}`);
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.load(other.rawPayload as unknown as ArrayBuffer);
    expect(wb2.worksheets[0].rowCount).toBe(1);
  });
});
