import { createHash, randomBytes, randomInt } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import {
  errorCode,
  login,
  makeTree,
  makeUser,
  randomIdNumber,
  signIn,
  testApp,
  TEST_PASSWORD,
  type TestApp,
  type Tree,
} from './harness.ts';
import { unique } from './access-endpoints.ts';
import { checkDigit, type Person } from '@anju/contracts';
import { buildApp } from '../src/app.ts';
import { createCipher } from '../src/platform/crypto.ts';
import { ageOn } from '../src/modules/registry/identity.ts';
import { FIND_LIMIT } from '../src/modules/registry/registry.routes.ts';
import { openPostgres, type Database } from '../src/db/client.ts';
import { migrateAsOwner } from '../src/db/migrate.ts';
import { applicationRoleRisks } from '../src/db/roles.ts';
import { audit } from '../src/platform/audit/audit.ts';
import { rulesAt } from '../src/modules/monitoring/rules.service.ts';
import {
  family,
  member,
  registryWorld,
  type RegistryWorld,
} from '../src/modules/registry/registry.fixture.ts';

/** The attacks of the security review (issue 17), kept as tests through the real HTTP stack and database. */
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

describe('what the duplicate-ID refusal tells', () => {
  it('says a number is registered, never where, and keeps who asked', async () => {
    const a = await registryWorld(t);
    const b = await registryWorld(t);
    const idNumber = randomIdNumber({ birth: '1975-01-02', sex: 'female' });
    const held = await a.staff.post('/api/households', {
      dwellingId: String(a.dwelling2),
      resettlementType: 'dispersed',
      povertyStatus: 'ordinary',
      members: [member(a, { name: '赵秘', idNumber })],
    });
    expect(held.statusCode).toBe(201);
    const probe = await b.staff.post('/api/households', {
      dwellingId: String(b.dwelling2),
      resettlementType: 'dispersed',
      povertyStatus: 'ordinary',
      members: [member(b, { idNumber })],
    });
    expect(probe.statusCode).toBe(409);
    expect(probe.body).not.toContain('赵秘');
    expect(probe.json().error.details).toEqual([
      { field: 'members.0.idNumber', reason: 'already registered in another jurisdiction' },
    ]);
    const rows = await t.database.query<{ action: string; result: string; actor_name: string }>(
      'SELECT action, result, actor_name FROM audit_log WHERE request_id = $1',
      [probe.json().error.requestId],
    );
    expect(rows).toEqual([{ action: 'person.duplicate_id', result: 'denied', actor_name: b.staff.username }]);
  });
});

describe('request ids in the audit log', () => {
  it('are the server’s own, never the one a client sent', async () => {
    const forged = `forged-${unique()}`;
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'x-request-id': forged },
      payload: { username: `nobody_${unique()}`, password: 'Wrong#pass9' },
    });
    expect(res.statusCode).toBe(401);
    expect(res.headers['x-request-id']).not.toBe(forged);
    expect(await t.database.query('SELECT 1 FROM audit_log WHERE request_id = $1', [forged])).toEqual([]);
    expect(
      await t.database.query('SELECT action FROM audit_log WHERE request_id = $1', [
        res.headers['x-request-id'],
      ]),
    ).toEqual([{ action: 'auth.login' }]);
  });
});

describe('a resident’s report', () => {
  it('is filed as theirs: the source, the reporter and a household elsewhere are not theirs to set', async () => {
    const here = await registryWorld(t);
    const elsewhere = await registryWorld(t);
    const neighbours = await family(here);
    const stranger = await family(elsewhere);
    const resident = await signIn(t, ['resident'], [here.dwelling2]);
    const file = (householdId: string) =>
      resident.post('/api/incidents', {
        categoryCode: 'neighbour_dispute',
        title: '楼道漏水',
        placeId: String(here.dwelling2),
        source: 'hotline_12345',
        reporterName: '县长',
        householdId,
      });
    const stored = async (res: { statusCode: number; json(): { id: string } }) => {
      expect(res.statusCode).toBe(201);
      return (
        await t.database.query<{ source: string; reporter_name: string; household_id: number | null }>(
          'SELECT source, reporter_name, household_id FROM incidents WHERE id = $1',
          [res.json().id],
        )
      )[0];
    };
    expect(await stored(await file(stranger.id))).toEqual({
      source: 'resident',
      reporter_name: resident.username,
      household_id: null,
    });
    expect((await stored(await file(neighbours.id))).household_id).toBe(Number(neighbours.id));
  });
});

