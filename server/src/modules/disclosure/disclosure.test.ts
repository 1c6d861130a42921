import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_ROLES, can, ROLES, type Permission, type Role } from '@anju/contracts';
import { signIn, testApp, type Client, type TestApp } from '../../../test/harness.ts';
import { dueOn, pastQuarters } from './periods.ts';
import { fundsWorld, monthsAgo, openAccount, posted, type FundsWorld } from '../funds/funds.fixture.ts';

let t: TestApp;
let w: FundsWorld;
let code: string;
const month = monthsAgo(1);
const quarter = pastQuarters(new Date(), 1)[0];

beforeAll(async () => {
  t = await testApp();
  w = await fundsWorld(t);
  const account = await openAccount(w.staff, w.tree.community);
  await posted(w.staff, w.staff2, account.id, {
    amountFen: 250_000,
    occurredOn: `${month}-03`,
    summary: '街道拨付工作经费',
  });
  await posted(w.staff, w.staff2, account.id, {
    direction: 'expense',
    category: 'activity',
    amountFen: 45_600,
    occurredOn: `${month}-09`,
    summary: '重阳节敬老活动',
  });
  code = (
    await t.database.query<{ code: string }>('SELECT code FROM places WHERE id = $1', [w.tree.community])
  )[0].code;
});
afterAll(() => t.close());

const draft = async (c: Client, body: Record<string, unknown>) => {
  const res = await c.post('/api/disclosures', { placeId: String(w.tree.community), title: '公开', ...body });
  if (res.statusCode !== 201) throw new Error(`draft: ${res.statusCode} ${res.body}`);
  return res.json();
};
const stepAs = async (c: Client, id: string, action: string) => {
  const now = (await c.get(`/api/disclosures/${id}`)).json();
  return c.post(`/api/disclosures/${id}/steps`, { action, version: now.version });
};
const publicPage = () => t.app.inject({ method: 'GET', url: `/api/public/disclosures/${code}` });

