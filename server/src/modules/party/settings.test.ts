import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode, signIn, testApp, type TestApp } from '../../../test/harness.ts';
import { member, registryWorld, type RegistryWorld } from '../registry/registry.fixture.ts';

let t: TestApp;
let w: RegistryWorld;
let committee: { id: string; version: number };
let branch: { id: string };

beforeAll(async () => {
  t = await testApp();
  w = await registryWorld(t);
  committee = (
    await w.staff.post('/api/party/orgs', { placeId: String(w.tree.community), name: '靖安社区党委' })
  ).json();
  branch = (
    await w.staff.post('/api/party/orgs', { placeId: String(w.tree.grid), name: '第一网格党支部' })
  ).json();
});
afterAll(() => t.close());

describe('renaming an organization', () => {
  it('renames with the version it was read at; a stale version is 409', async () => {
    const res = await w.staff.patch(`/api/party/orgs/${committee.id}`, {
      name: '靖安社区党总支',
      version: committee.version,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ name: '靖安社区党总支', version: committee.version + 1 });
    const stale = await w.staff.patch(`/api/party/orgs/${committee.id}`, {
      name: '旧名',
      version: committee.version,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.details).toEqual([{ field: 'version', reason: 'stale' }]);
    const blank = await w.staff.patch(`/api/party/orgs/${committee.id}`, { name: ' ', version: 2 });
    expect(blank.statusCode).toBe(400);
    expect(blank.json().error.details[0].field).toBe('name');
  });

  it('answers 404 out of scope and 403 without party:write', async () => {
    const stranger = await signIn(t, ['party_secretary'], [w.tree.otherCommunity]);
    const res = await stranger.patch(`/api/party/orgs/${branch.id}`, { name: '改名', version: 1 });
    expect(res.statusCode).toBe(404);
    const township = await signIn(t, ['township_officer'], [w.tree.township]);
    expect(
      errorCode(await township.patch(`/api/party/orgs/${branch.id}`, { name: '改名', version: 1 })),
    ).toBe('forbidden');
  });
});

describe('member candidates', () => {
  it('lists the party members living under the organization, and nobody else', async () => {
    const res = await w.staff.post('/api/households', {
      dwellingId: String(w.dwelling2),
      originVillageId: String(w.village),
      relocationYear: 2019,
      resettlementType: 'urban_centralized',
      povertyStatus: 'out_of_poverty',
      members: [
        member(w, { name: '孙党员', partyMember: true }),
        member(w, { name: '孙群众', relation: 'spouse' }),
      ],
    });
    expect(res.statusCode, res.body).toBe(201);
    const found = (await w.staff.get(`/api/party/orgs/${branch.id}/candidates`)).json();
    expect(found).toEqual([expect.objectContaining({ name: '孙党员', orgId: null })]);
    const stranger = await signIn(t, ['party_secretary'], [w.tree.otherCommunity]);
    expect((await stranger.get(`/api/party/orgs/${branch.id}/candidates`)).statusCode).toBe(404);
  });
});

describe('party level settings', () => {
  const current = async () =>
    (await w.staff.get('/api/party/levels')).json() as {
      placeLevel: string;
      labelZh: string;
      labelEn: string;
    }[];
  const body = (levels: { placeLevel: string; labelZh: string; labelEn: string }[]) => ({
    levels: levels.map(({ placeLevel, labelZh, labelEn }) => ({ placeLevel, labelZh, labelEn })),
  });

  it('are set by an admin of a whole province only', async () => {
    const levels = await current();
    expect(errorCode(await w.staff.put('/api/party/levels', body(levels)))).toBe('forbidden');
    const county = await signIn(t, ['county_admin'], [w.tree.county]);
    expect(errorCode(await county.put('/api/party/levels', body(levels)))).toBe('forbidden');
    const province = await signIn(t, ['county_admin'], [w.tree.province]);
    const res = await province.put('/api/party/levels', body(levels));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual((await current()).map((l, i) => ({ ...l, depth: i + 1 })));
  });

  it('refuse levels out of tree order, without the community or not ending at the dwelling', async () => {
    const province = await signIn(t, ['county_admin'], [w.tree.province]);
    const l = (placeLevel: string) => ({ placeLevel, labelZh: '级', labelEn: 'Level' });
    for (const [levels, field] of [
      [[l('community'), l('building'), l('grid'), l('dwelling')], 'levels.2.placeLevel'],
      [[l('grid'), l('building'), l('dwelling')], 'levels'],
      [[l('community'), l('grid'), l('building')], 'levels.2.placeLevel'],
      [[l('community'), l('dwelling')], 'levels'],
    ] as const) {
      const res = await province.put('/api/party/levels', { levels });
      expect(res.statusCode, JSON.stringify(levels)).toBe(400);
      expect(res.json().error.details[0].field).toBe(field);
    }
  });

  it('say what the organizations of each level are, by default from the place level', async () => {
    const province = await signIn(t, ['county_admin'], [w.tree.province]);
    const levels = body(await current()).levels;
    const res = await province.put('/api/party/levels', {
      levels: levels.map((l) => (l.placeLevel === 'community' ? { ...l, kind: 'general_branch' } : l)),
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().map((l: { kind: string }) => l.kind)).toEqual([
      'general_branch',
      'branch',
      'group',
      'household',
    ]);
    const wrong = await province.put('/api/party/levels', {
      levels: levels.map((l) => (l.placeLevel === 'building' ? { ...l, kind: 'household' } : l)),
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.details[0].field).toBe('levels.2.kind');
    expect((await province.put('/api/party/levels', { levels })).statusCode).toBe(200);
  });

  it('refuse moving a level that organizations are founded on', async () => {
    const province = await signIn(t, ['county_admin'], [w.tree.province]);
    const l = (placeLevel: string) => ({ placeLevel, labelZh: '级', labelEn: 'Level' });
    const res = await province.put('/api/party/levels', {
      levels: [l('township'), l('community'), l('grid'), l('building'), l('dwelling')],
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.details[0]).toMatchObject({ field: 'levels' });
    expect((await current()).map((x) => x.placeLevel).slice(0, 2)).toEqual(['community', 'grid']);
  });
});
