import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  makeTree,
  makeUser,
  signIn,
  TEST_PASSWORD,
  testApp,
  type Client,
  type TestApp,
  type Tree,
} from './harness.ts';

let t: TestApp;
let tree: Tree;
let c: Record<'staff' | 'sys' | 'sec' | 'auditor' | 'self', Client>;
let target: { id: number; username: string };
let building: string;
const tag = `bad${Date.now().toString(36)}`;
let seq = 0;
const fresh = () => `${tag}x${seq++}`;

type Who = keyof typeof c | 'anonymous';

/** Everything a refused request could have touched. */
async function state() {
  const actors = Object.values(c)
    .map((x) => x.userId)
    .join(',');
  const [row] = await t.database.query(
    `SELECT (SELECT count(*)::int FROM places WHERE path LIKE $1) AS places,
            (SELECT count(*)::int FROM users WHERE username LIKE $2) AS users,
            (SELECT row_to_json(u)::text FROM (SELECT version, roles, display_name, disabled, password_hash,
                    locked_until, must_change_password FROM users WHERE id = $3) u) AS target,
            (SELECT count(*)::int FROM user_scopes WHERE user_id = $3) AS scopes,
            (SELECT sum(version)::int FROM places WHERE path LIKE $1) AS versions,
            (SELECT count(*)::int FROM audit_log WHERE actor_id IN (${actors})) AS audited`,
    [`/${tree.province}/%`, `${tag}%`, target.id],
  );
  return row;
}

async function send(who: Who, opts: InjectOptions): Promise<LightMyRequestResponse> {
  return who === 'anonymous' ? t.app.inject(opts) : c[who].request(opts);
}

/** Sends a bad request and checks: a 4xx, the one error shape, the field named, nothing written. */
async function refused(who: Who, opts: InjectOptions, field: string, status = 400, orItem = false) {
  const before = await state();
  const res = await send(who, opts);
  expect(res.statusCode, res.body).toBe(status);
  const { error } = res.json();
  expect(Object.keys(error).sort()).toEqual(['code', 'details', 'message', 'requestId']);
  expect(typeof error.code).toBe('string');
  expect(typeof error.message).toBe('string');
  expect(error.requestId).toBe(res.headers['x-request-id']);
  const fields: string[] = error.details.map((d: { field: string }) => d.field);
  // an array may be named as a whole or by its bad item
  expect(
    fields.some((f) => f === field || (orItem && f.startsWith(`${field}.`))),
    `${field} in ${res.body}`,
  ).toBe(true);
  for (const d of error.details) expect(typeof d.reason).toBe('string');
  expect(await state()).toEqual(before);
  const rows = await t.database.query('SELECT 1 FROM audit_log WHERE request_id = $1', [error.requestId]);
  expect(rows).toEqual([]);
}

interface BodyEndpoint {
  name: string;
  who: Who;
  method: 'POST' | 'PATCH' | 'PUT';
  url: () => string;
  valid: () => Record<string, unknown>;
  required: string[];
  bad: Record<string, unknown[]>;
}

const long = (n: number) => '长'.repeat(n);
const NUL = 'a\u0000b';

const BODY_ENDPOINTS: BodyEndpoint[] = [
  {
    name: 'POST /api/auth/login',
    who: 'anonymous',
    method: 'POST',
    url: () => '/api/auth/login',
    valid: () => ({ username: 'someone', password: 'whatever' }),
    required: ['username', 'password'],
    bad: { username: [123, '', '   ', long(65), ['a'], NUL], password: [true, '', long(129), null] },
  },
  {
    name: 'POST /api/auth/password',
    who: 'self',
    method: 'POST',
    url: () => '/api/auth/password',
    valid: () => ({ currentPassword: TEST_PASSWORD, newPassword: 'New#Pass2026' }),
    required: ['currentPassword', 'newPassword'],
    bad: {
      currentPassword: [1, '', long(129)],
      newPassword: ['short1A', 'alllowercase', 'lowerand1234', long(129), 12345678],
    },
  },
  {
    name: 'POST /api/places',
    who: 'staff',
    method: 'POST',
    url: () => '/api/places',
    valid: () => ({ parentId: String(tree.grid), level: 'building', name: '新楼' }),
    required: ['parentId', 'level', 'name'],
    bad: {
      parentId: [5, 'abc', '-1', '0', '99999999999999999999', null],
      level: ['province', 'bogus', 7],
      code: ['has space', 'x'.repeat(33), '码', 5],
      name: ['', '   ', long(101), 42, NUL],
      attributes: ['text', [1, 2], { note: NUL }],
    },
  },
  {
    name: 'PATCH /api/places/:id',
    who: 'staff',
    method: 'PATCH',
    url: () => `/api/places/${building}`,
    valid: () => ({ name: '改名楼', version: 1 }),
    required: ['name', 'version'],
    bad: {
      name: ['', long(101), NUL],
      version: [0, -1, 1.5, '1', 1e10, 2 ** 31],
      attributes: ['x', { k: NUL }],
    },
  },
  {
    name: 'POST /api/users',
    who: 'sys',
    method: 'POST',
    url: () => '/api/users',
    valid: () => ({ username: fresh(), displayName: '新用户', password: 'Fresh#Pass2026' }),
    required: ['username', 'displayName', 'password'],
    bad: {
      username: ['AB', 'ab', `a${'b'.repeat(64)}`, '1abc', 'has space', 7],
      displayName: ['', long(65), false, NUL],
      password: ['short1A', 'alllowercase', 'ALLUPPER1234', long(129)],
    },
  },
  {
    name: 'PATCH /api/users/:id',
    who: 'sys',
    method: 'PATCH',
    url: () => `/api/users/${target.id}`,
    valid: () => ({ displayName: '改名', version: 1 }),
    required: ['version'],
    bad: { displayName: ['', long(65), 3, NUL], disabled: ['yes', 1], version: [0, '1', 1e10] },
  },
  {
    name: 'POST /api/users/:id/password',
    who: 'sys',
    method: 'POST',
    url: () => `/api/users/${target.id}/password`,
    valid: () => ({ password: 'Reset#Pass2026' }),
    required: ['password'],
    bad: { password: ['short1A', 'lowerand1234', long(129), 99] },
  },
  {
    name: 'PUT /api/users/:id/grants',
    who: 'sec',
    method: 'PUT',
    url: () => `/api/users/${target.id}/grants`,
    valid: () => ({ roles: ['grid_worker'], scopePlaceIds: [String(tree.grid)], version: 1 }),
    required: ['roles', 'scopePlaceIds', 'version'],
    bad: {
      roles: [
        'grid_worker',
        ['bogus'],
        ['grid_worker', 'resident', 'party_member', 'township_officer', 'enterprise_hr', 'social_org_staff'],
      ],
      scopePlaceIds: ['5', [5], ['abc'], ['-1'], Array.from({ length: 51 }, (_, i) => String(i + 1))],
      version: [0, 1e10],
    },
  },
];