describe('disclosures', () => {
  it('drafts finance from the ledgers, refuses its drafter’s approval, publishes with a hash anyone reads', async () => {
    const d = await draft(w.staff, { kind: 'finance', period: month, title: `${month} 财务公开` });
    const account = d.content.finance.accounts.find((a: { incomeFen: string }) => a.incomeFen === '250000');
    expect(account).toMatchObject({ expenseFen: '45600', closingFen: '204400' });
    expect(d.content.finance.entries.map((e: { summary: string }) => e.summary)).toContain('重阳节敬老活动');
    expect((await publicPage()).json().items.map((i: { id: string }) => i.id)).not.toContain(d.id);

    const self = await stepAs(w.staff, d.id, 'approve');
    expect(self.statusCode).toBe(403);
    expect(self.json().error.details[0].reason).toBe('the one who drafted a disclosure never approves it');
    expect((await stepAs(w.staff2, d.id, 'approve')).json().status).toBe('approved');
    const published = (await stepAs(w.staff, d.id, 'publish')).json();
    expect(published).toMatchObject({ status: 'published', late: false });
    expect(published.hash).toMatch(/^[0-9a-f]{64}$/);

    const page = await publicPage();
    expect(page.statusCode).toBe(200);
    expect(page.json().items.find((i: { id: string }) => i.id === d.id)).toMatchObject({
      hash: published.hash,
      superseded: false,
    });

    const refused = await t.database.db
      .transaction(async (tx) => {
        await tx.execute(sql`UPDATE disclosures SET title = 'x' WHERE id = ${Number(d.id)}`);
      })
      .then(
        () => 'accepted',
        (e: { cause?: { message: string }; message: string }) => e.cause?.message ?? e.message,
      );
    expect(refused).toMatch(/never changed/);

    const fix = (await w.staff.post(`/api/disclosures/${d.id}/correction`)).json();
    expect(fix).toMatchObject({ status: 'draft', supersedesId: d.id });
    await stepAs(w.staff2, fix.id, 'approve');
    await stepAs(w.staff, fix.id, 'publish');
    const items = (await publicPage()).json().items;
    expect(items.find((i: { id: string }) => i.id === d.id)).toMatchObject({
      superseded: true,
      hash: published.hash,
    });
    expect(items.find((i: { id: string }) => i.id === fix.id)).toMatchObject({ superseded: false });
  });

  it('a name list shows only masked names, household size and amount; nothing else is accepted or shown', async () => {
    const secrets = {
      idNumber: '530602199001011234',
      phone: '13912345678',
      bankAccount: '6222020200112233445',
      health: '糖尿病',
    };
    for (const [key, value] of Object.entries(secrets)) {
      const res = await w.staff.post('/api/disclosures', {
        placeId: String(w.tree.community),
        kind: 'subsidy_list',
        period: quarter,
        title: '补贴名单',
        names: [{ name: '张三丰', householdSize: 4, amountFen: 30_000, [key]: value }],
      });
      expect(res.statusCode, key).toBe(400);
      const res2 = await w.staff.post('/api/disclosures', {
        placeId: String(w.tree.community),
        kind: 'subsidy_list',
        period: quarter,
        title: '补贴名单',
        [key]: value,
      });
      expect(res2.statusCode, key).toBe(400);
    }
    const list = await draft(w.staff, {
      kind: 'subsidy_list',
      period: quarter,
      title: `${quarter} 临时救助名单`,
      names: [
        { name: '张三丰', householdSize: 4, amountFen: 30_000 },
        { name: '李四', householdSize: 2, amountFen: 12_000 },
      ],
    });
    await stepAs(w.staff2, list.id, 'approve');
    await stepAs(w.staff, list.id, 'publish');
    const body = (await publicPage()).body;
    const item = JSON.parse(body).items.find((i: { id: string }) => i.id === list.id);
    expect(item.content.names).toEqual([
      { maskedName: '张*丰', householdSize: 4, amountFen: '30000' },
      { maskedName: '李*', householdSize: 2, amountFen: '12000' },
    ]);
    for (const value of [...Object.values(secrets), '张三丰', '李四']) expect(body).not.toContain(value);
  });

  it('a period not published by its day is late for the community and the township', async () => {
    const rows = (await w.township.get('/api/disclosures/schedule')).json();
    const mine = rows.filter((r: { placeId: string }) => r.placeId === String(w.tree.community));
    expect(
      mine.find((r: { kind: string; period: string }) => r.kind === 'finance' && r.period === month),
    ).toMatchObject({
      late: false,
    });
    const late = mine.filter((r: { late: boolean }) => r.late);
    expect(late.length).toBeGreaterThan(0);
    expect(late.some((r: { publishedAt: string | null }) => r.publishedAt === null)).toBe(true);
    // published, but after its day
    expect(
      mine.find((r: { kind: string; period: string }) => r.kind === 'subsidy_list' && r.period === quarter),
    ).toMatchObject({
      late: true,
      dueOn: dueOn(quarter, 20),
    });
    const outsider = (await w.outsider.get('/api/disclosures/schedule')).json();
    expect(outsider.some((r: { placeId: string }) => r.placeId === String(w.tree.community))).toBe(false);
  });

  it('every endpoint by role; other communities see nothing; the public page needs no login and knows no unknown code', async () => {
    const d = await draft(w.staff, {
      kind: 'party_affairs',
      period: quarter,
      title: '党务公开',
      text: '发展党员 1 名',
    });
    const endpoints: { anyOf: Permission[]; call(c: Client): ReturnType<Client['get']> }[] = [
      { anyOf: ['disclosure:read'], call: (c) => c.get('/api/disclosures') },
      { anyOf: ['disclosure:read'], call: (c) => c.get('/api/disclosures/schedule') },
      { anyOf: ['disclosure:read'], call: (c) => c.get(`/api/disclosures/${d.id}`) },
      {
        anyOf: ['disclosure:write'],
        call: (c) =>
          c.post('/api/disclosures', {
            placeId: String(w.tree.otherCommunity),
            kind: 'party_affairs',
            period: quarter,
            title: 'x',
          }),
      },
      {
        anyOf: ['disclosure:write', 'disclosure:approve'],
        call: (c) => c.post(`/api/disclosures/${d.id}/steps`, { action: 'publish', version: 1 }),
      },
      { anyOf: ['disclosure:write'], call: (c) => c.post(`/api/disclosures/${d.id}/correction`) },
    ];
    const scopeOf = (role: Role) => (ADMIN_ROLES.includes(role) ? [] : [w.tree.community]);
    for (const role of ROLES) {
      const c = await signIn(t, [role], scopeOf(role));
      for (const [k, e] of endpoints.entries()) {
        const res = await e.call(c);
        const atDoor = res.statusCode === 403 && /^requires /.test(res.json().error.message);
        expect(atDoor, `${role} ${k}: ${res.statusCode}`).toBe(!e.anyOf.some((p) => can([role], p)));
        expect(res.statusCode).toBeLessThan(500);
      }
    }
    expect((await w.staff.get(`/api/disclosures/${d.id}`)).json()).toMatchObject({
      status: 'draft',
      version: 1,
    });
    expect((await w.outsider.get(`/api/disclosures/${d.id}`)).statusCode).toBe(404);
    expect((await w.outsider.get('/api/disclosures')).json().map((x: { id: string }) => x.id)).not.toContain(
      d.id,
    );
    expect((await t.app.inject({ method: 'GET', url: '/api/disclosures' })).statusCode).toBe(401);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/public/disclosures/NO-SUCH-CODE' })).statusCode,
    ).toBe(404);
  });
});
