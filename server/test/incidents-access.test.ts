import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_ROLES, can, ROLES, type Permission, type Role } from '@anju/contracts';
import { errorCode, makeTree, signIn, testApp, type Client, type TestApp, type Tree } from './harness.ts';

let t: TestApp;
let tree: Tree;
let reporter: Client;
beforeAll(async () => {
  t = await testApp();
  tree = await makeTree(t.database);
  reporter = await signIn(t, ['resident'], [tree.dwelling]);
});
afterAll(() => t.close());

const newIncident = async () =>
  (
    await reporter.post('/api/incidents', {
      categoryCode: 'other',
      title: '路灯不亮',
      placeId: String(tree.grid),
    })
  ).json();

interface Endpoint {
  name: string;
  permission: Permission;
  call(c: Client): Promise<{ statusCode: number; body: string }>;
}

/** Every incident endpoint; reads go to an incident in the role's own community. */
const ENDPOINTS: Endpoint[] = [
  {
    name: 'GET /api/incident-categories',
    permission: 'incident:report',
    call: (c) => c.get('/api/incident-categories'),
  },
  {
    name: 'POST /api/incidents',
    permission: 'incident:report',
    call: (c) =>
      c.post('/api/incidents', { categoryCode: 'other', title: '井盖缺失', placeId: String(tree.grid) }),
  },
  { name: 'GET /api/incidents', permission: 'incident:report', call: (c) => c.get('/api/incidents') },
  {
    name: 'GET /api/incidents/counts',
    permission: 'incident:report',
    call: (c) => c.get('/api/incidents/counts'),
  },
  {
    name: 'GET /api/incidents/kpi',
    permission: 'incident:read',
    call: (c) => c.get('/api/incidents/kpi?from=2026-01-01&to=2026-12-31'),
  },
];

const NONE = { toAccept: 0, inHand: 0, overdue: 0, done: 0 };

const signedInAs = (role: Role) =>
  signIn(
    t,
    [role],
    ADMIN_ROLES.includes(role) ? [] : role === 'resident' ? [tree.dwelling] : [tree.community],
  );

describe('incident access by role, from ROLE_PERMISSIONS', () => {
  for (const role of ROLES) {
    it(role, async () => {
      const c = await signedInAs(role);
      for (const e of ENDPOINTS) {
        const res = await e.call(c);
        if (can([role], e.permission))
          expect(res.statusCode, `${role} ${e.name}: ${res.body}`).toBeLessThan(300);
        else {
          expect(res.statusCode, `${role} ${e.name}`).toBe(403);
          expect(errorCode(res as never)).toBe('forbidden');
        }
      }
    });
  }

  it('shows an incident to officials of its area and its reporter, to nobody else, and lists leak nothing', async () => {
    const i = await newIncident();
    const seen = async (c: Client) => (await c.get(`/api/incidents/${i.id}`)).statusCode;
    const listed = async (c: Client) =>
      (await c.get('/api/incidents?pageSize=200')).json().items.some((x: { id: string }) => x.id === i.id);
    for (const role of ['grid_worker', 'community_staff', 'party_secretary'] as const) {
      const inside = await signIn(t, [role], [role === 'grid_worker' ? tree.grid : tree.community]);
      expect(await seen(inside), role).toBe(200);
      expect(await listed(inside), role).toBe(true);
      const outside = await signIn(t, [role], [tree.otherCommunity]);
      expect(await seen(outside), role).toBe(404);
      expect(await listed(outside), role).toBe(false);
    }
    expect(await seen(reporter)).toBe(200);
    const otherResident = await signIn(t, ['resident'], [tree.dwelling]);
    expect(await seen(otherResident)).toBe(404);
    expect((await otherResident.get('/api/incidents/counts')).json()).toEqual(NONE);
    const department = await signIn(t, ['department_officer'], [tree.county]);
    expect(await seen(department)).toBe(404);
    // the workbench counts never include what the caller cannot see
    const outsider = await signIn(t, ['community_staff'], [tree.otherCommunity]);
    expect((await outsider.get('/api/incidents/counts')).json()).toEqual(NONE);
    expect((await outsider.get(`/api/incidents/counts?under=${tree.community}`)).json()).toEqual(NONE);
    const insider = await signIn(t, ['community_staff'], [tree.community]);
    expect((await insider.get('/api/incidents/counts')).json().toAccept).toBeGreaterThan(0);
    expect((await reporter.get('/api/incidents/counts')).json().toAccept).toBeGreaterThan(0);
    expect((await department.get('/api/incidents/counts')).json()).toEqual(NONE);
    const kpiOutside = (
      await (
        await signIn(t, ['community_staff'], [tree.otherCommunity])
      ).get('/api/incidents/kpi?from=2026-01-01&to=2027-12-31')
    ).json();
    const kpiInside = (
      await (
        await signIn(t, ['community_staff'], [tree.community])
      ).get('/api/incidents/kpi?from=2026-01-01&to=2027-12-31')
    ).json();
    expect(kpiOutside.reported).toBe(0);
    expect(kpiInside.reported).toBeGreaterThan(0);
  });

  it('refuses every incident endpoint when signed out', async () => {
    for (const url of [
      '/api/incidents',
      '/api/incidents/counts',
      '/api/incidents/1',
      '/api/incidents/kpi?from=2026-01-01&to=2026-01-02',
      '/api/incident-categories',
    ]) {
      expect((await t.app.inject({ method: 'GET', url })).statusCode, url).toBe(401);
    }
  });

  it('answers bad input with 400 naming the field', async () => {
    const staff = await signIn(t, ['community_staff'], [tree.community]);
    for (const [url, field] of [
      ['/api/incidents/kpi?from=2026-13-01&to=2026-12-31', 'querystring.from'],
      ['/api/incidents/kpi?from=2026-02-01&to=2026-01-01', 'from'],
      ['/api/incidents?status=lost', 'querystring.status'],
    ] as const) {
      const res = await staff.get(url);
      expect(res.statusCode, url).toBe(400);
      expect(res.json().error.details[0].field, url).toBe(field);
    }
    const i = await newIncident();
    const bad = await staff.post(`/api/incidents/${i.id}/actions`, { action: 'fly', version: 1 });
    expect(bad.json().error.details[0].field).toBe('action');
    const long = await staff.post('/api/incidents', {
      categoryCode: 'other',
      title: 'x'.repeat(101),
      placeId: String(tree.grid),
    });
    expect(long.json().error.details[0].field).toBe('title');
  });
});
