import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { errorCode, signIn, testApp, type Client, type TestApp } from '../../../test/harness.ts';
import { alertLate } from './needs.service.ts';
import { raise, servicesWorld, stepAs, type ServicesWorld } from './services.fixture.ts';

let t: TestApp;
let s: ServicesWorld;

beforeAll(async () => {
  t = await testApp();
  s = await servicesWorld(t);
});
afterAll(() => t.close());

const field = (res: { json(): { error: { details: { field: string; reason: string }[] } } }) =>
  res.json().error.details[0];

describe('a need from raising to rating', () => {
  it('a resident raises a need for their household; staff refer it; the organization accepts, serves and finishes; the resident rates it', async () => {
    const need = await raise(s.resident);
    expect(need).toMatchObject({
      status: 'open',
      source: 'resident',
      consent: true,
      sensitive: false,
      actions: [],
    });
    const seen = (await s.staff.get(`/api/services/needs/${need.id}`)).json();
    expect(seen.actions).toEqual(['refer']);
    const offered = await s.staff.get(`/api/services/needs/${need.id}/providers`);
    expect(offered.json().map((o: { id: string }) => o.id)).toEqual(
      expect.arrayContaining([s.org.id, s.otherOrg.id]),
    );

    expect((await stepAs(s.staff, s.staff, need.id, { action: 'refer', orgId: s.org.id })).statusCode).toBe(
      200,
    );
    const [told] = (
      await t.database.db.execute(
        sql`SELECT count(*)::int AS n FROM notifications WHERE user_id = ${s.orgStaff.userId} AND kind = 'service_referred'`,
      )
    ).rows as { n: number }[];
    expect(told.n).toBe(1);
    const referred = (await s.orgStaff.get(`/api/services/needs/${need.id}`)).json();
    expect(referred).toMatchObject({
      status: 'referred',
      orgId: s.org.id,
      actions: ['accept', 'decline'],
      householdId: null,
    });
    expect(referred.personName).toBeTruthy();

    for (const action of ['accept', 'start', 'finish'])
      expect((await stepAs(s.orgStaff, s.orgStaff, need.id, { action })).statusCode).toBe(200);
    const rated = await stepAs(s.resident, s.resident, need.id, {
      action: 'rate',
      rating: 5,
      note: '服务很好',
    });
    expect(rated.statusCode, rated.body).toBe(200);
    expect(rated.json()).toMatchObject({ status: 'rated', rating: 5, ratingComment: '服务很好' });
    expect(rated.json().timeline.map((e: { action: string }) => e.action)).toEqual([
      'raise',
      'refer',
      'accept',
      'start',
      'finish',
      'rate',
    ]);
  });

  it('a declined referral goes back to open, and the organization no longer sees it', async () => {
    const need = await raise(s.staff, { householdId: s.household.id, category: 'adaptation' });
    const referred = await stepAs(s.staff, s.staff, need.id, { action: 'refer', orgId: s.otherOrg.id });
    expect(referred.statusCode, referred.body).toBe(200);
    const declined = await stepAs(s.otherOrgStaff, s.otherOrgStaff, need.id, {
      action: 'decline',
      note: '人手不足',
    });
    expect(declined.statusCode).toBe(200);
    expect(declined.json()).toMatchObject({ status: 'open', orgId: null });
    expect((await s.otherOrgStaff.get(`/api/services/needs/${need.id}`)).statusCode).toBe(404);
  });

  it('refuses a referral without consent, naming the field, and writes nothing', async () => {
    const need = await raise(s.staff, { householdId: s.household.id, consentShares: [] });
    const res = await stepAs(s.staff, s.staff, need.id, { action: 'refer', orgId: s.org.id });
    expect(res.statusCode).toBe(400);
    expect(field(res)).toEqual({
      field: 'consent',
      reason: 'the resident has not consented to share it with a provider',
    });
    expect((await s.staff.get(`/api/services/needs/${need.id}`)).json()).toMatchObject({
      status: 'open',
      version: 1,
    });
  });

  it('a referral to an organization not serving the category is refused', async () => {
    const need = await raise(s.staff, { householdId: s.household.id, category: 'legal_aid' });
    const res = await stepAs(s.staff, s.staff, need.id, { action: 'refer', orgId: s.org.id });
    expect(res.statusCode).toBe(400);
    expect(field(res).field).toBe('orgId');
  });

  it('refuses a rating by someone not served, and before it is done', async () => {
    const need = await raise(s.resident);
    await stepAs(s.staff, s.staff, need.id, { action: 'refer', orgId: s.org.id });
    await stepAs(s.orgStaff, s.orgStaff, need.id, { action: 'accept' });
    await stepAs(s.orgStaff, s.orgStaff, need.id, { action: 'finish' });
    const neighbour = await signIn(t, ['resident'], [s.w.tree.dwelling]);
    expect((await stepAs(neighbour, s.staff, need.id, { action: 'rate', rating: 1 })).statusCode).toBe(404);
    expect((await stepAs(s.staff, s.staff, need.id, { action: 'rate', rating: 1 })).statusCode).toBe(403);
    expect((await stepAs(s.orgStaff, s.staff, need.id, { action: 'rate', rating: 5 })).statusCode).toBe(403);
    const noStars = await stepAs(s.resident, s.resident, need.id, { action: 'rate' });
    expect(field(noStars).field).toBe('rating');
    const outOfRange = await stepAs(s.resident, s.resident, need.id, { action: 'rate', rating: 6 });
    expect(outOfRange.statusCode).toBe(400);
    expect((await s.staff.get(`/api/services/needs/${need.id}`)).json().status).toBe('done');
  });

  it('a step from a stale version is a conflict; one out of its state too', async () => {
    const need = await raise(s.staff, { householdId: s.household.id });
    const res = await s.staff.post(`/api/services/needs/${need.id}/steps`, {
      action: 'refer',
      orgId: s.org.id,
      version: 9,
    });
    expect(res.statusCode).toBe(409);
    await stepAs(s.staff, s.staff, need.id, { action: 'refer', orgId: s.org.id });
    const again = await stepAs(s.staff, s.staff, need.id, { action: 'refer', orgId: s.org.id });
    expect(errorCode(again)).toBe('conflict');
  });

  it('a provider sees only what the resident consented to share', async () => {
    const need = await raise(s.resident, { consentShares: ['name'] });
    await stepAs(s.staff, s.staff, need.id, { action: 'refer', orgId: s.org.id });
    const seen = (await s.orgStaff.get(`/api/services/needs/${need.id}`)).json();
    expect(seen).toMatchObject({ detail: null, address: null, householdId: null });
    expect(seen.personName).toBeTruthy();
  });

  it('bad input names the field', async () => {
    const noHousehold = await s.staff.post('/api/services/needs', { category: 'elder_care', summary: 'x' });
    expect(field(noHousehold).field).toBe('householdId');
    const notMember = await s.staff.post('/api/services/needs', {
      category: 'elder_care',
      summary: 'x',
      householdId: s.household.id,
      personId: '999999999',
    });
    expect(field(notMember).field).toBe('personId');
    const badCategory = await s.staff.post('/api/services/needs', {
      category: 'lottery',
      summary: 'x',
      householdId: s.household.id,
    });
    expect(field(badCategory).field).toBe('category');
  });

  it('alerts once when a need passes its deadline: an open one to community staff, a referred one to its organization', async () => {
    const open = await raise(s.staff, { householdId: s.household.id, summary: '逾期未转介' });
    const referred = await raise(s.staff, { householdId: s.household.id, summary: '逾期未接单' });
    await stepAs(s.staff, s.staff, referred.id, { action: 'refer', orgId: s.org.id });
    await t.database.db.execute(
      sql`UPDATE service_needs SET due_at = now() - interval '1 hour' WHERE id IN (${Number(open.id)}, ${Number(referred.id)})`,
    );
    expect(
      (await s.staff.get(`/api/services/needs?overdue=true`)).json().items.map((n: { id: string }) => n.id),
    ).toEqual(expect.arrayContaining([open.id, referred.id]));
    await alertLate(t.database);
    await alertLate(t.database);
    const count = async (userId: number, summary: string) =>
      (
        (
          await t.database.db.execute(
            sql`SELECT count(*)::int AS n FROM notifications WHERE user_id = ${userId} AND kind = 'service_overdue' AND params->>'summary' = ${summary}`,
          )
        ).rows[0] as { n: number }
      ).n;
    expect(await count(s.staff.userId, '逾期未转介')).toBe(1);
    expect(await count(s.orgStaff.userId, '逾期未接单')).toBe(1);
    expect(await count(s.staff.userId, '逾期未接单')).toBe(0);
  });
});

