import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addPlace, signIn, testApp, type TestApp } from '../../../test/harness.ts';
import { family, registryWorld, type RegistryWorld } from '../registry/registry.fixture.ts';
import { workerOf } from '../visits/visits.fixture.ts';

let t: TestApp;
let w: RegistryWorld;

/** A family of three in a dwelling of its own. */
async function household(): Promise<{ id: string }> {
  const dwelling = await addPlace(t.database, w.tree.building, 'dwelling', `${Math.random()}室`.slice(0, 8));
  return family(w, dwelling);
}

beforeAll(async () => {
  t = await testApp();
  w = await registryWorld(t);
});
afterAll(() => t.close());

describe('leads by hand', () => {
  it('a visit finding becomes a lead; a second report adds its note to the open lead', async () => {
    const h = await household();
    const grid = await workerOf(t, w, w.tree.grid);
    const visit = await grid.post('/api/visits', {
      householdId: h.id,
      visitedOn: '2026-11-20',
      kind: 'routine',
      findings: '户主务工受伤，三个月无收入',
    });
    expect(visit.statusCode, visit.body).toBe(201);
    const lead = await grid.post('/api/monitoring/leads', {
      householdId: h.id,
      source: 'visit',
      visitId: visit.json().id,
      note: '户主务工受伤，三个月无收入',
    });
    expect(lead.statusCode, lead.body).toBe(201);
    expect(lead.json()).toMatchObject({
      source: 'visit',
      status: 'open',
      note: '户主务工受伤，三个月无收入',
    });
    const again = await w.staff.post('/api/monitoring/leads', {
      householdId: h.id,
      source: 'department_data',
      note: '医保局：年度自付医疗费 4.2 万元',
    });
    expect(again.json()).toMatchObject({
      id: lead.json().id,
      source: 'visit',
      note: '医保局：年度自付医疗费 4.2 万元',
    });
    const other = await household();
    const wrongVisit = await grid.post('/api/monitoring/leads', {
      householdId: other.id,
      source: 'visit',
      visitId: visit.json().id,
      note: 'x',
    });
    expect(wrongVisit.statusCode).toBe(400);
    expect(wrongVisit.json().error.details[0].field).toBe('visitId');
    const stranger = await signIn(t, ['grid_worker'], [w.tree.otherGrid]);
    const hidden = await stranger.post('/api/monitoring/leads', {
      householdId: h.id,
      source: 'visit',
      note: 'x',
    });
    expect(hidden.statusCode).toBe(404);
  });

  it('a resident declares hardship for their own household only', async () => {
    const dwelling = await addPlace(t.database, w.tree.building, 'dwelling', '自主申报室');
    const h = await family(w, dwelling);
    const resident = await signIn(t, ['resident'], [dwelling]);
    const res = await resident.post('/api/monitoring/declarations', {
      reasons: ['illness'],
      note: '孩子住院，家里没钱了',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ householdId: h.id, source: 'self_declaration' });
    expect((await resident.get('/api/monitoring/leads')).statusCode).toBe(403);
    const homeless = await signIn(t, ['resident'], [w.tree.otherGrid]);
    expect(
      (await homeless.post('/api/monitoring/declarations', { reasons: ['illness'], note: 'x' })).statusCode,
    ).toBe(404);
    const unknown = await resident.post('/api/monitoring/declarations', { reasons: ['lottery'], note: 'x' });
    expect(unknown.json().error.details[0]).toMatchObject({ field: 'reasons', reason: 'unknown risk type' });
    const empty = await resident.post('/api/monitoring/declarations', { reasons: [], note: '' });
    expect(empty.statusCode).toBe(400);
  });
});