describe('what one user may store', () => {
  it('saved filters: at most 30 conditions each and 50 on a list, refused with a 400 naming the field', async () => {
    const staff = await signIn(t, ['community_staff'], [tree.community]);
    const wide = Object.fromEntries(Array.from({ length: 31 }, (_, i) => [`k${i}`, 'v']));
    const tooWide = await staff.post('/api/saved-filters', { list: 'persons', name: 'wide', params: wide });
    expect(tooWide.statusCode).toBe(400);
    expect(tooWide.json().error.details).toEqual([{ field: 'params', reason: 'at most 30 conditions' }]);
    for (let i = 0; i < 50; i++) {
      const res = await staff.post('/api/saved-filters', {
        list: 'persons',
        name: `f${i}`,
        params: { q: 'x' },
      });
      expect(res.statusCode).toBe(201);
    }
    const over = await staff.post('/api/saved-filters', { list: 'persons', name: 'f50', params: { q: 'x' } });
    expect(over.statusCode).toBe(400);
    expect(over.json().error.details).toEqual([
      {
        field: 'name',
        reason: 'at most {{max}} saved filters on a list; delete one first',
        params: { max: 50 },
      },
    ]);
  });

  it('place attributes: at most 50 entries and 8000 characters', async () => {
    const county = await signIn(t, ['county_admin'], [tree.county]);
    const many = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`a${i}`, i]));
    const big = { note: 'x'.repeat(9000) };
    for (const [attributes, reason] of [
      [many, 'at most 50 attributes'],
      [big, 'at most 8000 characters in all'],
    ] as const) {
      const res = await county.post('/api/places', {
        parentId: String(tree.community),
        level: 'grid',
        name: '大网格',
        attributes,
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details).toEqual([{ field: 'attributes', reason }]);
    }
  });
});

describe('inputs that once answered 500', () => {
  it('a grid created without a code gets the next code of its community', async () => {
    const county = await signIn(t, ['county_admin'], [tree.county]);
    const res = await county.post('/api/places', {
      parentId: String(tree.community),
      level: 'grid',
      name: '无码网格',
    });
    expect(res.statusCode).toBe(201);
  });

  it('a photo upload cut short, or a photo whose bytes stop early, never answers 500', async () => {
    const resident = await signIn(t, ['resident'], [tree.dwelling]);
    const reported = await resident.post('/api/incidents', {
      categoryCode: 'neighbour_dispute',
      title: '楼道漏水',
      placeId: String(tree.dwelling),
    });
    const b = `----anju${unique()}`;
    const head = `--${b}\r\nContent-Disposition: form-data; name="file"; filename="p.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`;
    const jpegStart = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46]);
    for (const payload of [
      Buffer.concat([Buffer.from(head), jpegStart]),
      Buffer.concat([Buffer.from(head), jpegStart, Buffer.from(`\r\n--${b}--\r\n`)]),
    ]) {
      const res = await resident.request({
        method: 'POST',
        url: `/api/incidents/${reported.json().id}/photos`,
        headers: { 'content-type': `multipart/form-data; boundary=${b}` },
        payload,
      });
      expect(res.statusCode).toBeLessThan(500);
    }
  });
});

