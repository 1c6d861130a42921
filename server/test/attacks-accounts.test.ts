import { randomInt } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import {
  errorCode,
  login,
  makeTree,
  makeUser,
  signIn,
  testApp,
  TEST_PASSWORD,
  type TestApp,
  type Tree,
} from './harness.ts';
import { unique } from './access-endpoints.ts';
import { openPostgres, type Database } from '../src/db/client.ts';
import { migrateAsOwner } from '../src/db/migrate.ts';
import { applicationRoleRisks } from '../src/db/roles.ts';
import { audit } from '../src/platform/audit/audit.ts';

/** Attacks of the security review on accounts: administrators taking over accounts, sign-in bursts, guessable passwords, /metrics, formulas in the audit CSV, the database role; through the real HTTP stack and database. */
let t: TestApp;
let tree: Tree;

beforeAll(async () => {
  t = await testApp();
  tree = await makeTree(t.database);
});
afterAll(() => t.close());

const account = async (id: number) =>
  (
    await t.database.query<{ state: string }>(
      `SELECT row_to_json(u)::text AS state FROM (SELECT password_hash, disabled, must_change_password, version
         FROM users WHERE id = $1) u`,
      [id],
    )
  )[0].state;

const tryLogin = (username: string, password: string) =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });

describe('an administrator taking over another account', () => {
  it('the system admin cannot reset or disable the county admin or the audit admin', async () => {
    const system = await signIn(t, ['system_admin']);
    const county = await makeUser(t.database, ['county_admin'], [tree.county]);
    const auditor = await makeUser(t.database, ['audit_admin']);
    for (const target of [county, auditor]) {
      const before = await account(target.id);
      const reset = await system.post(`/api/users/${target.id}/password`, { password: 'Taken#Over9x' });
      expect(reset.statusCode).toBe(403);
      expect(errorCode(reset)).toBe('forbidden');
      const { version } = (await system.get(`/api/users/${target.id}`)).json();
      const disable = await system.patch(`/api/users/${target.id}`, { disabled: true, version });
      expect(disable.statusCode).toBe(403);
      expect(await account(target.id)).toBe(before);
      await login(t.app, target.username);
    }
  });

  it('no administrator resets, disables or grants another administrator unless the security admin', async () => {
    const system = await signIn(t, ['system_admin']);
    const security = await signIn(t, ['security_admin']);
    const otherSystem = await makeUser(t.database, ['system_admin']);
    const before = await account(otherSystem.id);
    expect(
      (await system.post(`/api/users/${otherSystem.id}/password`, { password: 'Taken#Over9x' })).statusCode,
    ).toBe(403);
    expect(await account(otherSystem.id)).toBe(before);
    const reset = await security.post(`/api/users/${otherSystem.id}/password`, { password: 'Fresh#Start9x' });
    expect(reset.statusCode).toBe(200);
    const own = await security.post(`/api/users/${security.userId}/password`, { password: 'Fresh#Start9x' });
    expect(own.statusCode).toBe(400);
    expect(own.json().error.details[0]).toMatchObject({
      field: 'password',
      reason: 'change your own password on the password page',
    });
    const { version } = (await security.get(`/api/users/${security.userId}`)).json();
    const grantSelf = await security.put(`/api/users/${security.userId}/grants`, {
      roles: ['county_admin'],
      scopePlaceIds: [String(tree.county)],
      version,
    });
    expect(grantSelf.json().error.details[0]).toMatchObject({ field: 'roles' });
  });

  it('a reset of a business account is notified to its owner and audited', async () => {
    const system = await signIn(t, ['system_admin']);
    const worker = await makeUser(t.database, ['grid_worker'], [tree.grid]);
    const reset = await system.post(`/api/users/${worker.id}/password`, { password: 'Given#Once9x' });
    expect(reset.statusCode).toBe(200);
    const notes = await t.database.query<{ kind: string }>(
      `SELECT kind FROM notifications WHERE user_id = $1`,
      [worker.id],
    );
    expect(notes.map((n) => n.kind)).toEqual(['password_reset']);
    const audited = await t.database.query(
      `SELECT 1 FROM audit_log WHERE action = 'user.password_reset' AND target_id = $1 AND actor_id = $2`,
      [String(worker.id), system.userId],
    );
    expect(audited).toHaveLength(1);
  });
});

