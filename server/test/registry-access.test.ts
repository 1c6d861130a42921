import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_ROLES, can, ROLES, type Permission, type Role } from '@anju/contracts';
import { addPlace, errorCode, signIn, testApp, type Client, type TestApp } from './harness.ts';
import {
  family,
  member,
  registryWorld,
  type RegistryWorld,
} from '../src/modules/registry/registry.fixture.ts';

let t: TestApp;
let w: RegistryWorld;
beforeAll(async () => {
  t = await testApp();
  w = await registryWorld(t);
});
afterAll(() => t.close());

interface Endpoint {
  name: string;
  permission: Permission;
  call(c: Client): Promise<{ statusCode: number; body: string }>;
}

/** Every registry endpoint, each call on fresh records so allowed writes succeed. */
const ENDPOINTS: Endpoint[] = [
  { name: 'GET /api/households', permission: 'person:read', call: (c) => c.get('/api/households') },
  {
    name: 'GET /api/households/:id',
    permission: 'person:read',
    call: async (c) => c.get(`/api/households/${(await family(w, await dwelling())).id}`),
  },
  {
    name: 'POST /api/households',
    permission: 'person:write',
    call: async (c) =>
      c.post('/api/households', {
        dwellingId: String(await dwelling()),
        resettlementType: 'dispersed',
        povertyStatus: 'ordinary',
        members: [member(w)],
      }),
  },
  {
    name: 'PATCH /api/households/:id',
    permission: 'person:write',
    call: async (c) =>
      c.patch(`/api/households/${(await family(w, await dwelling())).id}`, {
        povertyStatus: 'monitored',
        version: 1,
      }),
  },
  {
    name: 'POST /api/households/:id/events',
    permission: 'person:write',
    call: async (c) => {
      const h = await family(w, await dwelling());
      return c.post(`/api/households/${h.id}/events`, {
        event: 'marriage',
        date: '2026-01-01',
        personId: h.members[2].id,
        version: 1,
      });
    },
  },
  {
    name: 'GET /api/households/:id/history',
    permission: 'person:read',
    call: async (c) => c.get(`/api/households/${(await family(w, await dwelling())).id}/history`),
  },
  { name: 'GET /api/persons', permission: 'person:read', call: (c) => c.get('/api/persons') },
  {
    name: 'POST /api/persons/search by ID number',
    permission: 'person:find_id',
    call: (c) => c.post('/api/persons/search', { idNumber: member(w).idNumber }),
  },
  {
    name: 'POST /api/persons/search by phone',
    permission: 'person:find_phone',
    call: (c) => c.post('/api/persons/search', { phone: '13812345678' }),
  },
  {
    name: 'GET /api/persons/export',
    permission: 'person:export',
    call: (c) => c.get('/api/persons/export?format=csv'),
  },
  {
    name: 'GET /api/persons/:id',
    permission: 'person:read',
    call: async (c) => c.get(`/api/persons/${await head()}`),
  },
  {
    name: 'PATCH /api/persons/:id',
    permission: 'person:write',
    call: async (c) => c.patch(`/api/persons/${await head()}`, { education: 'primary', version: 1 }),
  },
  {
    name: 'POST /api/persons/:id/reveal',
    permission: 'person:reveal',
    call: async (c) => c.post(`/api/persons/${await head()}/reveal`, { field: 'idNumber' }),
  },
  {
    name: 'GET /api/persons/:id/history',
    permission: 'person:read',
    call: async (c) => c.get(`/api/persons/${await head()}/history`),
  },
  {
    name: 'GET /api/persons/:id/duties',
    permission: 'person:read',
    call: async (c) => c.get(`/api/persons/${await head()}/duties`),
  },
  {
    name: 'PUT /api/persons/:id/duties',
    permission: 'person:write',
    call: async (c) => c.put(`/api/persons/${await head()}/duties`, [{ duty: 'visit', side: 'residence' }]),
  },
];

let rooms = 0;
const dwelling = () => addPlace(t.database, w.tree.building, 'dwelling', `${300 + ++rooms}室`);
const head = async () => (await family(w, await dwelling())).members[0].id as string;

const signedInAs = (role: Role) => signIn(t, [role], ADMIN_ROLES.includes(role) ? [] : [w.tree.community]);

describe('registry access by role, from ROLE_PERMISSIONS', () => {
  for (const role of ROLES) {
    it(`${role}`, async () => {
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

  it('refuses every registry endpoint when signed out', async () => {
    for (const url of [
      '/api/households',
      '/api/persons',
      '/api/persons/export',
      '/api/households/1',
      '/api/persons/1',
    ]) {
      expect((await t.app.inject({ method: 'GET', url })).statusCode, url).toBe(401);
    }
  });
});
