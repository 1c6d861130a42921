import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { errorCode, signIn, testApp, type Client, type TestApp } from '../../../test/harness.ts';
import { createOrg, orgCreditCode, raise, servicesWorld, type ServicesWorld } from './services.fixture.ts';

let t: TestApp;
let s: ServicesWorld;
let outsider: Client;
let township: Client;

beforeAll(async () => {
  t = await testApp();
  s = await servicesWorld(t);
  outsider = await signIn(t, ['community_staff'], [s.w.tree.otherCommunity]);
  township = await signIn(t, ['township_officer'], [s.w.tree.township]);
});
afterAll(() => t.close());

const field = (res: { json(): { error: { details: { field: string; reason: string }[] } } }) =>
  res.json().error.details[0];

describe('social organizations', () => {
  it('registers one with its service areas and places served, audited; its credit code once', async () => {
    const code = orgCreditCode();
    const org = await createOrg(s.staff, s.w, { creditCode: code });
    expect(org).toMatchObject({
      kind: 'private_non_enterprise',
      placeName: '靖安社区',
      staffCount: 12,
      socialWorkerCount: 5,
    });
    const again = await s.staff.post('/api/services/organizations', {
      ...org,
      creditCode: code,
      placesServed: [String(s.w.tree.community)],
      placeId: String(s.w.tree.community),
    });
    expect(errorCode(again)).toBe('duplicate');
    const [logged] = (
      await t.database.db.execute(
        sql`SELECT count(*)::int AS n FROM audit_log WHERE target_type = 'social_org' AND target_id = ${org.id}`,
      )
    ).rows as { n: number }[];
    expect(logged.n).toBe(1);
  });

  it('refuses an invalid credit code, more social workers than staff, a place out of scope', async () => {
    const bad = orgCreditCode().slice(0, 17) + 'I';
    const res = await s.staff.post('/api/services/organizations', {
      creditCode: bad,
      name: 'x',
      kind: 'foundation',
      placeId: String(s.w.tree.community),
      serviceAreas: ['other'],
      placesServed: [String(s.w.tree.community)],
      staffCount: 1,
      socialWorkerCount: 0,
    });
    expect(res.statusCode).toBe(400);
    expect(field(res).field).toBe('creditCode');
    await expect(createOrg(s.staff, s.w, { socialWorkerCount: 20 })).rejects.toThrow(/socialWorkerCount/);
    await expect(
      createOrg(s.staff, s.w, { placesServed: [String(s.w.tree.otherCommunity)] }),
    ).rejects.toThrow(/placesServed/);
    await expect(createOrg(outsider, s.w)).rejects.toThrow(/placeId/);
  });

  it('changes from the version read; a stale one is 409; out of scope 404', async () => {
    const org = await createOrg(s.staff, s.w);
    const res = await s.staff.patch(`/api/services/organizations/${org.id}`, {
      version: org.version,
      staffCount: 20,
    });
    expect(res.json()).toMatchObject({ staffCount: 20, version: 2 });
    expect(
      (await s.staff.patch(`/api/services/organizations/${org.id}`, { version: 1, name: 'y' })).statusCode,
    ).toBe(409);
    expect(
      (await outsider.patch(`/api/services/organizations/${org.id}`, { version: 2, name: 'y' })).statusCode,
    ).toBe(404);
    expect((await outsider.get(`/api/services/organizations/${org.id}`)).statusCode).toBe(404);
    expect((await township.get(`/api/services/organizations/${org.id}`)).statusCode).toBe(200);
  });

  it('lists by scope and category, counting only what it shows', async () => {
    const mine = (await s.staff.get('/api/services/organizations?category=elder_care&pageSize=200')).json();
    expect(mine.total).toBeGreaterThanOrEqual(2);
    expect((await outsider.get('/api/services/organizations')).json()).toMatchObject({ items: [], total: 0 });
    expect((await s.resident.get('/api/services/organizations')).statusCode).toBe(403);
  });

  it('ties only a social organization staff account to an organization kept in scope', async () => {
    const grid = await signIn(t, ['grid_worker'], [s.w.tree.grid]);
    expect(
      field(await s.staff.post(`/api/services/organizations/${s.org.id}/staff`, { username: grid.username }))
        .field,
    ).toBe('username');
    const c = await signIn(t, ['social_org_staff']);
    expect(
      (await outsider.post(`/api/services/organizations/${s.org.id}/staff`, { username: c.username }))
        .statusCode,
    ).toBe(404);
  });
});

