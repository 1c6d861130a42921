import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_ROLES, can, ROLES, type Permission, type Role } from '@anju/contracts';
import { ENDPOINTS, unique, type Access, type Fx } from './access-endpoints.ts';
import {
  errorCode,
  login,
  makeTree,
  makeUser,
  signIn,
  testApp,
  type Client,
  type TestApp,
  type Tree,
} from './harness.ts';

let t: TestApp;
let tree: Tree;
let staff: Client;
let signer: { username: string };

/** Non-admin roles act within the first community of the tree; administrators are not scoped. */
const scopeOf = (role: Role, place = tree.community) => (ADMIN_ROLES.includes(role) ? [] : [place]);
const clients = new Map<Role, Promise<Client>>();
const clientOf = (role: Role) => {
  if (!clients.has(role)) clients.set(role, signIn(t, [role], scopeOf(role)));
  return clients.get(role)!;
};

async function fixture(): Promise<Fx> {
  const target = await makeUser(t.database, ['grid_worker'], [tree.grid]);
  await t.database.query(
    `UPDATE users SET locked_until = now() + interval '10 minutes', failed_logins = 0 WHERE id = $1`,
    [target.id],
  );
  const res = await staff.post('/api/places', {
    parentId: String(tree.grid),
    level: 'building',
    name: `楼${unique()}`,
  });
  expect(res.statusCode).toBe(201);
  const partyLevels = await t.database.query<Fx['partyLevels'][number]>(
    `SELECT place_level AS "placeLevel", label_zh AS "labelZh", label_en AS "labelEn"
       FROM party_levels ORDER BY depth`,
  );
  return {
    tree,
    target,
    building: Number(res.json().id),
    gridCode: (
      await t.database.query<{ code: string }>('SELECT code FROM places WHERE id = $1', [tree.grid])
    )[0].code,
    newUsername: `n${unique()}`,
    signer: signer.username,
    partyLevels,
  };
}

/** Everything a refused call could have written: places in the tree, audit rows by the caller, the target account. */
async function written(actorId: number, fx: Fx) {
  const [row] = await t.database.query<{ audited: number } & Record<string, unknown>>(
    `SELECT (SELECT count(*)::int FROM places WHERE path LIKE $1) AS places,
            (SELECT count(*)::int FROM audit_log WHERE actor_id = $2) AS audited,
            (SELECT count(*)::int FROM users WHERE username = $3) AS created,
            (SELECT row_to_json(u)::text FROM (SELECT version, roles, display_name, disabled, password_hash,
                    locked_until, must_change_password FROM users WHERE id = $4) u) AS target,
            (SELECT count(*)::int FROM user_scopes WHERE user_id = $4) AS scopes,
            (SELECT count(*)::int FROM sessions WHERE user_id = $4) AS sessions,
            (SELECT version FROM places WHERE id = $5) AS building`,
    [`/${tree.province}/%`, actorId, fx.newUsername, fx.target.id, fx.building],
  );
  return row;
}

const allowed = (role: Role, access: Access) =>
  access === 'public' || access === 'signed-in' || can([role], access);

beforeAll(async () => {
  t = await testApp();
  tree = await makeTree(t.database);
  staff = await signIn(t, ['community_staff'], [tree.community]);
  signer = await makeUser(t.database, ['resident'], [tree.dwelling]);
});
afterAll(() => t.close());

describe('route table', () => {
  it('lists every route of the core modules, and each one exists', async () => {
    const spec = t.app.swagger() as { paths: Record<string, Record<string, unknown>> };
    const served = Object.entries(spec.paths)
      .flatMap(([path, ops]) =>
        Object.keys(ops).map((m) => `${m.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`),
      )
      .filter((r) => /^\w+ \/api\/(health|auth|places|users|audit)(\/|$)/.test(r));
    const listed = ENDPOINTS.map((e) => e.route);
    expect(served.filter((r) => !listed.includes(r))).toEqual([]);
    for (const e of ENDPOINTS) {
      const [method, url] = e.route.split(' ');
      expect(t.app.hasRoute({ method: method as 'GET', url }), e.route).toBe(true);
    }
  });
});

