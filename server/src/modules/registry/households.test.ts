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
import { family, member, registryWorld, type RegistryWorld } from './registry.fixture.ts';

let t: TestApp;
let w: RegistryWorld;
beforeAll(async () => {
  t = await testApp();
  w = await registryWorld(t);
});
afterAll(() => t.close());

/** A free dwelling inside the client's own scope root. */
async function freeDwellingOf(c: Client): Promise<number> {
  const me = (await c.get('/api/auth/me')).json();
  const grids = (await c.get(`/api/places/${me.scopes[0].id}/children`)).json().items;
  const grid = grids.find((g: { level: string }) => g.level === 'grid');
  const buildings = (await c.get(`/api/places/${grid.id}/children`)).json().items;
  return addPlace(t.database, Number(buildings[0].id), 'dwelling', '201室');
}

const count = async (table: string) =>
  (await t.database.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0].n;

describe('registering a household', () => {
  it('stores members with sex and birth date from the ID number, identifiers encrypted and masked', async () => {
    const h = await family(w);
    expect(h).toMatchObject({
      headName: '李明',
      memberCount: 3,
      resettlementType: 'urban_centralized',
      side: 'residence',
    });
    expect(h.householdNo).toMatch(/-\d{7}$/);
    const [head, spouse, child] = h.members;
    expect(head).toMatchObject({
      sex: 'male',
      birthDate: '1980-05-06',
      phone: '138****5678',
      relation: 'head',
    });
    expect(head.idNumber).toMatch(/^5\*{16}[\dX]$/);
    expect(spouse).toMatchObject({ sex: 'female', health: 'serious_illness', tags: ['serious_illness'] });
    expect(child.age).toBeGreaterThanOrEqual(14);
    const [stored] = await t.database.query<Record<string, string>>(
      'SELECT id_cipher, phone_cipher, id_hash FROM persons WHERE id = $1',
      [head.id],
    );
    expect(stored.id_cipher).toMatch(/^v1\./);
    expect(JSON.stringify(stored)).not.toContain('13812345678');
  });

  it('names the field and the reason of a bad ID number, and writes nothing', async () => {
    const before = [await count('households'), await count('persons'), await count('registry_history')];
    const bad = randomIdNumber().slice(0, 17) + 'Y';
    const res = await w.staff.post('/api/households', {
      dwellingId: String(w.dwelling2),
      resettlementType: 'urban_centralized',
      povertyStatus: 'ordinary',
      members: [member(w), member(w, { relation: 'spouse', idNumber: bad })],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([
      { field: 'members.1.idNumber', reason: expect.stringMatching(/18 characters/) },
    ]);
    expect([await count('households'), await count('persons'), await count('registry_history')]).toEqual(
      before,
    );
  });

  it('needs exactly one head and distinct ID numbers', async () => {
    const twoHeads = await w.staff.post('/api/households', {
      dwellingId: String(w.dwelling2),
      resettlementType: 'dispersed',
      povertyStatus: 'ordinary',
      members: [member(w), member(w)],
    });
    expect(twoHeads.json().error.details[0]).toMatchObject({ field: 'members' });
    const id = randomIdNumber();
    const same = await w.staff.post('/api/households', {
      dwellingId: String(w.dwelling2),
      resettlementType: 'dispersed',
      povertyStatus: 'ordinary',
      members: [member(w, { idNumber: id }), member(w, { relation: 'spouse', idNumber: id })],
    });
    expect(same.json().error.details[0]).toMatchObject({ field: 'members.1.idNumber' });
  });

  it('refuses a registered ID number, naming the holder only to who may see them', async () => {
    const h = await family(w, w.dwelling2);
    const [, , child] = h.members;
    const idNumber = (await w.staff.post(`/api/persons/${child.id}/reveal`, { field: 'idNumber' })).json()
      .value;
    const free = await addPlace(t.database, w.tree.building, 'dwelling', '103室');
    const body = {
      dwellingId: String(free),
      resettlementType: 'dispersed',
      povertyStatus: 'ordinary',
      members: [member(w, { idNumber })],
    };
    const dup = await w.staff.post('/api/households', body);
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.details[0]).toEqual({
      field: 'members.0.idNumber',
      reason: 'already registered: {{name}}',
      params: { name: '李小龙' },
    });
    const stranger = await signIn(t, ['community_staff'], [(await registryWorld(t)).tree.community]);
    const hidden = await stranger.post('/api/households', {
      ...body,
      dwellingId: String(await freeDwellingOf(stranger)),
    });
    expect(hidden.statusCode).toBe(409);
    expect(hidden.json().error.details[0]).toEqual({
      field: 'members.0.idNumber',
      reason: 'already registered in another jurisdiction',
    });
  });

  it('refuses an occupied dwelling and a dwelling outside the scope', async () => {
    const occupied = await w.staff.post('/api/households', {
      dwellingId: String(w.tree.dwelling),
      resettlementType: 'dispersed',
      povertyStatus: 'ordinary',
      members: [member(w)],
    });
    expect(occupied.statusCode).toBe(409);
    const outsider = await signIn(t, ['community_staff'], [w.tree.otherCommunity]);
    const foreign = await outsider.post('/api/households', {
      dwellingId: String(w.tree.dwelling),
      resettlementType: 'dispersed',
      povertyStatus: 'ordinary',
      members: [member(w)],
    });
    expect(foreign.statusCode).toBe(403);
    expect(errorCode(foreign)).toBe('forbidden');
  });
});
