import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addPlace,
  errorCode,
  randomIdNumber,
  signIn,
  testApp,
  type Client,
  type TestApp,
} from '../../../test/harness.ts';
import { family, member, registryWorld } from './registry.fixture.ts';
import { names, personsWorld } from './persons.fixture.ts';

let t: TestApp;
let w: Awaited<ReturnType<typeof personsWorld>>['w'];
let h: Awaited<ReturnType<typeof personsWorld>>['h'];
let origin: Client;
let outsider: Client;
beforeAll(async () => {
  t = await testApp();
  ({ w, h, origin, outsider } = await personsWorld(t));
});
afterAll(() => t.close());

describe('dual jurisdiction', () => {
  it('shows the residence side everyone living there', async () => {
    expect(await names(w.staff)).toEqual(['李小龙', '李明', '王芳']);
    expect((await w.staff.get(`/api/persons/${h.members[0].id}`)).json().side).toBe('residence');
  });

  it('shows the origin side only the people registered in its villages, wherever they live', async () => {
    expect(await names(origin)).toEqual(['李明', '王芳']);
    const head = (await origin.get(`/api/persons/${h.members[0].id}`)).json();
    expect(head).toMatchObject({
      side: 'hukou',
      residence: { name: '1栋 101室' },
      hukou: { name: '大坪村' },
    });
    expect((await origin.get(`/api/persons/${h.members[2].id}`)).statusCode).toBe(404);
    const household = (await origin.get(`/api/households/${h.id}`)).json();
    expect(household.side).toBe('hukou');
    expect(household.members.map((m: { name: string }) => m.name)).toEqual(['李明', '王芳']);
    expect(await names(origin, 'side=residence')).toEqual([]);
  });

  it('counts once a person seen from both sides, and narrows to one side on request', async () => {
    const both = await signIn(t, ['township_officer'], [w.originTownship, w.tree.community]);
    const all = (await both.get('/api/persons?pageSize=200')).json();
    expect(all.total).toBe(3);
    expect(all.items.map((p: { name: string }) => p.name).sort()).toEqual(['李小龙', '李明', '王芳']);
    expect(await names(both, 'side=hukou')).toEqual(['李小龙', '李明', '王芳']);
    expect(await names(w.staff, 'side=hukou')).toEqual(['李小龙']);
    expect((await both.get('/api/persons?q=李&pageSize=1&sort=name')).json().total).toBe(2);
  });

  it('leaves the origin side reading, not editing', async () => {
    const res = await origin.patch(`/api/persons/${h.members[0].id}`, {
      labourCapacity: 'partial',
      version: 1,
    });
    expect(res.statusCode).toBe(403);
  });

  it('tells nothing to an official of neither side: lists, counts, reads, history and export', async () => {
    const list = (await outsider.get('/api/persons')).json();
    expect(list).toMatchObject({ items: [], total: 0 });
    expect((await outsider.get('/api/households')).json().total).toBe(0);
    for (const url of [
      `/api/persons/${h.members[0].id}`,
      `/api/households/${h.id}`,
      `/api/persons/${h.members[0].id}/history`,
    ]) {
      const res = await outsider.get(url);
      expect(res.statusCode, url).toBe(404);
      expect(errorCode(res)).toBe('not_found');
    }
    const exported = await outsider.request({
      method: 'GET',
      url: '/api/persons/export',
      query: { format: 'csv' },
    });
    expect(exported.rawPayload.toString('utf8').trim().split('\r\n')).toHaveLength(1);
  });
});

describe('hukou side found where the two paths part', () => {
  it('shows a person registered in a village of the same township to that village, and once to both', async () => {
    const v = await registryWorld(t);
    const near = await addPlace(t.database, v.tree.township, 'village', '近邻村');
    const res = await v.staff.post('/api/households', {
      dwellingId: String(v.tree.dwelling),
      originVillageId: String(near),
      relocationYear: 2019,
      resettlementType: 'urban_centralized',
      povertyStatus: 'out_of_poverty',
      members: [
        member(v, { name: '赵四', hukouPlaceId: String(near) }),
        member(v, {
          name: '赵小',
          relation: 'child',
          idNumber: randomIdNumber({ birth: '2015-01-02', sex: 'female' }),
          labourCapacity: 'none',
        }),
      ],
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(await names(await signIn(t, ['community_staff'], [near]))).toEqual(['赵四']);
    const township = await signIn(t, ['township_officer'], [v.tree.township]);
    expect((await township.get('/api/persons')).json().total).toBe(2);
    const both = await signIn(t, ['township_officer'], [near, v.originTownship]);
    expect(await names(both)).toEqual(['赵四', '赵小']);
    expect(await names(both, 'side=residence')).toEqual([]);
  });
});

describe('household history from the origin side', () => {
  it('names no member registered elsewhere, not even among those who left', async () => {
    const v = await registryWorld(t);
    const other = await family(v);
    const origin = await signIn(t, ['township_officer'], [v.originTownship]);
    const split = await v.staff.post(`/api/households/${other.id}/events`, {
      event: 'split',
      date: '2026-01-01',
      personIds: [other.members[2].id],
      dwellingId: String(v.dwelling2),
      version: other.version,
    });
    expect(split.statusCode, split.body).toBe(200);
    const url = `/api/households/${other.id}/history`;
    const seen = (await origin.get(url)).json() as { event: string; personId: string | null }[];
    expect(JSON.stringify(seen)).not.toContain('李小龙');
    expect(seen.map((e) => e.personId).filter((p) => p === other.members[2].id)).toEqual([]);
    expect(seen.map((e) => e.event)).toContain('split');
    expect(JSON.stringify((await v.staff.get(url)).json())).toContain('李小龙');
  });
});
