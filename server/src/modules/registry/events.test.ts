import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addPlace, errorCode, randomIdNumber, testApp, type TestApp } from '../../../test/harness.ts';
import { family, member, registryWorld, type RegistryWorld } from './registry.fixture.ts';

let t: TestApp;
let w: RegistryWorld;
beforeAll(async () => {
  t = await testApp();
  w = await registryWorld(t);
});
afterAll(() => t.close());

interface Detail {
  id: string;
  version: number;
  memberCount: number;
  headName: string;
  status: string;
  dwelling: { id: string; name: string };
  members: { id: string; name: string; relation: string; status: string; residence: { id: string } }[];
}

const event = async (h: Detail, body: Record<string, unknown>) => {
  const res = await w.staff.post(`/api/households/${h.id}/events`, {
    date: '2026-11-01',
    version: h.version,
    ...body,
  });
  return res;
};
const ok = async (h: Detail, body: Record<string, unknown>): Promise<Detail> => {
  const res = await event(h, body);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

describe('life events', () => {
  it('records a birth whose ID number matches the date', async () => {
    let h: Detail = await family(w, await addPlace(t.database, w.tree.building, 'dwelling', '201室'));
    const baby = member(w, {
      name: '李安',
      relation: 'child',
      idNumber: randomIdNumber({ birth: '2026-11-01' }),
      labourCapacity: 'none',
    });
    const wrongDay = await event(h, { event: 'birth', date: '2026-10-31', person: baby });
    expect(wrongDay.json().error.details[0].field).toBe('person.idNumber');
    h = await ok(h, { event: 'birth', person: baby });
    expect(h).toMatchObject({ memberCount: 4, version: 2 });
    const stale = await event({ ...h, version: 1 }, { event: 'death', personId: h.members[0].id });
    expect(stale.statusCode).toBe(409);
    expect(errorCode(stale)).toBe('conflict');
  });

  it('records a death and a moving out, keeping the people on record', async () => {
    let h: Detail = await family(w, await addPlace(t.database, w.tree.building, 'dwelling', '202室'));
    const [, spouse, child] = h.members;
    h = await ok(h, { event: 'death', personId: spouse.id, note: '病故' });
    h = await ok(h, { event: 'move_out', personId: child.id });
    expect(h.memberCount).toBe(1);
    expect(h.members.map((m) => [m.name, m.status])).toEqual([
      ['李明', 'living'],
      ['王芳', 'deceased'],
      ['李小龙', 'moved_out'],
    ]);
    const again = await event(h, { event: 'death', personId: spouse.id });
    expect(again.json().error.details[0]).toMatchObject({ field: 'personId' });
  });

  it('splits members into a new household in a free dwelling', async () => {
    let h: Detail = await family(w, await addPlace(t.database, w.tree.building, 'dwelling', '203室'));
    const target = await addPlace(t.database, w.tree.building, 'dwelling', '204室');
    const child = h.members[2];
    h = await ok(h, { event: 'split', personIds: [child.id], dwellingId: String(target) });
    expect(h.memberCount).toBe(2);
    const found = (await w.staff.get(`/api/persons/${child.id}`)).json();
    expect(found).toMatchObject({ relation: 'head', residence: { id: String(target) } });
    const created = (await w.staff.get(`/api/households/${found.householdId}`)).json();
    expect(created).toMatchObject({ headName: '李小龙', memberCount: 1, dwelling: { id: String(target) } });
    const all = await event(h, {
      event: 'split',
      personIds: h.members.filter((m) => m.status === 'living').map((m) => m.id),
      dwellingId: String(target),
    });
    expect(all.statusCode).toBe(400);
  });

  it('merges another household into this one and dissolves it', async () => {
    let h: Detail = await family(w, await addPlace(t.database, w.tree.building, 'dwelling', '205室'));
    const other: Detail = await family(w, await addPlace(t.database, w.tree.building, 'dwelling', '206室'));
    h = await ok(h, { event: 'merge', otherHouseholdId: other.id });
    expect(h.memberCount).toBe(6);
    expect(h.members.filter((m) => m.relation === 'head')).toHaveLength(1);
    expect((await w.staff.get(`/api/households/${other.id}`)).json()).toMatchObject({
      status: 'dissolved',
      memberCount: 0,
    });
  });

  it('moves a household to another dwelling, members with it, and keeps the timeline', async () => {
    let h: Detail = await family(w, await addPlace(t.database, w.tree.building, 'dwelling', '207室'));
    const target = await addPlace(t.database, w.tree.building, 'dwelling', '208室');
    const neighbour: Detail = await family(
      w,
      await addPlace(t.database, w.tree.building, 'dwelling', '209室'),
    );
    const occupied = await event(h, { event: 'change_dwelling', dwellingId: neighbour.dwelling.id });
    expect(occupied.statusCode).toBe(409);
    h = await ok(h, { event: 'change_dwelling', dwellingId: String(target) });
    expect(h.dwelling.id).toBe(String(target));
    expect(h.members.every((m) => m.residence.id === String(target))).toBe(true);
    const timeline = (await w.staff.get(`/api/households/${h.id}/history`)).json();
    expect(timeline[0]).toMatchObject({
      event: 'change_dwelling',
      eventDate: '2026-11-01',
      changes: { dwelling: ['1栋 207室', '1栋 208室'] },
    });
    expect(timeline.at(-1)).toMatchObject({ event: 'create', version: 1 });
  });
});
