import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_ROLES, can, ROLES, type Permission, type Role } from '@anju/contracts';
import { errorCode, signIn, testApp, type Client, type TestApp } from '../../../test/harness.ts';
import { registryWorld, type RegistryWorld } from '../registry/registry.fixture.ts';
import { course, enrolled, newFamily } from './training.fixture.ts';

let t: TestApp;
let w: RegistryWorld;
let outsider: Client;

/** What one call needs, made fresh by the community's staff. */
interface Call {
  name: string;
  permission: Permission;
  ok: number;
  run(c: Client): Promise<LightMyRequestResponse>;
}

const newCourse = async () => (await course(w.staff, w.tree.community)).json().id as string;
const newEnrolment = async () => {
  const id = await newCourse();
  return { course: id, enrolment: await enrolled(w.staff, id, (await newFamily(t, w)).head) };
};

const CALLS: Call[] = [
  { name: 'list courses', permission: 'training:read', ok: 200, run: (c) => c.get('/api/training/courses') },
  {
    name: 'create a course',
    permission: 'training:write',
    ok: 201,
    run: (c) => course(c, w.tree.community),
  },
  {
    name: 'read a course',
    permission: 'training:read',
    ok: 200,
    run: async (c) => c.get(`/api/training/courses/${await newCourse()}`),
  },
  {
    name: 'change a course',
    permission: 'training:write',
    ok: 200,
    run: async (c) => c.patch(`/api/training/courses/${await newCourse()}`, { hours: 48, version: 1 }),
  },
  {
    name: 'enrol',
    permission: 'training:write',
    ok: 201,
    run: async (c) =>
      c.post(`/api/training/courses/${await newCourse()}/enrolments`, {
        personId: (await newFamily(t, w)).head,
      }),
  },
  {
    name: 'record attendance',
    permission: 'training:write',
    ok: 200,
    run: async (c) =>
      c.put(`/api/training/enrolments/${(await newEnrolment()).enrolment}/attendance`, {
        hoursAttended: 40,
        version: 1,
      }),
  },
  {
    name: 'complete',
    permission: 'training:write',
    ok: 200,
    run: async (c) => {
      const { enrolment } = await newEnrolment();
      await w.staff.put(`/api/training/enrolments/${enrolment}/attendance`, {
        hoursAttended: 40,
        version: 1,
      });
      return c.post(`/api/training/enrolments/${enrolment}/completion`, {
        completedOn: '2025-01-31',
        certificateKind: 'training_certificate',
        certificateNo: `JY${enrolment}`,
        certificateOn: '2025-02-05',
        version: 2,
      });
    },
  },
  {
    name: "a household's trainings",
    permission: 'training:read',
    ok: 200,
    run: async (c) => c.get(`/api/households/${(await newFamily(t, w)).id}/trainings`),
  },
  { name: 'figures', permission: 'employment:read', ok: 200, run: (c) => c.get('/api/employment/figures') },
  {
    name: 'figures workbook',
    permission: 'employment:read',
    ok: 200,
    run: (c) => c.get('/api/employment/figures.xlsx'),
  },
];

beforeAll(async () => {
  t = await testApp();
  w = await registryWorld(t);
  outsider = await signIn(t, ['community_staff'], [w.tree.otherCommunity]);
});
afterAll(() => t.close());

describe('who may call the training and figures endpoints', () => {
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

  it('answers 404 out of scope and lists none of another community', async () => {
    const { course: courseId, enrolment } = await newEnrolment();
    const family = await newFamily(t, w);
    const calls = [
      outsider.get(`/api/training/courses/${courseId}`),
      outsider.patch(`/api/training/courses/${courseId}`, { hours: 48, version: 1 }),
      outsider.post(`/api/training/courses/${courseId}/enrolments`, { personId: family.head }),
      outsider.put(`/api/training/enrolments/${enrolment}/attendance`, { hoursAttended: 1, version: 1 }),
      outsider.post(`/api/training/enrolments/${enrolment}/completion`, {
        completedOn: '2025-01-31',
        certificateKind: 'skill_level',
        certificateNo: 'X1',
        certificateOn: '2025-01-31',
        version: 1,
      }),
      outsider.get(`/api/households/${family.id}/trainings`),
    ];
    for (const res of await Promise.all(calls)) expect(res.statusCode, res.body).toBe(404);
    const list = (await outsider.get('/api/training/courses?pageSize=200')).json();
    expect(list.items.map((c: { id: string }) => c.id)).not.toContain(courseId);
  });

  it("shows a township's course to its communities' staff, who read it but keep only their own people", async () => {
    const township = await signIn(t, ['township_officer'], [w.tree.township]);
    const res = await course(township, w.tree.township);
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().id;
    const family = await newFamily(t, w);
    await enrolled(township, id, family.head);
    const seen = await outsider.get(`/api/training/courses/${id}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json()).toMatchObject({ mayKeep: false, enrolled: 1, enrolments: [] });
    const change = await outsider.patch(`/api/training/courses/${id}`, { hours: 48, version: 1 });
    expect(change.statusCode).toBe(403);
  });
});
