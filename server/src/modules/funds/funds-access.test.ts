import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_ROLES, can, ROLES, type Permission, type Role } from '@anju/contracts';
import { signIn, testApp, type Client, type TestApp } from '../../../test/harness.ts';
import {
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
let accountId: string;
let entryId: string;
let voucherId: string;
let postedId: string;

beforeAll(async () => {
  t = await testApp();
  w = await fundsWorld(t);
  accountId = (await openAccount(w.staff, w.tree.community)).id;
  const e = await recordEntry(w.staff, accountId);
  entryId = e.id;
  voucherId = (await uploadVoucher(w.staff, e.id, PNG)).json().vouchers[0].id;
  postedId = (await posted(w.staff, w.staff2, accountId)).id;
});
afterAll(() => t.close());

const community = () => String(w.tree.community);
/** A community out of every caller's scope here, so writes that pass the door change nothing. */
const elsewhere = () => String(w.tree.otherCommunity);

/** Every funds endpoint, the permissions any of which lets a caller past the door, and a harmless call. */
const ENDPOINTS: { route: string; anyOf: Permission[]; call(c: Client): ReturnType<Client['get']> }[] = [
  { route: 'GET setup', anyOf: ['fund:read'], call: (c) => c.get('/api/funds/setup') },
  { route: 'GET accounts', anyOf: ['fund:read'], call: (c) => c.get('/api/funds/accounts') },
  {
    route: 'POST account',
    anyOf: ['fund:write'],
    call: (c) => c.post('/api/funds/accounts', { placeId: elsewhere(), kind: 'donation', name: '捐赠' }),
  },
  {
    route: 'GET statement',
    anyOf: ['fund:read'],
    call: (c) => c.get(`/api/funds/accounts/${accountId}/statements/${monthsAgo(1)}`),
  },
  {
    route: 'POST close',
    anyOf: ['fund:write'],
    call: (c) => c.post(`/api/funds/accounts/${accountId}/closes`, { month: monthsAgo(0) }),
  },
  { route: 'GET entries', anyOf: ['fund:read'], call: (c) => c.get('/api/funds/entries') },
  { route: 'GET export', anyOf: ['fund:read'], call: (c) => c.get('/api/funds/entries/export') },
  { route: 'GET entry', anyOf: ['fund:read'], call: (c) => c.get(`/api/funds/entries/${entryId}`) },
  {
    route: 'POST entry',
    anyOf: ['fund:write'],
    call: (c) =>
      c.post('/api/funds/entries', {
        accountId: '999999999',
        direction: 'income',
        amountFen: 1,
        category: 'other',
        occurredOn: `${monthsAgo(1)}-01`,
        summary: '无此账户',
      }),
  },
  {
    route: 'POST decision',
    anyOf: ['fund:approve', 'fund:oversee'],
    call: (c) => c.post(`/api/funds/entries/${entryId}/decisions`, { action: 'approve', version: 999 }),
  },
  {
    route: 'POST reversal',
    anyOf: ['fund:write'],
    call: (c) =>
      c.post(`/api/funds/entries/${postedId}/reversal`, {
        version: 999,
        summary: '冲销',
        occurredOn: '2026-01-01',
      }),
  },
  {
    route: 'POST voucher',
    anyOf: ['fund:write'],
    call: (c) => uploadVoucher(c, postedId, Buffer.from('not an image')),
  },
  { route: 'GET voucher', anyOf: ['fund:read'], call: (c) => c.get(`/api/funds/vouchers/${voucherId}`) },
  {
    route: 'PUT budget',
    anyOf: ['fund:write'],
    call: (c) =>
      c.put('/api/funds/budgets', { placeId: elsewhere(), year: 2026, category: 'office', amountFen: 1 }),
  },
  {
    route: 'GET execution',
    anyOf: ['fund:read'],
    call: (c) => c.get(`/api/funds/execution?placeId=${community()}&year=2026`),
  },
];

const scopeOf = (role: Role) => (ADMIN_ROLES.includes(role) ? [] : [w.tree.community]);

describe('funds endpoints by role', () => {
  it('let a role past the door exactly when it holds one of the permissions, and change nothing', async () => {
    const before = (await w.staff.get(`/api/funds/entries/${entryId}`)).json();
    for (const role of ROLES) {
      const c = await signIn(t, [role], scopeOf(role));
      for (const e of ENDPOINTS) {
        const res = await e.call(c);
        const allowed = e.anyOf.some((p) => can([role], p));
        const atDoor = res.statusCode === 403 && /^requires /.test(res.json().error.message);
        expect(atDoor, `${role} ${e.route}: ${res.statusCode} ${res.body.slice(0, 200)}`).toBe(!allowed);
        if (allowed) expect(res.statusCode, `${role} ${e.route}`).toBeLessThan(500);
      }
    }
    expect((await w.staff.get(`/api/funds/entries/${entryId}`)).json()).toEqual(before);
  });

  it('anonymous callers are refused everywhere', async () => {
    for (const url of [
      '/api/funds/accounts',
      '/api/funds/entries',
      '/api/funds/setup',
      `/api/funds/entries/${entryId}`,
    ])
      expect((await t.app.inject({ method: 'GET', url })).statusCode).toBe(401);
  });

  it('staff of the next community see nothing of this one: reads are 404, lists and exports empty', async () => {
    const o = w.outsider;
    expect((await o.get(`/api/funds/entries/${entryId}`)).statusCode).toBe(404);
    expect((await o.get(`/api/funds/vouchers/${voucherId}`)).statusCode).toBe(404);
    expect((await o.get(`/api/funds/accounts/${accountId}/statements/${monthsAgo(1)}`)).statusCode).toBe(404);
    expect(
      (await o.post(`/api/funds/accounts/${accountId}/closes`, { month: monthsAgo(3) })).statusCode,
    ).toBe(404);
    const decision = await o.post(`/api/funds/entries/${entryId}/decisions`, {
      action: 'approve',
      version: 1,
    });
    expect(decision.statusCode).toBe(404);
    const ids = (r: { items: { id: string }[] }) => r.items.map((i) => i.id);
    expect(ids((await o.get(`/api/funds/entries?accountId=${accountId}`)).json())).toEqual([]);
    expect(ids((await o.get('/api/funds/entries?toDecide=true')).json())).not.toContain(entryId);
    expect((await o.get('/api/funds/accounts')).json().map((a: { id: string }) => a.id)).not.toContain(
      accountId,
    );
    const record = await o.post('/api/funds/entries', {
      accountId,
      direction: 'income',
      amountFen: 100,
      category: 'other',
      occurredOn: `${monthsAgo(1)}-03`,
      summary: '越权',
    });
    expect(record.json().error.details[0]).toMatchObject({ field: 'accountId', reason: 'unknown account' });
    expect((await o.get(`/api/funds/execution?placeId=${w.tree.community}&year=2026`)).statusCode).toBe(400);
    expect(
      (await o.post('/api/funds/accounts', { placeId: community(), kind: 'donation', name: '越权' }))
        .statusCode,
    ).toBe(400);
    expect((await w.staff.get(`/api/funds/entries/${entryId}`)).json().status).toBe('pending');
  });

  it('the township sees its communities and approves; the county reads and may not decide', async () => {
    expect((await w.township.get(`/api/funds/entries/${entryId}`)).json().actions).toEqual([
      'township',
      'reject',
    ]);
    const county = await signIn(t, ['county_admin'], [w.tree.county]);
    expect((await county.get(`/api/funds/entries/${entryId}`)).json().actions).toEqual([]);
    expect(
      (await county.post(`/api/funds/entries/${entryId}/decisions`, { action: 'approve', version: 1 }))
        .statusCode,
    ).toBe(403);
  });
});
