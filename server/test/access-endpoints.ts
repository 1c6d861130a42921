import { randomInt } from 'node:crypto';
import type { InjectOptions } from 'fastify';
import type { Permission } from '@anju/contracts';
import { versionOf } from '../src/modules/open311/attributes.ts';
import { TEST_PASSWORD, type Tree } from './harness.ts';

/**
 * What one call needs: the tree, a user to act on, a building to rename, a name no one has yet, someone
 * to sign in as, the party levels as they stand (set again unchanged).
 */
export interface Fx {
  tree: Tree;
  target: { id: number; username: string };
  building: number;
  gridCode: string;
  newUsername: string;
  signer: string;
  partyLevels: { placeLevel: string; labelZh: string; labelEn: string }[];
}

export type Access = 'public' | 'signed-in' | Permission;

export interface Endpoint {
  /** Method and route as Fastify knows it. */
  route: string;
  access: Access;
  ok: number;
  /** The call closes the caller's session, so it gets a session of its own. */
  endsSession?: boolean;
  /** The call is for a scope over a whole province, so the caller is scoped to the province. */
  wholeProvince?: boolean;
  /** The audit rows a successful write leaves, when not one. */
  audits?: number;
  req(fx: Fx): InjectOptions;
}

export const unique = () => `${Date.now().toString(36)}${randomInt(1e9).toString(36)}`;

/**
 * Every route of the core modules (health, auth, places, users, audit), and the party level setting
 * (a permission of its own), who may call it and how.
 */
