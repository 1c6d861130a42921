import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_ROLES, can, ROLES, type Permission, type Role } from '@anju/contracts';
import { addPlace, errorCode, signIn, testApp, type Client, type TestApp } from './harness.ts';
import { family, registryWorld, type RegistryWorld } from '../src/modules/registry/registry.fixture.ts';

let t: TestApp;
let w: RegistryWorld;
let householdId: string;
let visitId: string;
let photoId: string;
let rooms = 0;

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
const version = async (id: number | string) =>
  (await t.database.query<{ version: number }>('SELECT version FROM places WHERE id = $1', [id]))[0].version;
const freshGrid = () => addPlace(t.database, w.tree.community, 'grid', '权限网格');
const freshDwelling = () => addPlace(t.database, w.tree.building, 'dwelling', `${700 + ++rooms}室`);
const orgOn = async (placeId: number) =>
  (await w.staff.post('/api/party/orgs', { placeId: String(placeId), name: '组织' })).json().id as string;

function photo(c: Client, id: string) {
  const boundary = 'anjuboundary';
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\n\r\n`),
    PNG,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return c.request({
    method: 'POST',
    url: `/api/visits/${id}/photos`,
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload,
  });
}

interface Endpoint {
  name: string;
  permission: Permission;
  call(c: Client): Promise<{ statusCode: number; body: string }>;
}

const community = () => `/api/communities/${w.tree.community}`;

/** Every grid, party and visit endpoint, each call on fresh records so allowed writes succeed. */
const ENDPOINTS: Endpoint[] = [
  { name: 'GET grids', permission: 'grid:read', call: (c) => c.get(`${community()}/grids`) },
  {
    name: 'POST grids',
    permission: 'grid:write',
    call: (c) => c.post(`${community()}/grids`, { name: '新网格' }),
  },
  { name: 'GET grid-workers', permission: 'grid:write', call: (c) => c.get(`${community()}/grid-workers`) },
  { name: 'GET grid', permission: 'grid:read', call: (c) => c.get(`/api/grids/${w.tree.grid}`) },
  {
    name: 'PUT boundary',
    permission: 'grid:write',
    call: async (c) => {
      const g = await freshGrid();
      const ring = [
        [100, 27],
        [100.1, 27],
        [100.1, 27.1],
        [100, 27],
      ];
      return c.put(`/api/grids/${g}/boundary`, {
        boundary: { type: 'Polygon', coordinates: [ring] },
        version: 1,
      });
    },
  },
  {
    name: 'PUT workers',
    permission: 'grid:write',
    call: async (c) => c.put(`/api/grids/${await freshGrid()}/workers`, { userIds: [], version: 1 }),
  },
  {
    name: 'POST regrid',
    permission: 'grid:write',
    call: async (c) => {
      const [from, to] = [await freshGrid(), await freshGrid()];
      const b = await addPlace(t.database, from, 'building', '楼');
      return c.post(`/api/grids/${from}/regrid`, {
        toGridId: String(to),
        buildingIds: [String(b)],
        version: await version(from),
        toVersion: await version(to),
      });
    },
  },
  { name: 'GET party levels', permission: 'party:read', call: (c) => c.get('/api/party/levels') },
  { name: 'GET party', permission: 'party:read', call: (c) => c.get(`${community()}/party`) },
  { name: 'GET care', permission: 'party:read', call: (c) => c.get(`${community()}/care`) },
  {
    name: 'POST org',
    permission: 'party:write',
    call: async (c) => c.post('/api/party/orgs', { placeId: String(await freshGrid()), name: '支部' }),
  },
  {
    name: 'PUT members',
    permission: 'party:write',
    call: async (c) => c.put(`/api/party/orgs/${await orgOn(await freshGrid())}/members`, { personIds: [] }),
  },
  {
    name: 'PUT links',
    permission: 'party:write',
    call: async (c) =>
      c.put(`/api/party/orgs/${await orgOn(await freshDwelling())}/links`, { householdIds: [] }),
  },
  { name: 'GET visits', permission: 'visit:read', call: (c) => c.get('/api/visits') },
  { name: 'GET visit', permission: 'visit:read', call: (c) => c.get(`/api/visits/${visitId}`) },
  {
    name: 'GET coverage',
    permission: 'visit:read',
    call: (c) => c.get(`/api/visits/coverage?communityId=${w.tree.community}&from=2025-01-01&to=2025-06-30`),
  },
  {
    name: 'POST visit',
    permission: 'visit:write',
    call: (c) => c.post('/api/visits', { householdId, visitedOn: '2025-05-01', kind: 'routine' }),
  },
  { name: 'POST photo', permission: 'visit:write', call: (c) => photo(c, visitId) },
  { name: 'GET photo', permission: 'visit:read', call: (c) => c.get(`/api/visit-photos/${photoId}`) },
];

beforeAll(async () => {
  t = await testApp();
  w = await registryWorld(t);
  householdId = (await family(w)).id;
  await orgOn(w.tree.community);
  await orgOn(w.tree.grid);
  await orgOn(w.tree.building);
  const worker = await signedInAs('grid_worker');
  visitId = (
    await worker.post('/api/visits', { householdId, visitedOn: '2025-04-01', kind: 'routine' })
  ).json().id;
  photoId = (await photo(worker, visitId)).json().id;
});
afterAll(() => t.close());

/** Non-administrators are scoped to the community; a grid worker also works in its grid. */
async function signedInAs(role: Role) {
  const c = await signIn(t, [role], ADMIN_ROLES.includes(role) ? [] : [w.tree.community]);
  if (role === 'grid_worker')
    await t.database.query('INSERT INTO grid_workers (grid_id, user_id) VALUES ($1, $2)', [
      w.tree.grid,
      c.userId,
    ]);
  return c;
}

describe('grid, party and visit access by role, from ROLE_PERMISSIONS', () => {
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

  it('answers 404 out of scope, revealing nothing', async () => {
    const stranger = await signIn(t, ['community_staff', 'party_secretary'], [w.tree.otherCommunity]);
    for (const url of [
      `${community()}/grids`,
      `/api/grids/${w.tree.grid}`,
      `${community()}/party`,
      `${community()}/care`,
      `/api/visits/${visitId}`,
      `/api/visit-photos/${photoId}`,
    ]) {
      const res = await stranger.get(url);
      expect(res.statusCode, url).toBe(404);
      expect(errorCode(res)).toBe('not_found');
    }
    const put = await stranger.put(`/api/grids/${w.tree.grid}/workers`, { userIds: [], version: 1 });
    expect(put.statusCode).toBe(404);
  });

  it('refuses everything when signed out', async () => {
    for (const url of [`${community()}/grids`, '/api/party/levels', '/api/visits']) {
      expect((await t.app.inject({ method: 'GET', url })).statusCode, url).toBe(401);
    }
  });
});