describe('resources', () => {
  const offer = (c: Client, over: Record<string, unknown> = {}) =>
    c.post('/api/services/resources', {
      kind: 'goods',
      name: '爱心米面油',
      donorKind: 'enterprise',
      donorName: '靖安食品公司',
      quantity: 50,
      unit: '份',
      availableFrom: '2026-01-01',
      availableTo: '2026-12-31',
      placeId: String(s.w.tree.community),
      ...over,
    });

  it('records a resource in scope; dates and places checked; out of scope neither seen nor counted', async () => {
    const res = await offer(s.staff);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ quantity: 50, remaining: 50, placeName: '靖安社区' });
    expect(field(await offer(s.staff, { availableTo: '2025-01-01' })).field).toBe('availableTo');
    expect(field(await offer(outsider)).field).toBe('placeId');
    expect((await outsider.get('/api/services/resources')).json()).toMatchObject({ items: [], total: 0 });
    expect((await s.orgStaff.get('/api/services/resources')).statusCode).toBe(403);
  });

  it('never allocates more than remains: 409 naming the quantity, nothing written', async () => {
    const resource = (await offer(s.staff, { quantity: 3 })).json();
    const need = await raise(s.staff, { householdId: s.household.id });
    const url = `/api/services/resources/${resource.id}/allocations`;
    const ok = await s.staff.post(url, { needId: need.id, quantity: 2 });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().remaining).toBe(1);
    const over = await s.staff.post(url, { needId: need.id, quantity: 2 });
    expect(over.statusCode).toBe(409);
    expect(field(over)).toEqual({ field: 'quantity', reason: 'more than remains' });
    const [row] = (
      await t.database.db.execute(
        sql`SELECT remaining, (SELECT count(*)::int FROM resource_allocations WHERE resource_id = ${Number(resource.id)}) AS n
              FROM service_resources WHERE id = ${Number(resource.id)}`,
      )
    ).rows as { remaining: number; n: number }[];
    expect(row).toEqual({ remaining: 1, n: 1 });
    expect((await outsider.post(url, { needId: need.id, quantity: 1 })).statusCode).toBe(404);
    const theirs = (await offer(outsider, { placeId: String(s.w.tree.otherCommunity) })).json();
    expect(
      field(
        await outsider.post(`/api/services/resources/${theirs.id}/allocations`, {
          needId: need.id,
          quantity: 1,
        }),
      ).field,
    ).toBe('needId');
  });

  it('200 concurrent allocations of 1 against stock 50: exactly 50 succeed, the rest 409, never negative', async () => {
    const resource = (await offer(s.staff, { quantity: 50 })).json();
    const need = await raise(s.staff, { householdId: s.household.id });
    const url = `/api/services/resources/${resource.id}/allocations`;
    const answers = await Promise.all(
      Array.from({ length: 200 }, () => s.staff.post(url, { needId: need.id, quantity: 1 })),
    );
    const codes = answers.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 201)).toHaveLength(50);
    expect(codes.filter((c) => c === 409)).toHaveLength(150);
    const [row] = (
      await t.database.db.execute(
        sql`SELECT remaining, (SELECT coalesce(sum(quantity), 0)::int FROM resource_allocations WHERE resource_id = ${Number(resource.id)}) AS given
              FROM service_resources WHERE id = ${Number(resource.id)}`,
      )
    ).rows as { remaining: number; given: number }[];
    expect(row).toEqual({ remaining: 0, given: 50 });
    expect(Math.min(...answers.filter((r) => r.statusCode === 201).map((r) => r.json().remaining))).toBe(0);
  });
});
