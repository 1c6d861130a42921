import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_ROLES, can, ROLES, type Permission, type Role } from '@anju/contracts';
import { errorCode, signIn, testApp, type Client, type TestApp } from '../../../test/harness.ts';
import { registryWorld, type RegistryWorld } from '../registry/registry.fixture.ts';
import { facility, kidFamily, project, task } from './sites.fixture.ts';

let t: TestApp;
let w: RegistryWorld;
let outsider: Client;

interface Call {
  name: string;
  permission: Permission;
  ok: number;
  run(c: Client): Promise<LightMyRequestResponse>;
}

const newFacility = async () =>
  (await facility(w.staff, w.tree.community, [w.tree.community])).json().id as string;
const newProject = async () => (await project(w.staff, w.tree.community)).json().id as string;
const linked = async () => {
  const id = await newProject();
  const household = await kidFamily(t, w);
  await w.staff.post(`/api/industry-projects/${id}/households`, {
    householdId: household,
    benefit: 'dividend',
  });
  return { id, household };
};
const newTask = async () => (await task(w.staff, w.tree.community)).json().id as string;
const payment = { kind: 'dividend', amount: 100, paidOn: '2025-12-01' };

const CALLS: Call[] = [
  {
    name: 'overview',
    permission: 'site:read',
    ok: 200,
    run: (c) => c.get(`/api/sites/overview?place=${w.tree.community}`),
  },
  {
    name: 'plans',
    permission: 'site:read',
    ok: 200,
    run: (c) => c.get(`/api/sites/plans?place=${w.tree.community}`),
  },
  { name: 'a site', permission: 'site:read', ok: 200, run: (c) => c.get(`/api/sites/${w.tree.community}`) },
  {
    name: 'add a facility',
    permission: 'site:write',
    ok: 201,
    run: (c) => facility(c, w.tree.community, [w.tree.community]),
  },
  {
    name: 'read a facility',
    permission: 'site:read',
    ok: 200,
    run: async (c) => c.get(`/api/site-facilities/${await newFacility()}`),
  },
  {
    name: 'change a facility',
    permission: 'site:write',
    ok: 200,
    run: async (c) => c.patch(`/api/site-facilities/${await newFacility()}`, { capacity: 5, version: 1 }),
  },
  { name: 'add a project', permission: 'site:write', ok: 201, run: (c) => project(c, w.tree.community) },
  {
    name: 'read a project',
    permission: 'site:read',
    ok: 200,
    run: async (c) => c.get(`/api/industry-projects/${await newProject()}`),
  },
  {
    name: 'change a project',
    permission: 'site:write',
    ok: 200,
    run: async (c) => c.patch(`/api/industry-projects/${await newProject()}`, { investment: 9, version: 1 }),
  },
  {
    name: 'link a household',
    permission: 'site:write',
    ok: 201,
    run: async (c) =>
      c.post(`/api/industry-projects/${await newProject()}/households`, {
        householdId: await kidFamily(t, w),
        benefit: 'land_rent',
      }),
  },
  {
    name: 'pay a household',
    permission: 'site:write',
    ok: 201,
    run: async (c) => {
      const { id, household } = await linked();
      return c.post(`/api/industry-projects/${id}/payments`, { householdId: household, ...payment });
    },
  },
  {
    name: 'pay every household',
    permission: 'site:write',
    ok: 201,
    run: async (c) => c.post(`/api/industry-projects/${(await linked()).id}/payouts`, payment),
  },
  {
    name: "a household's benefits",
    permission: 'site:read',
    ok: 200,
    run: async (c) => c.get(`/api/households/${(await linked()).household}/industry-benefits`),
  },
  { name: 'add a task', permission: 'site:write', ok: 201, run: (c) => task(c, w.tree.community) },
  {
    name: 'change a task',
    permission: 'site:write',
    ok: 200,
    run: async (c) => c.patch(`/api/support-tasks/${await newTask()}`, { progress: 40, version: 1 }),
  },
];

beforeAll(async () => {
  t = await testApp();
  w = await registryWorld(t);
  outsider = await signIn(t, ['community_staff'], [w.tree.otherCommunity]);
});
afterAll(() => t.close());

describe('who may call the sites endpoints', () => {
  it.each(ROLES.map((r) => [r]))(
    '%s: allowed in scope where the matrix says, 403 elsewhere',
    async (role: Role) => {
      const c = await signIn(t, [role], ADMIN_ROLES.includes(role) ? [] : [w.tree.community]);
      for (const call of CALLS) {
        const res = await call.run(c);
        if (can([role], call.permission))
          expect(res.statusCode, `${role} ${call.name}: ${res.body}`).toBe(call.ok);
        else {
          expect(res.statusCode, `${role} ${call.name}`).toBe(403);
          expect(errorCode(res)).toBe('forbidden');
        }
      }
    },
  );

  it('answers 404 out of scope and leaks nothing through the overview, plans or a household', async () => {
    const f = await newFacility();
    const { id, household } = await linked();
    const taskId = await newTask();
    const calls = [
      outsider.get(`/api/sites/${w.tree.community}`),
      outsider.get(`/api/sites/overview?place=${w.tree.community}`),
      outsider.get(`/api/sites/plans?place=${w.tree.community}`),
      outsider.get(`/api/site-facilities/${f}`),
      outsider.patch(`/api/site-facilities/${f}`, { capacity: 9, version: 1 }),
      outsider.get(`/api/industry-projects/${id}`),
      outsider.patch(`/api/industry-projects/${id}`, { status: 'failed', version: 1 }),
      outsider.post(`/api/industry-projects/${id}/payments`, { householdId: household, ...payment }),
      outsider.post(`/api/industry-projects/${id}/payouts`, payment),
      outsider.get(`/api/households/${household}/industry-benefits`),
      outsider.patch(`/api/support-tasks/${taskId}`, { progress: 10, version: 1 }),
    ];
    for (const res of await Promise.all(calls)) expect(res.statusCode, res.body).toBe(404);
    const own = (await outsider.get('/api/sites/overview')).json();
    expect(own.sites.map((s: { placeId: string }) => s.placeId)).not.toContain(String(w.tree.community));
    const plans = (await outsider.get('/api/sites/plans')).json();
    expect(plans.map((p: { id: string }) => p.id)).not.toContain(taskId);
  });

  it("shows a township's facility to its sites' staff, who may not change it", async () => {
    const township = await signIn(t, ['township_officer'], [w.tree.township]);
    const made = await facility(township, w.tree.township, [w.tree.community, w.tree.otherCommunity]);
    expect(made.statusCode, made.body).toBe(201);
    const seen = await outsider.get(`/api/site-facilities/${made.json().id}`);
    expect(seen.json()).toMatchObject({ mayKeep: false });
    const change = await outsider.patch(`/api/site-facilities/${made.json().id}`, {
      capacity: 0,
      version: 1,
    });
    expect(change.statusCode).toBe(403);
  });
});