describe('a burst of parallel sign-in attempts', () => {
  it('15 wrong passwords at once, then the right one: refused, and the account stays locked', async () => {
    const victim = await makeUser(t.database, ['grid_worker'], [tree.grid]);
    const burst = await Promise.all([
      ...Array.from({ length: 15 }, (_, i) => tryLogin(victim.username, `Wrong#${i}guess`)),
      tryLogin(victim.username, TEST_PASSWORD),
    ]);
    // the right one may have reached the server before the fifth wrong one (then it rightly got in);
    // whatever the order, the wrong ones count and lock the account
    expect([200, 423]).toContain(burst.at(-1)!.statusCode);
    expect(burst.slice(0, -1).every((r) => r.statusCode === 401 || r.statusCode === 423)).toBe(true);
    const right = await tryLogin(victim.username, TEST_PASSWORD);
    expect(right.statusCode).toBe(423);
    const [row] = await t.database.query<{ locked: boolean }>(
      `SELECT locked_until > now() AS locked FROM users WHERE id = $1`,
      [victim.id],
    );
    expect(row.locked).toBe(true);
  });

  it('an unknown username gets the same answers as an account, locked after the same attempts', async () => {
    const known = await makeUser(t.database, ['grid_worker'], [tree.grid]);
    const answers = async (username: string) => {
      const seen: string[] = [];
      for (let i = 0; i < 6; i++) {
        const res = await tryLogin(username, `Wrong#${i}guess`);
        seen.push(`${res.statusCode} ${errorCode(res)} ${res.json().error.message}`);
      }
      return seen;
    };
    const forKnown = await answers(known.username);
    expect(forKnown.at(-1)).toMatch(/^423 account_locked/);
    expect(await answers(`nobody${unique()}`)).toEqual(forKnown);
  });
});

