import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addPlace, testApp, type TestApp } from '../../../test/harness.ts';
import { csvOf, householdRows, upload } from '../registry/import/import.fixture.ts';
import { family, member, registryWorld, type RegistryWorld } from '../registry/registry.fixture.ts';

let t: TestApp;
let w: RegistryWorld;
beforeAll(async () => {
  t = await testApp();
  w = await registryWorld(t);
});
afterAll(() => t.close());

const dwelling = (name: string) => addPlace(t.database, w.tree.building, 'dwelling', name);
const flagOf = async (householdId: string | number) =>
  (await w.staff.get(`/api/households/${householdId}/employment`)).json().zeroEmployment as {
    clearedOn: string | null;
  } | null;

describe('a household registered with labour and no job', () => {
  it('is flagged in the request that registers it', async () => {
    const h = await family(w, await dwelling('501室'));
    expect(await flagOf(h.id)).toMatchObject({ clearedOn: null });
  });

  it('is not flagged when nobody in it can work', async () => {
    const res = await w.staff.post('/api/households', {
      dwellingId: String(await dwelling('502室')),
      resettlementType: 'urban_centralized',
      povertyStatus: 'ordinary',
      members: [member(w, { labourCapacity: 'none' })],
    });
    expect(res.statusCode).toBe(201);
    expect(await flagOf(res.json().id)).toBeNull();
  });

  it('is flagged when a member who can work moves in', async () => {
    const res = await w.staff.post('/api/households', {
      dwellingId: String(await dwelling('504室')),
      resettlementType: 'urban_centralized',
      povertyStatus: 'ordinary',
      members: [member(w, { labourCapacity: 'none' })],
    });
    const h = res.json();
    expect(await flagOf(h.id)).toBeNull();
    const moved = await w.staff.post(`/api/households/${h.id}/events`, {
      event: 'move_in',
      date: '2026-11-01',
      version: h.version,
      person: member(w, { name: '王芳', relation: 'spouse', labourCapacity: 'full' }),
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(await flagOf(h.id)).toMatchObject({ clearedOn: null });
  });

  it('is flagged by the import that registers it, in the commit', async () => {
    const dwellingId = await dwelling('503室');
    const rows = await householdRows(t, w, '1', dwellingId);
    const job = (await upload(w.staff, Buffer.from(csvOf(rows)), 'new.csv')).json();
    expect(job.counts).toMatchObject({ valid: 2, households: 1 });
    const res = await w.staff.post(`/api/registry/imports/${job.id}/commit`, { skipBadRows: false });
    expect(res.json().status).toBe('committed');
    const [h] = await t.database.query<{ id: number }>(`SELECT id FROM households WHERE dwelling_id = $1`, [
      dwellingId,
    ]);
    expect(await flagOf(h.id)).toMatchObject({ clearedOn: null });
  });
});
