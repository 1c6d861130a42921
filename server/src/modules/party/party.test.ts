import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addPlace, errorCode, signIn, testApp, type TestApp } from '../../../test/harness.ts';
import { family, member, registryWorld, type RegistryWorld } from '../registry/registry.fixture.ts';

let t: TestApp;
let w: RegistryWorld;
let rooms = 0;
const dwelling = () => addPlace(t.database, w.tree.building, 'dwelling', `${500 + ++rooms}室`);
const org = async (placeId: number, name: string) =>
  w.staff.post('/api/party/orgs', { placeId: String(placeId), name });

beforeAll(async () => {
  t = await testApp();
  w = await registryWorld(t);
});
afterAll(() => t.close());

describe('party organization tree', () => {
  it('takes its levels and labels from data', async () => {
    const stored = await t.database.query<{ depth: number; place_level: string; label_zh: string }>(
      'SELECT depth, place_level, label_zh FROM party_levels ORDER BY depth',
    );
    const levels = (await w.staff.get('/api/party/levels')).json();
    expect(levels.map((l: { placeLevel: string }) => l.placeLevel)).toEqual(stored.map((s) => s.place_level));
    expect(levels.slice(0, 4)).toMatchObject([
      { depth: 1, placeLevel: 'community', labelZh: '社区党委' },
      { depth: 2, placeLevel: 'grid', labelZh: '网格党支部' },
      { depth: 3, placeLevel: 'building', labelZh: '楼栋党小组' },
      { depth: 4, placeLevel: 'dwelling', labelZh: '党员中心户', labelEn: 'Party-member household' },
    ]);
  });

  it('binds organizations level by level, each under the one above', async () => {
    const early = await org(w.tree.grid, '第一网格党支部');
    expect(early.statusCode).toBe(400);
    expect(early.json().error.details[0].field).toBe('placeId');
    const committee = await org(w.tree.community, '靖安社区党委');
    expect(committee.statusCode, committee.body).toBe(201);
    const branch = (await org(w.tree.grid, '第一网格党支部')).json();
    const group = (await org(w.tree.building, '1栋党小组')).json();
    expect(branch).toMatchObject({ parentId: committee.json().id, depth: 2, labelEn: 'Grid party branch' });
    expect(group).toMatchObject({ parentId: branch.id, depth: 3, place: { id: String(w.tree.building) } });
    const again = await org(w.tree.building, '重复');
    expect(again.statusCode).toBe(409);
    expect((await org(w.tree.township, '镇党委')).statusCode).toBe(404);
    const tree = (await w.staff.get(`/api/communities/${w.tree.community}/party`)).json();
    expect(tree.map((o: { depth: number }) => o.depth)).toEqual([1, 2, 3]);
  });

  it('attaches party members from the registry only', async () => {
    const h = await family(w, await dwelling());
    const [group] = (await w.staff.get(`/api/communities/${w.tree.community}/party`))
      .json()
      .filter((o: { depth: number }) => o.depth === 3);
    const refused = await w.staff.put(`/api/party/orgs/${group.id}/members`, {
      personIds: [h.members[0].id],
    });
    expect(refused.statusCode).toBe(400);
    const p = await w.staff.post(`/api/households/${h.id}/events`, {
      event: 'move_in',
      date: '2026-01-01',
      person: member(w, { name: '赵党员', relation: 'other', partyMember: true }),
      version: 1,
    });
    expect(p.statusCode, p.body).toBeLessThan(300);
    const partyMember = (await w.staff.get(`/api/households/${h.id}`))
      .json()
      .members.find((m: { partyMember: boolean }) => m.partyMember);
    const ok = await w.staff.put(`/api/party/orgs/${group.id}/members`, { personIds: [partyMember.id] });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().members).toEqual([{ personId: partyMember.id, name: '赵党员', probationary: false }]);
  });
});

describe('linked households', () => {
  it('refuses more than the maximum, warns under the minimum, and maps who looks after whom', async () => {
    const home = await dwelling();
    const carerHousehold = await family(w, home);
    const carer = (await org(home, '赵家党员中心户')).json();
    const households = [];
    for (let i = 0; i < 4; i++) households.push(await family(w, await dwelling()));
    const tooMany = await w.staff.put(`/api/party/orgs/${carer.id}/links`, {
      householdIds: Array.from({ length: 16 }, (_, i) => String(i + 1)),
    });
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json().error.details[0]).toEqual({
      field: 'householdIds',
      reason: 'a party-member household looks after at most {{max}} households',
      params: { max: 15 },
    });
    const self = await w.staff.put(`/api/party/orgs/${carer.id}/links`, {
      householdIds: [carerHousehold.id],
    });
    expect(self.statusCode).toBe(400);
    const linked = await w.staff.put(`/api/party/orgs/${carer.id}/links`, {
      householdIds: households.slice(0, 3).map((h) => h.id),
    });
    expect(linked.statusCode, linked.body).toBe(200);
    expect(linked.json()).toMatchObject({ orgId: carer.id, underMin: true });
    expect(linked.json().households).toHaveLength(3);

    const other = (await org(await dwelling(), '钱家党员中心户')).json();
    const taken = await w.staff.put(`/api/party/orgs/${other.id}/links`, {
      householdIds: [households[0].id],
    });
    expect(taken.statusCode).toBe(409);
    expect(errorCode(taken)).toBe('conflict');

    const care = (await w.staff.get(`/api/communities/${w.tree.community}/care`)).json();
    const mine = care.carers.find((c: { orgId: string }) => c.orgId === carer.id);
    expect(mine.household.id).toBe(carerHousehold.id);
    expect(mine.linked.map((h: { id: string }) => h.id).sort()).toEqual(
      households
        .slice(0, 3)
        .map((h) => h.id)
        .sort(),
    );
    const unlooked = care.unlooked.map((h: { id: string }) => h.id);
    expect(unlooked).toContain(households[3].id);
    for (const h of [carerHousehold, ...households.slice(0, 3)]) expect(unlooked).not.toContain(h.id);
    expect(care.unlookedTotal).toBe(care.unlooked.length);
  });
});

describe('party access', () => {
  it('is forbidden without party permissions and reveals nothing out of scope', async () => {
    const resident = await signIn(t, ['resident'], [w.tree.dwelling]);
    expect((await resident.get(`/api/communities/${w.tree.community}/care`)).statusCode).toBe(403);
    const gridWorker = await signIn(t, ['grid_worker'], [w.tree.grid]);
    expect(
      (await gridWorker.post('/api/party/orgs', { placeId: String(w.tree.grid), name: 'x' })).statusCode,
    ).toBe(403);
    const stranger = await signIn(t, ['party_secretary'], [w.tree.otherCommunity]);
    for (const url of [
      `/api/communities/${w.tree.community}/care`,
      `/api/communities/${w.tree.community}/party`,
    ]) {
      const res = await stranger.get(url);
      expect(res.statusCode).toBe(404);
      expect(errorCode(res)).toBe('not_found');
    }
    const [anyOrg] = (await w.staff.get(`/api/communities/${w.tree.community}/party`)).json();
    const res = await stranger.put(`/api/party/orgs/${anyOrg.id}/links`, { householdIds: [] });
    expect(res.statusCode).toBe(404);
    expect(
      (await stranger.post('/api/party/orgs', { placeId: String(w.tree.building), name: 'x' })).statusCode,
    ).toBe(404);
    const bad = await w.staff.put(`/api/party/orgs/${anyOrg.id}/links`, { householdIds: ['x'] });
    expect(bad.statusCode).toBe(400);
  });
});
