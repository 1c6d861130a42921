import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, testApp, type Client, type TestApp } from '../../../test/harness.ts';
import { registryWorld, type RegistryWorld } from '../registry/registry.fixture.ts';
import { alertLate } from './plan.service.ts';
import { facility, kidFamily, project, task } from './sites.fixture.ts';

let t: TestApp;
let w: RegistryWorld;
let staff: Client;
let county: Client;

beforeAll(async () => {
  t = await testApp();
  w = await registryWorld(t);
  staff = w.staff;
  county = await signIn(t, ['county_admin'], [w.tree.county]);
});
afterAll(() => t.close());

const field = (res: { json(): { error: { details: { field: string; reason: string }[] } } }) =>
  res.json().error.details[0];

describe('facilities against demand', () => {
  it('counts the children of kindergarten age against the places, per site and per facility, and flags the gap', async () => {
    await kidFamily(t, w);
    await kidFamily(t, w);
    const made = await facility(staff, w.tree.community, [w.tree.community], { capacity: 1 });
    expect(made.statusCode, made.body).toBe(201);
    expect(made.json()).toMatchObject({ demand: 2, gap: 1, unit: 'places', mayKeep: true });

    const site = (await county.get(`/api/sites/${w.tree.community}`)).json();
    const kg = site.demand.find((d: { kind: string }) => d.kind === 'kindergarten');
    expect(kg).toMatchObject({ group: 'children_3_5', people: 2, demand: 2, capacity: 1, gap: 1 });
    expect(site.residents).toBe(4);
    expect(kg.per1000).toBe(250);
    expect(site.norms.find((n: { code: string }) => n.code === 'site_radius_kindergarten_m')).toMatchObject({
      value: 300,
    });

    const overview = (await county.get(`/api/sites/overview?place=${w.tree.county}`)).json();
    const row = overview.sites.find((s: { placeId: string }) => s.placeId === String(w.tree.community));
    expect(row.gaps).toContainEqual({ kind: 'kindergarten', gap: 1, unit: 'places' });
    expect(overview.townships.map((x: { placeId: string }) => x.placeId)).toEqual([String(w.tree.township)]);
    expect(overview.total.residents).toBeGreaterThanOrEqual(4);

    const more = await staff.patch(`/api/site-facilities/${made.json().id}`, { capacity: 3, version: 1 });
    expect(more.json()).toMatchObject({ capacity: 3, gap: 0, version: 2 });
    const again = await staff.patch(`/api/site-facilities/${made.json().id}`, { capacity: 4, version: 1 });
    expect(again.statusCode).toBe(409);
  });

  it.each([
    [{ capacity: -1 }, 'capacity', 'must not be below zero'],
    [{ kind: 'castle' }, 'kind', 'not a facility kind'],
    [{ siteIds: [] }, 'siteIds', 'name at least one site'],
  ])('refuses %j naming the field, writing nothing', async (over, name, reason) => {
    const res = await facility(staff, w.tree.community, [w.tree.community], {
      name: `X${Math.random()}`,
      ...over,
    });
    expect(res.statusCode).toBe(400);
    expect(field(res)).toMatchObject({ field: name, reason });
  });

  it('refuses serving a site outside the scope', async () => {
    const res = await facility(staff, w.tree.community, [w.tree.otherCommunity]);
    expect(res.statusCode).toBe(400);
    expect(field(res).field).toBe('siteIds');
  });
});

