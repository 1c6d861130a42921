import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode, makeTree, randomIdNumber, signIn, testApp, type TestApp, type Tree } from './harness.ts';
import { unique } from './access-endpoints.ts';
import { rulesAt } from '../src/modules/monitoring/rules.service.ts';
import { family, member, registryWorld } from '../src/modules/registry/registry.fixture.ts';

/** Attacks of the security review on inputs: what refusals tell, request ids, residents’ reports, stored sizes, inputs that once answered 500, one county’s policy against another’s; through the real HTTP stack and database. */
let t: TestApp;
let tree: Tree;

beforeAll(async () => {
  t = await testApp();
  tree = await makeTree(t.database);
});
afterAll(() => t.close());

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
