import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_ROLES, can, ROLES, type Permission, type Role } from '@anju/contracts';
import { signIn, testApp, type Client, type TestApp } from '../../../test/harness.ts';
import { createOrg, orgCreditCode, raise, servicesWorld, type ServicesWorld } from './services.fixture.ts';

let t: TestApp;
let s: ServicesWorld;
let needId: string;
let resourceId: string;

beforeAll(async () => {
  t = await testApp();
  s = await servicesWorld(t);
  needId = (await raise(s.staff, { householdId: s.household.id, category: 'legal_aid', consentShares: [] }))
    .id;
  const res = await s.staff.post('/api/services/resources', {
    kind: 'time',
    name: '法律咨询',
    donorKind: 'individual',
    donorName: '志愿律师',
    quantity: 10,
    unit: '小时',
    availableFrom: '2026-01-01',
    placeId: String(s.w.tree.community),
  });
  resourceId = res.json().id;
});
afterAll(() => t.close());

/** Every services endpoint, the permissions any of which lets a caller past the door, and a harmless call. */
const ENDPOINTS: { route: string; anyOf: Permission[]; call(c: Client): ReturnType<Client['get']> }[] = [
  {
    route: 'GET categories',
    anyOf: ['service:read', 'service:provide', 'service:request'],
    call: (c) => c.get('/api/services/categories'),
  },
  { route: 'GET organizations', anyOf: ['service:read'], call: (c) => c.get('/api/services/organizations') },
  {
    route: 'GET organization',
    anyOf: ['service:read'],
    call: (c) => c.get(`/api/services/organizations/${s.org.id}`),
  },
  {
    route: 'POST organization',
    anyOf: ['service:write'],
    call: (c) =>
      c.post('/api/services/organizations', {
        creditCode: orgCreditCode(),
        name: '测试社工站',
        kind: 'social_group',
        placeId: String(s.w.tree.community),
        serviceAreas: ['other'],
        placesServed: [String(s.w.tree.community)],
        staffCount: 1,
        socialWorkerCount: 0,
      }),
  },
  {
    route: 'PATCH organization',
    anyOf: ['service:write'],
    call: (c) => c.patch(`/api/services/organizations/${s.org.id}`, { version: 999 }),
  },
  {
    route: 'POST organization staff',
    anyOf: ['service:write'],
    call: (c) => c.post(`/api/services/organizations/${s.org.id}/staff`, { username: 'nobody-here' }),
  },
  {
    route: 'GET needs',
    anyOf: ['service:read', 'service:provide', 'service:request'],
    call: (c) => c.get('/api/services/needs'),
  },
  {
    route: 'POST need',
    anyOf: ['service:write', 'service:request'],
    call: (c) =>
      c.post('/api/services/needs', { category: 'other', summary: '测试', householdId: s.household.id }),
  },
  {
    route: 'GET need',
    anyOf: ['service:read', 'service:provide', 'service:request'],
    call: (c) => c.get(`/api/services/needs/${needId}`),
  },
  {
    route: 'GET providers',
    anyOf: ['service:write'],
    call: (c) => c.get(`/api/services/needs/${needId}/providers`),
  },
  {
    route: 'POST step',
    anyOf: ['service:read', 'service:provide', 'service:request'],
    call: (c) =>
      c.post(`/api/services/needs/${needId}/steps`, { action: 'refer', version: 1, orgId: s.org.id }),
  },
  { route: 'GET resources', anyOf: ['service:read'], call: (c) => c.get('/api/services/resources') },
  {
    route: 'POST resource',
    anyOf: ['service:write'],
    call: (c) =>
      c.post('/api/services/resources', {
        kind: 'goods',
        name: '测试物资',
        donorKind: 'individual',
        donorName: '某人',
        quantity: 1,
        unit: '份',
        availableFrom: '2026-01-01',
        placeId: String(s.w.tree.community),
      }),
  },
  {
    route: 'POST allocation',
    anyOf: ['service:write'],
    call: (c) => c.post(`/api/services/resources/${resourceId}/allocations`, { needId, quantity: 1 }),
  },
];

const scopeOf = (role: Role) => (ADMIN_ROLES.includes(role) ? [] : [s.w.tree.community]);

describe('services endpoints by role', () => {
  it('let a role past the door exactly when it holds one of the permissions, and change nothing when refused', async () => {
    let allocated = 0;
    for (const role of ROLES) {
      const c = await signIn(t, [role], scopeOf(role));
      for (const e of ENDPOINTS) {
        const res = await e.call(c);
        if (e.route === 'POST allocation' && res.statusCode === 201) allocated++;
        const allowed = e.anyOf.some((p) => can([role], p));
        // the door's refusal names the permissions; a step the workflow refuses later is a 403 of its own
        const atDoor = res.statusCode === 403 && /^requires /.test(res.json().error.message);
        expect(atDoor, `${role} ${e.route}: ${res.statusCode}`).toBe(!allowed);
      }
    }
    const need = (await s.staff.get(`/api/services/needs/${needId}`)).json();
    expect(need).toMatchObject({ status: 'open', version: 1 });
    const resource = (await s.staff.get('/api/services/resources'))
      .json()
      .items.find((r: { id: string }) => r.id === resourceId);
    expect(allocated).toBe(ROLES.filter((r) => can([r], 'service:write')).length);
    expect(resource.remaining).toBe(10 - allocated);
  });

  it('anonymous callers are refused everywhere', async () => {
    for (const url of [
      '/api/services/needs',
      '/api/services/organizations',
      '/api/services/resources',
      '/api/services/categories',
    ])
      expect((await t.app.inject({ method: 'GET', url })).statusCode).toBe(401);
  });

  it('a grid worker raises a need of a household of their grid; a department officer reads it and may not refer', async () => {
    const grid = await signIn(t, ['grid_worker'], [s.w.tree.grid]);
    const need = await raise(grid, {
      householdId: s.household.id,
      category: 'employment',
      summary: '想找就近工作',
    });
    expect(need).toMatchObject({ source: 'grid_worker' });
    const department = await signIn(t, ['department_officer'], [s.w.tree.county]);
    const seen = (await department.get(`/api/services/needs/${need.id}`)).json();
    expect(seen.actions).toEqual([]);
    expect((await department.get(`/api/services/needs/${need.id}/providers`)).statusCode).toBe(403);
    const county = await signIn(t, ['county_admin'], [s.w.tree.county]);
    expect((await county.get(`/api/services/needs/${need.id}`)).json().actions).toEqual(['refer']);
    const other = await createOrg(s.staff, s.w, { serviceAreas: ['employment'] });
    const res = await county.post(`/api/services/needs/${need.id}/steps`, {
      action: 'refer',
      version: 1,
      orgId: other.id,
    });
    expect(res.statusCode, res.body).toBe(200);
  });
});