describe('who reads needs', () => {
  let sensitive: { id: string };
  let plain: { id: string };
  let secretary: Client;
  let outsider: Client;

  beforeAll(async () => {
    const child = s.household.members.find((m) => m.name === '李小龙')!;
    sensitive = await raise(s.staff, {
      householdId: s.household.id,
      category: 'tutoring',
      personId: child.id,
      summary: '孩子课业辅导',
    });
    plain = await raise(s.staff, { householdId: s.household.id, category: 'legal_aid', summary: '劳务纠纷' });
    secretary = await signIn(t, ['party_secretary'], [s.w.tree.community]);
    outsider = await signIn(t, ['community_staff'], [s.w.tree.otherCommunity]);
  });

  it('a need about a minor is sensitive: officials without the health permission neither read nor count it', async () => {
    expect((await s.staff.get(`/api/services/needs/${sensitive.id}`)).json().sensitive).toBe(true);
    expect((await secretary.get(`/api/services/needs/${sensitive.id}`)).statusCode).toBe(404);
    expect((await secretary.get(`/api/services/needs/${plain.id}`)).statusCode).toBe(200);
    const listed = (await secretary.get('/api/services/needs?pageSize=200')).json();
    expect(listed.items.map((n: { id: string }) => n.id)).not.toContain(sensitive.id);
    expect(listed.items.every((n: { sensitive: boolean }) => !n.sensitive)).toBe(true);
    expect(listed.total).toBe(listed.items.length);
    expect(
      (
        await secretary.post(`/api/services/needs/${plain.id}/steps`, {
          action: 'refer',
          version: 1,
          orgId: s.org.id,
        })
      ).statusCode,
    ).toBe(403);
  });

  it('a health need referred to one organization is read by its staff and not by another organization', async () => {
    const need = await raise(s.resident, { category: 'health', summary: '慢病随访' });
    expect(need.sensitive).toBe(true);
    expect((await s.orgStaff.get(`/api/services/needs/${need.id}`)).statusCode).toBe(404);
    await stepAs(s.staff, s.staff, need.id, { action: 'refer', orgId: s.org.id });
    expect((await s.orgStaff.get(`/api/services/needs/${need.id}`)).statusCode).toBe(200);
    expect((await s.otherOrgStaff.get(`/api/services/needs/${need.id}`)).statusCode).toBe(404);
    expect((await secretary.get(`/api/services/needs/${need.id}`)).statusCode).toBe(404);
  });

  it('an organization lists and counts only the needs referred to it', async () => {
    const mine = (await s.orgStaff.get('/api/services/needs?pageSize=200')).json();
    const ids = mine.items.map((n: { orgId: string }) => n.orgId);
    expect(ids.length).toBeGreaterThan(0);
    expect(new Set(ids)).toEqual(new Set([s.org.id]));
    expect(mine.total).toBe(mine.items.length);
    expect((await s.orgStaff.get(`/api/services/needs/${plain.id}`)).statusCode).toBe(404);
    expect((await s.orgStaff.get('/api/services/organizations')).statusCode).toBe(403);
    expect((await s.orgStaff.get('/api/services/resources')).statusCode).toBe(403);
    expect(
      (
        await s.orgStaff.post('/api/services/needs', {
          category: 'other',
          summary: 'x',
          householdId: s.household.id,
        })
      ).statusCode,
    ).toBe(403);
  });

  it('officials out of scope get 404 and an empty list; a resident sees only their own household', async () => {
    expect((await outsider.get(`/api/services/needs/${plain.id}`)).statusCode).toBe(404);
    expect((await outsider.get(`/api/services/needs/${plain.id}/providers`)).statusCode).toBe(404);
    expect((await stepAs(outsider, s.staff, plain.id, { action: 'refer', orgId: s.org.id })).statusCode).toBe(
      404,
    );
    expect((await outsider.get('/api/services/needs')).json()).toMatchObject({ items: [], total: 0 });
    const outOfScope = await outsider.post('/api/services/needs', {
      category: 'other',
      summary: 'x',
      householdId: s.household.id,
    });
    expect(field(outOfScope).field).toBe('householdId');
    const own = (await s.resident.get('/api/services/needs?pageSize=200')).json();
    expect(own.items.map((n: { id: string }) => n.id)).toContain(plain.id);
    const stranger = await signIn(t, ['resident'], [s.w.tree.otherGrid]);
    expect((await stranger.get('/api/services/needs')).json().total).toBe(0);
    expect((await stranger.get(`/api/services/needs/${plain.id}`)).statusCode).toBe(404);
    expect(field(await stranger.post('/api/services/needs', { category: 'other', summary: 'x' })).field).toBe(
      'householdId',
    );
  });

  it('roles without a services permission are refused', async () => {
    for (const role of ['party_member', 'enterprise_hr', 'system_admin', 'audit_admin'] as const) {
      const c = await signIn(t, [role], role.endsWith('admin') ? [] : [s.w.tree.community]);
      expect((await c.get('/api/services/needs')).statusCode, role).toBe(403);
      expect((await c.get(`/api/services/needs/${plain.id}`)).statusCode, role).toBe(403);
      expect((await c.get('/api/services/categories')).statusCode, role).toBe(403);
    }
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/services/needs' });
    expect(anonymous.statusCode).toBe(401);
  });
});