beforeAll(async () => {
  t = await testApp();
  tree = await makeTree(t.database);
  c = {
    staff: await signIn(t, ['community_staff'], [tree.community]),
    sys: await signIn(t, ['system_admin']),
    sec: await signIn(t, ['security_admin']),
    auditor: await signIn(t, ['audit_admin']),
    self: await signIn(t, ['grid_worker'], [tree.grid]),
  };
  target = await makeUser(t.database, ['grid_worker'], [tree.grid], `${tag}target`);
  const res = await c.staff.post('/api/places', {
    parentId: String(tree.grid),
    level: 'building',
    name: '楼',
  });
  building = res.json().id;
});
afterAll(() => t.close());

describe.each(BODY_ENDPOINTS.map((e) => [e.name, e] as const))('%s', (_name, e) => {
  const req = (payload: unknown, headers: Record<string, string> = {}): InjectOptions => ({
    method: e.method,
    url: e.url(),
    payload: payload as InjectOptions['payload'],
    headers,
  });

  it('refuses malformed JSON, other content types, non-objects and oversized bodies', async () => {
    const json = { 'content-type': 'application/json' };
    await refused(e.who, req('{"name": "unterminated', json), 'body');
    await refused(e.who, req('', json), 'body');
    await refused(e.who, req(JSON.stringify(e.valid()), { 'content-type': 'text/plain' }), 'body');
    await refused(
      e.who,
      req('name=x', { 'content-type': 'application/x-www-form-urlencoded' }),
      'headers.content-type',
      415,
    );
    await refused(e.who, req(JSON.stringify([e.valid()]), json), 'body');
    await refused(e.who, req('null', json), 'body');
    await refused(e.who, req({ ...e.valid(), pad: 'x'.repeat(1024 * 1024) }), 'body', 413);
  });

  it('names every missing field', async () => {
    for (const field of e.required) {
      const body = e.valid();
      delete body[field];
      await refused(e.who, req(body), field);
    }
  });

  it.each(Object.entries(e.bad).flatMap(([field, values]) => values.map((v) => [field, v] as const)))(
    'refuses %s = %j',
    async (field, value) => {
      const where =
        typeof value === 'object' && value !== null && !Array.isArray(value)
          ? Object.keys(value)[0]
          : undefined;
      const expected = where ? `${field}.${where}` : field;
      await refused(e.who, req({ ...e.valid(), [field]: value }), expected, 400, Array.isArray(value));
    },
  );
});

const PATH_ROUTES: [Who, 'GET' | 'POST' | 'PATCH' | 'PUT', string, unknown?][] = [
  ['staff', 'GET', '/api/places/:id'],
  ['staff', 'GET', '/api/places/:id/children'],
  ['staff', 'PATCH', '/api/places/:id', { name: '楼', version: 1 }],
  ['sys', 'GET', '/api/users/:id'],
  ['sys', 'PATCH', '/api/users/:id', { displayName: 'x', version: 1 }],
  ['sys', 'POST', '/api/users/:id/password', { password: 'Reset#Pass2026' }],
  ['sec', 'PUT', '/api/users/:id/grants', { roles: [], scopePlaceIds: [], version: 1 }],
  ['sec', 'POST', '/api/users/:id/unlock'],
];
const BAD_IDS = ['abc', '-1', '0', '1.5', '1e3', '0x10', '99999999999999999999', '%20'];