export const ENDPOINTS: Endpoint[] = [
  { route: 'GET /api/health', access: 'public', ok: 200, req: () => ({ method: 'GET', url: '/api/health' }) },
  {
    route: 'GET /api/health/live',
    access: 'public',
    ok: 200,
    req: () => ({ method: 'GET', url: '/api/health/live' }),
  },
  {
    route: 'GET /api/openapi.json',
    access: 'public',
    ok: 200,
    req: () => ({ method: 'GET', url: '/api/openapi.json' }),
  },
  { route: 'GET /metrics', access: 'public', ok: 200, req: () => ({ method: 'GET', url: '/metrics' }) },
  {
    route: 'POST /api/auth/login',
    access: 'public',
    ok: 200,
    req: (fx) => ({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: fx.signer, password: TEST_PASSWORD },
    }),
  },
  {
    route: 'GET /api/auth/me',
    access: 'signed-in',
    ok: 200,
    req: () => ({ method: 'GET', url: '/api/auth/me' }),
  },
  {
    route: 'POST /api/auth/logout',
    access: 'signed-in',
    ok: 200,
    endsSession: true,
    req: () => ({ method: 'POST', url: '/api/auth/logout' }),
  },
  {
    route: 'POST /api/auth/password',
    access: 'signed-in',
    ok: 200,
    endsSession: true,
    req: () => ({
      method: 'POST',
      url: '/api/auth/password',
      payload: { currentPassword: TEST_PASSWORD, newPassword: 'Other#Pass2026' },
    }),
  },
  {
    route: 'GET /api/places/roots',
    access: 'place:read',
    ok: 200,
    req: () => ({ method: 'GET', url: '/api/places/roots' }),
  },
  {
    route: 'GET /api/places/search',
    access: 'place:read',
    ok: 200,
    req: (fx) => ({
      method: 'GET',
      url: '/api/places/search',
      query: { q: '靖安', under: String(fx.tree.community) },
    }),
  },
  {
    route: 'GET /api/places/:id',
    access: 'place:read',
    ok: 200,
    req: (fx) => ({ method: 'GET', url: `/api/places/${fx.tree.grid}` }),
  },
  {
    route: 'GET /api/places/:id/children',
    access: 'place:read',
    ok: 200,
    req: (fx) => ({ method: 'GET', url: `/api/places/${fx.tree.grid}/children` }),
  },
  {
    route: 'POST /api/places',
    access: 'place:write',
    ok: 201,
    req: (fx) => ({
      method: 'POST',
      url: '/api/places',
      payload: { parentId: String(fx.tree.grid), level: 'building', name: `楼${unique()}` },
    }),
  },
  {
    route: 'PATCH /api/places/:id',
    access: 'place:write',
    ok: 200,
    req: (fx) => ({
      method: 'PATCH',
      url: `/api/places/${fx.building}`,
      payload: { name: `改名${unique()}`, version: 1 },
    }),
  },
  {
    route: 'PUT /api/places/:id/point',
    access: 'place:write',
    ok: 200,
    req: (fx) => ({
      method: 'PUT',
      url: `/api/places/${fx.building}/point`,
      payload: { point: { lng: 104.1, lat: 26.2 }, version: 1 },
    }),
  },
  {
    route: 'GET /api/users',
    access: 'user:read',
    ok: 200,
    req: (fx) => ({ method: 'GET', url: '/api/users', query: { q: fx.target.username } }),
  },
  {
    route: 'POST /api/users/import',
    access: 'user:grant',
    ok: 200,
    // the import, and the account it creates
    audits: 2,
    req: (fx) => {
      const boundary = `----anju${unique()}`;
      const csv = `用户名,姓名,角色,负责地区编码\r\n${fx.newUsername},新网格员,grid_worker,${fx.gridCode}\r\n`;
      return {
        method: 'POST',
        url: '/api/users/import?commit=true',
        headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
        payload:
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="accounts.csv"\r\n` +
          `Content-Type: text/csv\r\n\r\n${csv}\r\n--${boundary}--\r\n`,
      };
    },
  },
  {
    route: 'GET /api/users/:id',
    access: 'user:read',
    ok: 200,
    req: (fx) => ({ method: 'GET', url: `/api/users/${fx.target.id}` }),
  },
  {
    route: 'POST /api/users',
    access: 'user:write',
    ok: 201,
    req: (fx) => ({
      method: 'POST',
      url: '/api/users',
      payload: { username: fx.newUsername, displayName: '新用户', password: 'Fresh#Pass2026' },
    }),
  },
  {
    route: 'PATCH /api/users/:id',
    access: 'user:write',
    ok: 200,
    req: (fx) => ({
      method: 'PATCH',
      url: `/api/users/${fx.target.id}`,
      payload: { displayName: '改名', disabled: true, version: 1 },
    }),
  },
  {
    route: 'POST /api/users/:id/password',
    access: 'user:write',
    ok: 200,
    req: (fx) => ({
      method: 'POST',
      url: `/api/users/${fx.target.id}/password`,
      payload: { password: 'Reset#Pass2026' },
    }),
  },
  {
    route: 'PUT /api/users/:id/grants',
    access: 'user:grant',
    ok: 200,
    req: (fx) => ({
      method: 'PUT',
      url: `/api/users/${fx.target.id}/grants`,
      payload: { roles: ['township_officer'], scopePlaceIds: [String(fx.tree.township)], version: 1 },
    }),
  },
  {
    route: 'POST /api/users/:id/unlock',
    access: 'user:grant',
    ok: 200,
    req: (fx) => ({ method: 'POST', url: `/api/users/${fx.target.id}/unlock` }),
  },
  {
    route: 'GET /api/audit',
    access: 'audit:read',
    ok: 200,
    req: () => ({ method: 'GET', url: '/api/audit', query: { result: 'denied' } }),
  },
  {
    route: 'GET /api/audit/export',
    access: 'audit:export',
    ok: 200,
    req: (fx) => ({
      method: 'GET',
      url: '/api/audit/export',
      query: { format: 'csv', actor: fx.target.username },
    }),
  },
  {
    route: 'PUT /api/party/levels',
    access: 'party:levels',
    ok: 200,
    wholeProvince: true,
    req: (fx) => ({ method: 'PUT', url: '/api/party/levels', payload: { levels: fx.partyLevels } }),
  },
  {
    route: 'GET /api/open311/services',
    access: 'open311:manage',
    ok: 200,
    req: () => ({ method: 'GET', url: '/api/open311/services' }),
  },
  {
    route: 'GET /api/open311/services/:code',
    access: 'open311:manage',
    ok: 200,
    req: () => ({ method: 'GET', url: '/api/open311/services/other' }),
  },
  {
    // 'other' asks nothing: set again to nothing, at the version of no attributes
    route: 'PUT /api/open311/services/:code/attributes',
    access: 'open311:manage',
    ok: 200,
    // a region's questions are set by an official of a province, city or county
    wholeProvince: true,
    req: () => ({
      method: 'PUT',
      url: '/api/open311/services/other/attributes',
      payload: { attributes: [], version: versionOf([]) },
    }),
  },
];