describe('a formula in a spreadsheet cell', () => {
  it('a failed login with a formula as username lands in the audit CSV neutralised', async () => {
    const formula = `=HYPERLINK("http://evil.example/${unique()}","x")`;
    expect((await tryLogin(formula, 'whatever')).statusCode).toBe(401);
    const auditor = await signIn(t, ['audit_admin']);
    const csv = await auditor.get(`/api/audit/export?format=csv&actor=${encodeURIComponent(formula)}`);
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toContain(`"'=HYPERLINK(""http://evil.example/`);
    expect(csv.body).not.toMatch(/(^|,)"?=HYPERLINK/m);

    const xlsx = await auditor.request({
      method: 'GET',
      url: `/api/audit/export?format=xlsx&actor=${encodeURIComponent(formula)}`,
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const cells: unknown[] = [];
    wb.worksheets[0].eachRow((row) => row.eachCell((c) => cells.push(c.value)));
    expect(cells).toContain(formula);
    expect(cells.some((v) => typeof v === 'object' && v !== null && 'formula' in v)).toBe(false);
  });
});

describe('/metrics', () => {
  it('answers only the bearer of the metrics token when one is set, else loopback callers only', async () => {
    const guarded = await testApp({ metricsToken: 'm3tr1cs-token' });
    try {
      const get = (headers: Record<string, string>, remoteAddress = '127.0.0.1') =>
        guarded.app.inject({ method: 'GET', url: '/metrics', headers, remoteAddress });
      expect((await get({})).statusCode).toBe(403);
      expect((await get({ authorization: 'Bearer wrong' })).statusCode).toBe(403);
      expect((await get({ authorization: 'Bearer m3tr1cs-token' }, '203.0.113.9')).statusCode).toBe(200);
    } finally {
      await guarded.close();
    }
    const open = (remoteAddress: string, headers: Record<string, string> = {}) =>
      t.app.inject({ method: 'GET', url: '/metrics', remoteAddress, headers });
    expect((await open('127.0.0.1')).statusCode).toBe(200);
    expect((await open('203.0.113.9')).statusCode).toBe(403);
    expect((await open('127.0.0.1', { 'x-forwarded-for': '203.0.113.9' })).statusCode).toBe(403);
  });
});

describe('guessable passwords', () => {
  it('refuses the username, the product name with a year, and common passwords, naming the field', async () => {
    const system = await signIn(t, ['system_admin']);
    const username = `zhangwei${unique()}`.slice(0, 20);
    const tries: [string, string][] = [
      [`X#${username}1`, 'must not contain the username'],
      ['Anju2026!', 'must not be the product name with a year or digits'],
      ['安居#2026abc', 'must not be the product name with a year or digits'],
      ['Admin@123', 'too common; choose one that is harder to guess'],
      ['1qaz@WSX', 'too common; choose one that is harder to guess'],
      ['Zhangwei1990', 'too common; choose one that is harder to guess'],
    ];
    for (const [password, reason] of tries) {
      const res = await system.post('/api/users', { username, displayName: '张伟', password });
      expect(res.statusCode, password).toBe(400);
      expect(res.json().error.details).toEqual([expect.objectContaining({ field: 'password', reason })]);
    }
    const me = await signIn(t, ['grid_worker'], [tree.grid]);
    const change = await me.post('/api/auth/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'Qwer1234!',
    });
    expect(change.json().error.details).toEqual([
      expect.objectContaining({
        field: 'newPassword',
        reason: 'too common; choose one that is harder to guess',
      }),
    ]);
  });
});

describe.runIf(process.env.DATABASE_URL)('the application’s own database role and the audit log', () => {
  const role = `anju_app_${randomInt(1e9)}`;
  let app: Database;
  let id: number;

  /** The database's refusal of `statement` run as the application's role, rolled back if accepted. */
  const refusal = async (statement: string) => {
    try {
      await app.db.transaction(async (tx) => {
        await tx.execute(sql.raw(statement));
        throw new Error('accepted');
      });
    } catch (e) {
      const err = e as { message: string; cause?: { message: string } };
      return err.cause?.message ?? err.message;
    }
    return 'no error';
  };

  beforeAll(async () => {
    const owner = process.env.DATABASE_URL!;
    await t.database.query(`CREATE ROLE ${role} LOGIN`);
    app = await openPostgres(Object.assign(new URL(owner), { username: role }).toString(), 1);
    await migrateAsOwner(app, owner);
    const requestId = `role-${role}`;
    await audit(app.db, { actor: null, ip: '10.0.0.1', requestId }, { action: 'test.app_role' });
    [{ id }] = await app.query<{ id: number }>('SELECT id FROM audit_log WHERE request_id = $1', [requestId]);
  });
  afterAll(async () => {
    await app?.close();
    await t.database.query(`DROP OWNED BY ${role}`);
    await t.database.query(`DROP ROLE ${role}`);
  });

  it('runs the application, owning nothing and no superuser', async () => {
    expect(await applicationRoleRisks(app)).toEqual([]);
    expect(await applicationRoleRisks(t.database)).not.toEqual([]);
    expect((await app.query('SELECT count(*) FROM places WHERE id = $1', [tree.county]))[0]).toEqual({
      count: 1,
    });
  });

  it.each([
    ['disable the audit triggers', 'ALTER TABLE audit_log DISABLE TRIGGER ALL', /must be owner/],
    ['drop a trigger', 'DROP TRIGGER audit_log_no_update ON audit_log', /must be owner/],
    ['replay as a replica', 'SET session_replication_role = replica', /permission denied/],
    ['update a row', `UPDATE audit_log SET result = 'denied' WHERE id = {id}`, /permission denied/],
    ['delete a row', 'DELETE FROM audit_log WHERE id = {id}', /permission denied/],
    ['empty the log', 'TRUNCATE audit_log', /permission denied/],
    ['forge a migration', `INSERT INTO anju_migrations (tag) VALUES ('x')`, /permission denied/],
  ])('cannot %s', async (_what, statement, refused) => {
    expect(await refusal(statement.replace('{id}', String(id)))).toMatch(refused);
    const [row] = await t.database.query<{ result: string }>('SELECT result FROM audit_log WHERE id = $1', [
      id,
    ]);
    expect(row.result).toBe('ok');
  });
});