describe.each(PATH_ROUTES)('%s %s %s with a bad id', (who, method, route, payload) => {
  it.each(BAD_IDS)('refuses id %s', async (id) => {
    await refused(
      who,
      { method, url: route.replace(':id', id), payload: payload as InjectOptions['payload'] },
      'params.id',
    );
  });
});

const QUERIES: [Who, string, Record<string, string>, string][] = [
  ['staff', '/api/places/search', {}, 'querystring.q'],
  ['staff', '/api/places/search', { q: '' }, 'querystring.q'],
  ['staff', '/api/places/search', { q: long(41) }, 'querystring.q'],
  ['staff', '/api/places/search', { q: NUL }, 'querystring.q'],
  ['staff', '/api/places/search', { q: 'a', levels: 'grid,bogus' }, 'querystring.levels.1'],
  ['staff', '/api/places/search', { q: 'a', limit: '0' }, 'querystring.limit'],
  ['staff', '/api/places/search', { q: 'a', limit: '51' }, 'querystring.limit'],
  ['staff', '/api/places/search', { q: 'a', under: 'abc' }, 'querystring.under'],
  ['staff', '/api/places/:grid/children', { page: '0' }, 'querystring.page'],
  ['staff', '/api/places/:grid/children', { page: '-1' }, 'querystring.page'],
  ['staff', '/api/places/:grid/children', { page: 'abc' }, 'querystring.page'],
  ['staff', '/api/places/:grid/children', { pageSize: '10000' }, 'querystring.pageSize'],
  ['staff', '/api/places/:grid/children', { page: '1e309' }, 'querystring.page'],
  ['sys', '/api/users', { page: '0' }, 'querystring.page'],
  ['sys', '/api/users', { pageSize: '10000' }, 'querystring.pageSize'],
  ['sys', '/api/users', { role: 'bogus' }, 'querystring.role'],
  ['sys', '/api/users', { q: long(65) }, 'querystring.q'],
  ['sys', '/api/users', { q: NUL }, 'querystring.q'],
  ['auditor', '/api/audit', { page: '0' }, 'querystring.page'],
  ['auditor', '/api/audit', { pageSize: '10000' }, 'querystring.pageSize'],
  ['auditor', '/api/audit', { result: 'bogus' }, 'querystring.result'],
  ['auditor', '/api/audit', { from: '2024-13-01' }, 'querystring.from'],
  ['auditor', '/api/audit', { from: 'yesterday' }, 'querystring.from'],
  ['auditor', '/api/audit', { to: '2024-02-30' }, 'querystring.to'],
  ['auditor', '/api/audit', { from: '2024-01-01T25:00:00Z' }, 'querystring.from'],
  ['auditor', '/api/audit', { to: '1700000000' }, 'querystring.to'],
  ['auditor', '/api/audit', { actor: long(65) }, 'querystring.actor'],
  ['auditor', '/api/audit', { actor: NUL }, 'querystring.actor'],
  ['auditor', '/api/audit', { action: NUL }, 'querystring.action'],
  ['auditor', '/api/audit/export', { format: 'pdf' }, 'querystring.format'],
  ['auditor', '/api/audit/export', { from: '2024-02-30' }, 'querystring.from'],
];

describe('query parameters', () => {
  it.each(QUERIES)('%s GET %s %j → field %s', async (who, path, query, field) => {
    await refused(who, { method: 'GET', url: path.replace(':grid', String(tree.grid)), query }, field);
  });
});

describe('rules checked by the services', () => {
  it('a level that does not fit its parent, admin roles mixed, scopes missing or unknown', async () => {
    await refused(
      'staff',
      {
        method: 'POST',
        url: '/api/places',
        payload: { parentId: String(tree.grid), level: 'dwelling', name: '101' },
      },
      'level',
    );
    const grant = (payload: unknown) => ({
      method: 'PUT' as const,
      url: `/api/users/${target.id}/grants`,
      payload: payload as InjectOptions['payload'],
    });
    await refused(
      'sec',
      grant({ roles: ['system_admin', 'grid_worker'], scopePlaceIds: [String(tree.grid)], version: 1 }),
      'roles',
    );
    await refused('sec', grant({ roles: ['grid_worker'], scopePlaceIds: [], version: 1 }), 'scopePlaceIds');
    await refused(
      'sec',
      grant({ roles: ['grid_worker'], scopePlaceIds: ['987654321098765'], version: 1 }),
      'scopePlaceIds',
    );
  });

  it('an over-long forwarded address does not break login, and the audit row stays within its column', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'x-forwarded-for': 'z'.repeat(200) },
      payload: { username: `${tag}nobody`, password: 'x' },
    });
    expect(res.statusCode).toBe(401);
    const [row] = await t.database.query<{ ip: string }>('SELECT ip FROM audit_log WHERE request_id = $1', [
      res.json().error.requestId,
    ]);
    expect(row.ip.length).toBeLessThanOrEqual(64);
  });
});