describe('industry projects', () => {
  it('links households, pays a dividend to each, shows it on the household, and a failure raises leads', async () => {
    const made = await project(staff, w.tree.community);
    expect(made.statusCode, made.body).toBe(201);
    const id = made.json().id;
    const a = await kidFamily(t, w);
    const b = await kidFamily(t, w);
    const outside = await kidFamily(t, w);
    for (const h of [a, b]) {
      const res = await staff.post(`/api/industry-projects/${id}/households`, {
        householdId: h,
        benefit: 'dividend',
        assetAmount: 5000,
      });
      expect(res.statusCode, res.body).toBe(201);
    }
    const dup = await staff.post(`/api/industry-projects/${id}/households`, {
      householdId: a,
      benefit: 'job',
    });
    expect(dup.statusCode).toBe(409);

    const refused = await staff.post(`/api/industry-projects/${id}/payments`, {
      householdId: outside,
      kind: 'dividend',
      amount: 300,
      paidOn: '2025-12-20',
    });
    expect(refused.statusCode).toBe(400);
    expect(field(refused)).toMatchObject({
      field: 'householdId',
      reason: 'is not a household of the project',
    });

    const payout = await staff.post(`/api/industry-projects/${id}/payouts`, {
      kind: 'dividend',
      amount: 400,
      paidOn: '2025-12-20',
    });
    expect(payout.statusCode, payout.body).toBe(201);
    expect(payout.json()).toMatchObject({ households: 2, paid: 800 });

    const benefits = (await staff.get(`/api/households/${a}/industry-benefits`)).json();
    expect(benefits).toHaveLength(1);
    expect(benefits[0]).toMatchObject({ projectId: id, benefit: 'dividend', assetAmount: 5000 });
    expect(benefits[0].payments).toMatchObject([{ amount: 400, kind: 'dividend', paidOn: '2025-12-20' }]);
    expect((await staff.get(`/api/households/${outside}/industry-benefits`)).json()).toEqual([]);

    const failed = await staff.patch(`/api/industry-projects/${id}`, { status: 'failed', version: 1 });
    expect(failed.statusCode, failed.body).toBe(200);
    expect(failed.json()).toMatchObject({ status: 'failed', leadsRaised: 2 });
    const leads = (await staff.get('/api/monitoring/leads?source=industry_project&pageSize=200')).json();
    const mine = leads.items.filter((l: { householdId: string }) => [a, b].includes(l.householdId));
    expect(mine).toHaveLength(2);
  });
});

describe('support plan', () => {
  it('refuses a task without an owner, naming the field', async () => {
    const res = await task(staff, w.tree.community, { owner: '  ' });
    expect(res.statusCode).toBe(400);
    expect(field(res)).toMatchObject({ field: 'owner', reason: 'a task needs an owner' });
    const missing = await task(staff, w.tree.community, { owner: undefined });
    expect(field(missing).field).toBe('owner');
  });

  it('records progress with evidence, alerts a late task once, and shows the plans side by side', async () => {
    const year = new Date().getUTCFullYear();
    const late = await task(staff, w.tree.community, {
      title: `超期任务${Math.random()}`,
      dueOn: `${year}-01-02`,
    });
    expect(late.statusCode, late.body).toBe(201);
    expect(late.json().late).toBe(true);
    const made = await task(staff, w.tree.community);
    expect(made.statusCode, made.body).toBe(201);
    const done = made.json();
    const noEvidence = await staff.patch(`/api/support-tasks/${done.id}`, { progress: 100, version: 1 });
    expect(field(noEvidence)).toMatchObject({ field: 'evidence' });
    const finished = await staff.patch(`/api/support-tasks/${done.id}`, {
      progress: 100,
      evidence: '新园开学，招收幼儿60名',
      version: 1,
    });
    expect(finished.json()).toMatchObject({ progress: 100, late: false, version: 2 });
    expect(finished.json().doneOn).not.toBeNull();

    expect(await alertLate(t.database)).toBeGreaterThanOrEqual(1);
    const news = (await staff.get('/api/notifications?pageSize=50')).json();
    expect(news.items.some((n: { kind: string }) => n.kind === 'support_task_late')).toBe(true);

    const plans = (await county.get(`/api/sites/plans?place=${w.tree.county}`)).json();
    expect(plans.map((p: { id: string }) => p.id)).toEqual(expect.arrayContaining([late.json().id, done.id]));
    const overview = (await county.get(`/api/sites/overview?place=${w.tree.county}`)).json();
    const row = overview.sites.find((s: { placeId: string }) => s.placeId === String(w.tree.community));
    expect(row).toMatchObject({ tasksDone: 1, tasksOnTime: 1 });
    expect(row.tasksLate).toBeGreaterThanOrEqual(1);
  });
});