describe('signed out', () => {
  const guarded = ENDPOINTS.filter((e) => e.access !== 'public');

  it.each(guarded.map((e) => [e.route, e] as const))(
    '%s → 401 unauthenticated, nothing written',
    async (_r, e) => {
      const fx = await fixture();
      const before = await written(0, fx);
      const res = await t.app.inject(e.req(fx));
      expect(res.statusCode).toBe(401);
      expect(errorCode(res)).toBe('unauthenticated');
      expect(await written(0, fx)).toEqual(before);
    },
  );

  it.each(guarded.map((e) => [e.route, e] as const))(
    '%s with an unknown session → 401 session_expired',
    async (_r, e) => {
      const fx = await fixture();
      const res = await t.app.inject({
        ...e.req(fx),
        headers: { ...e.req(fx).headers, cookie: `anju_sid=${unique()}`, 'x-csrf-token': 'x' },
      });
      expect(res.statusCode).toBe(401);
      expect(errorCode(res)).toBe('session_expired');
    },
  );

  it.each(ENDPOINTS.filter((e) => e.access === 'public').map((e) => [e.route, e] as const))(
    '%s is public',
    async (_r, e) => {
      expect((await t.app.inject(e.req(await fixture()))).statusCode).toBe(e.ok);
    },
  );
});

const CASES = ROLES.flatMap((role) =>
  ENDPOINTS.filter((e) => e.access !== 'public').map(
    (e) => [role, e.route, allowed(role, e.access) ? 'allowed' : 'forbidden', e] as const,
  ),
);

describe('every role × every endpoint, from ROLE_PERMISSIONS', () => {
  it.each(CASES)('%s %s → %s', async (role, _route, verdict, e) => {
    const fx = await fixture();
    const client = e.wholeProvince
      ? await signIn(t, [role], scopeOf(role, tree.province))
      : e.endsSession
        ? await signIn(t, [role], scopeOf(role))
        : await clientOf(role);
    const before = await written(client.userId, fx);
    const res: LightMyRequestResponse = await client.request(e.req(fx));
    if (verdict === 'forbidden') {
      expect(res.statusCode, res.body).toBe(403);
      expect(errorCode(res)).toBe('forbidden');
      expect(await written(client.userId, fx)).toEqual(before);
      return;
    }
    expect(res.statusCode, res.body).toBe(e.ok);
    const after = await written(client.userId, fx);
    // every write, and the export, leaves an audit row naming the caller
    if (e.req(fx).method !== 'GET' || e.access === 'audit:export')
      expect(after.audited).toBe(before.audited + (e.audits ?? 1));
    else expect(after.audited).toBe(before.audited);
  });
});

describe('three separated administrators (三员分立)', () => {
  const act = async (role: Role, e: string) =>
    (await clientOf(role)).request(ENDPOINTS.find((x) => x.route === e)!.req(await fixture()));

  it('audit_admin reads and exports the log but cannot manage or grant accounts', async () => {
    expect((await act('audit_admin', 'GET /api/audit')).statusCode).toBe(200);
    for (const e of [
      'GET /api/users',
      'POST /api/users',
      'PATCH /api/users/:id',
      'PUT /api/users/:id/grants',
      'GET /api/places/roots',
    ]) {
      expect(errorCode(await act('audit_admin', e)), e).toBe('forbidden');
    }
  });

  it('system_admin manages accounts but cannot read the log nor grant roles', async () => {
    expect((await act('system_admin', 'POST /api/users')).statusCode).toBe(201);
    for (const e of [
      'GET /api/audit',
      'GET /api/audit/export',
      'PUT /api/users/:id/grants',
      'POST /api/users/:id/unlock',
    ]) {
      expect(errorCode(await act('system_admin', e)), e).toBe('forbidden');
    }
  });

  it('security_admin grants roles but cannot create accounts, reset a business account nor read the log', async () => {
    expect((await act('security_admin', 'PUT /api/users/:id/grants')).statusCode).toBe(200);
    for (const e of [
      'POST /api/users',
      'PATCH /api/users/:id',
      'POST /api/users/:id/password',
      'GET /api/audit',
    ]) {
      expect(errorCode(await act('security_admin', e)), e).toBe('forbidden');
    }
  });

  it('no administrator holds a permission on personal data, and none holds another one’s duty', async () => {
    // exactly these: a personal-data permission given to an administrator shows up here
    const duties: Record<string, Permission[]> = {
      system_admin: ['place:read', 'place:write', 'user:read', 'user:write'],
      // user:admins: resets and disabling of the guarded accounts (administrators, county admins)
      security_admin: ['place:read', 'user:read', 'user:admins', 'user:grant', 'security:policy'],
      audit_admin: ['audit:read', 'audit:export'],
    };
    for (const role of ADMIN_ROLES) {
      const me = (await (await clientOf(role)).get('/api/auth/me')).json();
      expect([...me.permissions].sort(), role).toEqual([...duties[role]].sort());
    }
  });
});

describe('a session that ended', () => {
  it('is refused everywhere after logout', async () => {
    const u = await makeUser(t.database, ['county_admin'], [tree.county]);
    const c = await login(t.app, u.username);
    expect((await c.post('/api/auth/logout')).statusCode).toBe(200);
    expect(errorCode(await c.get('/api/places/roots'))).toBe('session_expired');
  });
});