describe('one county’s policy and another’s', () => {
  it('a county admin changes only their own region’s screening rules, and each region screens by its own', async () => {
    const other = await makeTree(t.database);
    const third = await makeTree(t.database);
    const adminA = await signIn(t, ['county_admin'], [tree.county]);
    const adminB = await signIn(t, ['county_admin'], [other.county]);
    const national = (await adminB.get('/api/monitoring/rules')).json();
    expect(national.placeId).toBeNull();
    const stricter = structuredClone(national.rules);
    stricter.income_near_line.factor = 1.4;
    const savedB = await adminB.put('/api/monitoring/rules', { rules: stricter, version: national.version });
    expect(savedB.statusCode, savedB.body).toBe(200);
    expect(savedB.json()).toMatchObject({ placeId: String(other.county), rules: stricter });

    const looser = structuredClone(national.rules);
    looser.income_near_line.factor = 1.05;
    const intoB = await adminA.put('/api/monitoring/rules', {
      placeId: String(other.county),
      rules: looser,
      version: savedB.json().version,
    });
    expect(intoB.statusCode).toBe(404);
    expect((await adminA.get(`/api/monitoring/rules?placeId=${other.county}`)).statusCode).toBe(404);
    const own = await adminA.put('/api/monitoring/rules', { rules: looser, version: national.version });
    expect(own.json()).toMatchObject({ placeId: String(tree.county), rules: looser });

    // B's rules hold in B down to its dwellings; a county without rules of its own keeps the national ones
    const inForce = async (place: number) =>
      (await t.database.query<{ path: string }>('SELECT path FROM places WHERE id = $1', [place]))[0].path;
    expect((await rulesAt(t.database.db, await inForce(other.dwelling))).rules).toEqual(stricter);
    expect((await rulesAt(t.database.db, await inForce(tree.dwelling))).rules).toEqual(looser);
    expect((await rulesAt(t.database.db, await inForce(third.dwelling))).placeId).toBeNull();
    const audited = await t.database.query<{ target_id: string }>(
      `SELECT target_id FROM audit_log WHERE action = 'monitoring.rules' AND actor_id = $1`,
      [adminB.userId],
    );
    expect(audited).toEqual([{ target_id: String(other.county) }]);
  });

  it('a county admin cannot change the party levels every county founds its organizations by', async () => {
    const other = await makeTree(t.database);
    const adminA = await signIn(t, ['county_admin'], [tree.county]);
    const secretaryB = await signIn(t, ['party_secretary'], [other.community]);
    const levels: { placeLevel: string; labelZh: string; labelEn: string; kind: string }[] = (
      await secretaryB.get('/api/party/levels')
    ).json();
    const body = (labelZh: string) => ({
      levels: levels.map(({ placeLevel, labelEn, kind }, i) => ({
        placeLevel,
        labelZh: i === 0 ? labelZh : levels[i].labelZh,
        labelEn,
        kind,
      })),
    });
    const refused = await adminA.put('/api/party/levels', body('甲县改的'));
    expect(errorCode(refused)).toBe('forbidden');
    expect((await secretaryB.get('/api/party/levels')).json()).toEqual(levels);
    // B founds its organizations by the levels as they stand
    const org = await secretaryB.post('/api/party/orgs', {
      placeId: String(other.community),
      name: '乙社区党委',
    });
    expect(org.statusCode, org.body).toBe(201);
    expect(org.json()).toMatchObject({ depth: 1, labelZh: levels[0].labelZh, kind: levels[0].kind });

    const province = await signIn(t, ['county_admin'], [tree.province]);
    const changed = await province.put('/api/party/levels', body('社区党组织'));
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()[0].labelZh).toBe('社区党组织');
    const audited = await t.database.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'party.levels' AND actor_id = $1`,
      [province.userId],
    );
    expect(audited).toEqual([{ n: 1 }]);
    expect((await province.put('/api/party/levels', body(levels[0].labelZh))).statusCode).toBe(200);
  });
});

describe('an ID number rebuilt from what a grid worker sees', () => {
  let w: RegistryWorld;
  let head: { id: string; idNumber: string };
  beforeAll(async () => {
    w = await registryWorld(t);
    const h = await family(w);
    const id = h.members[0].id as string;
    const revealed = await w.staff.post(`/api/persons/${id}/reveal`, { field: 'idNumber' });
    head = { id, idNumber: revealed.json().value };
  });

  /** Every valid number that fits what is shown: mask, birth date (or year) with the age, sex, region. */
  function candidates(shown: Person, region: string): string[] {
    const out: string[] = [];
    const year = Number(shown.birthDate.slice(0, 4));
    for (let t = Date.UTC(year, 0, 1); new Date(t).getUTCFullYear() === year; t += 86_400_000) {
      const day = new Date(t).toISOString().slice(0, 10);
      // a year alone comes with the age by years, which tells nothing more
      if (!day.startsWith(shown.birthDate) || (shown.birthDate.length > 4 && ageOn(day) !== shown.age))
        continue;
      for (let seq = shown.sex === 'male' ? 1 : 0; seq < 1000; seq += 2) {
        const first17 = `${region}${day.replaceAll('-', '')}${String(seq).padStart(3, '0')}`;
        const id = first17 + checkDigit(first17);
        if ([...shown.idNumber].every((c, i) => c === '*' || c === id[i])) out.push(id);
      }
    }
    return out;
  }

  it('leaves thousands of candidates, even knowing the exact county code', async () => {
    const grid = await signIn(t, ['grid_worker'], [w.tree.grid]);
    const shown = (await grid.get(`/api/persons/${head.id}`)).json() as Person;
    expect(shown.birthDate).toMatch(/^\d{4}$/);
    expect(shown.age).toBe(new Date().getFullYear() - Number(shown.birthDate));
    const found = candidates(shown, head.idNumber.slice(0, 6));
    expect(found).toContain(head.idNumber);
    expect(found.length).toBeGreaterThan(1000);
  });

  it('gives the grid worker no exact search to confirm a candidate with, in a body or an address', async () => {
    const grid = await signIn(t, ['grid_worker'], [w.tree.grid]);
    const search = await grid.post('/api/persons/search', { idNumber: head.idNumber });
    expect(search.statusCode).toBe(403);
    expect(errorCode(search)).toBe('forbidden');
    const total = async (query: string) => (await grid.get(`/api/persons?${query}`)).json().total;
    const wrong = head.idNumber.slice(0, 14) + '0000';
    expect(await total(`idNumber=${head.idNumber}`)).toBe(await total(`idNumber=${wrong}`));
    expect(await total(`idTail=${head.idNumber.slice(-4)}`)).toBe(await total(''));
  });

  it('limits a clerk trying candidates: each search audited without the number, then refused', async () => {
    const clerk = await signIn(t, ['community_staff'], [w.tree.community]);
    const shown = (await clerk.get(`/api/persons/${head.id}`)).json() as Person;
    const tries = candidates({ ...shown, birthDate: shown.birthDate.slice(0, 4) }, head.idNumber.slice(0, 6));
    const statuses: number[] = [];
    for (const idNumber of tries.slice(0, FIND_LIMIT.max + 1)) {
      statuses.push((await clerk.post('/api/persons/search', { idNumber })).statusCode);
    }
    expect(statuses.slice(0, FIND_LIMIT.max).every((s) => s === 200)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
    const audits = await t.database.query<{ detail: string }>(
      `SELECT detail::text FROM audit_log WHERE action = 'person.search' AND actor_id = $1`,
      [clerk.userId],
    );
    expect(audits).toHaveLength(FIND_LIMIT.max);
    expect(audits.map((a) => a.detail).join()).not.toMatch(/\d{6}/);
  });

  it('a copy of the database without the key cannot test a guess against the blind index', async () => {
    const [row] = await t.database.query<{ id_hash: string }>('SELECT id_hash FROM persons WHERE id = $1', [
      head.id,
    ]);
    const unkeyed = (v: string) => createHash('sha256').update(v).digest('base64url').slice(0, 32);
    const otherKey = createCipher(randomBytes(32));
    const guesses = [head.idNumber, `id_number\u0000${head.idNumber}`];
    for (const g of guesses) {
      expect(unkeyed(g)).not.toBe(row.id_hash);
      expect(otherKey.blindIndex('id_number', g)).not.toBe(row.id_hash);
    }
    expect(t.app.cipher.blindIndex('id_number', head.idNumber)).toBe(row.id_hash);
  });
});

describe('a phone number found by trying the hidden digits', () => {
  it('is refused to grid workers and limited for clerks, never confirming more than a reveal would', async () => {
    const w = await registryWorld(t);
    await family(w);
    const grid = await signIn(t, ['grid_worker'], [w.tree.grid]);
    expect((await grid.post('/api/persons/search', { phone: '13812345678' })).statusCode).toBe(403);
    const clerk = await signIn(t, ['community_staff'], [w.tree.community]);
    const statuses: number[] = [];
    for (let n = 0; n <= FIND_LIMIT.max; n++) {
      const phone = `138${String(n).padStart(4, '0')}5678`;
      statuses.push((await clerk.post('/api/persons/search', { phone })).statusCode);
    }
    expect(statuses.filter((s) => s === 429)).toEqual([429]);
    expect(statuses.at(-1)).toBe(429);
  });
});

describe('ID and phone numbers in the request log', () => {
  it('never writes a whole ID or phone number, sent in a body or in an address', async () => {
    const w = await registryWorld(t);
    const h = await family(w);
    const idNumber = (
      await w.staff.post(`/api/persons/${h.members[0].id}/reveal`, { field: 'idNumber' })
    ).json().value as string;
    const lines: string[] = [];
    const logged = await buildApp(t.config, t.database, { logStream: { write: (l) => lines.push(l) } });
    await logged.ready();
    try {
      const clerk = await login(logged, w.staff.username);
      expect((await clerk.post('/api/persons/search', { idNumber, phone: '13812345678' })).json().total).toBe(
        1,
      );
      await clerk.get(`/api/persons?idNumber=${idNumber}&phone=13812345678`);
      await clerk.get(`/api/persons?q=13812345678&under=${w.tree.community}`);
      const log = lines.join('');
      expect(log).toContain('/api/persons/search');
      expect(log).toContain(`under=${w.tree.community}`);
      expect(log).not.toContain(idNumber);
      expect(log).not.toContain('13812345678');
    } finally {
      await logged.close();
    }
  });
});
