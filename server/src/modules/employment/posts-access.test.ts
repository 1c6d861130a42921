import { randomInt } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_ROLES, can, ROLES, type Permission, type Role } from '@anju/contracts';
import { addPlace, errorCode, signIn, testApp, type Client, type TestApp } from '../../../test/harness.ts';
import { family, registryWorld, type RegistryWorld } from '../registry/registry.fixture.ts';

let t: TestApp;
let w: RegistryWorld;

/** What one call needs, made fresh by the community's staff. */
interface Call {
  name: string;
  permission: Permission;
  ok: number;
  run(c: Client): Promise<LightMyRequestResponse>;
}

const post = (c: Client) =>
  c.post('/api/employment/posts', {
    placeId: String(w.tree.community),
    postType: 'security',
    title: `治安巡逻${randomInt(1e6)}`,
    termStart: '2025-01-01',
    termEnd: '2030-12-31',
    monthlySubsidy: 1000,
  });
const newPost = async () => (await post(w.staff)).json() as { id: string; version: number };
const newPerson = async () => {
  const dwelling = await addPlace(t.database, w.tree.building, 'dwelling', `${randomInt(1e6)}`);
  return ((await family(w, dwelling)).members[0] as { id: string }).id;
};
const newHolding = async () => {
  const p = await newPost();
  const res = await w.staff.post(`/api/employment/posts/${p.id}/holder`, {
    personId: await newPerson(),
    startOn: '2026-01-01',
    version: p.version,
  });
  return { post: p.id, holding: res.json().holder.id as string };
};

const CALLS: Call[] = [
  { name: 'list posts', permission: 'employment:read', ok: 200, run: (c) => c.get('/api/employment/posts') },
  {
    name: 'post types',
    permission: 'employment:read',
    ok: 200,
    run: (c) => c.get('/api/employment/posts/types'),
  },
  { name: 'open a post', permission: 'employment:write', ok: 201, run: (c) => post(c) },
  {
    name: 'read a post',
    permission: 'employment:read',
    ok: 200,
    run: async (c) => c.get(`/api/employment/posts/${(await newPost()).id}`),
  },
  {
    name: 'change a post',
    permission: 'employment:write',
    ok: 200,
    run: async (c) =>
      c.patch(`/api/employment/posts/${(await newPost()).id}`, { monthlySubsidy: 1100, version: 1 }),
  },
  {
    name: 'assign a holder',
    permission: 'employment:write',
    ok: 200,
    run: async (c) => {
      const p = await newPost();
      return c.post(`/api/employment/posts/${p.id}/holder`, {
        personId: await newPerson(),
        startOn: '2026-01-01',
        version: p.version,
      });
    },
  },
  {
    name: "a month's attendance",
    permission: 'employment:read',
    ok: 200,
    run: async (c) => c.get(`/api/employment/posts/${(await newHolding()).post}/attendance?month=2026-02`),
  },
  {
    name: 'enter attendance',
    permission: 'employment:write',
    ok: 200,
    run: async (c) =>
      c.put(`/api/employment/post-holdings/${(await newHolding()).holding}/attendance`, {
        month: '2026-02',
        daysWorked: 20,
      }),
  },
  {
    name: 'end a holding',
    permission: 'employment:write',
    ok: 200,
    run: async (c) =>
      c.post(`/api/employment/post-holdings/${(await newHolding()).holding}/end`, {
        endOn: '2026-03-31',
        reason: 'resigned',
        version: 1,
      }),
  },
  {
    name: 'payroll',
    permission: 'employment:read',
    ok: 200,
    run: (c) => c.get('/api/employment/posts/payroll?month=2026-02'),
  },
  {
    name: 'payroll workbook',
    permission: 'employment:read',
    ok: 200,
    run: (c) => c.get('/api/employment/posts/payroll.xlsx?month=2026-02'),
  },
];

beforeAll(async () => {
  t = await testApp();
  w = await registryWorld(t);
});
afterAll(() => t.close());

describe('who may call the public-welfare post endpoints', () => {
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

  it('answers 401 signed out', async () => {
    for (const url of ['/api/employment/posts', '/api/employment/posts/payroll.xlsx?month=2026-02']) {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.statusCode).toBe(401);
    }
  });
});
