import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addPlace, errorCode, signIn, testApp, type Client, type TestApp } from '../../../test/harness.ts';
import { family, member, registryWorld, type RegistryWorld } from '../registry/registry.fixture.ts';
import { imageTypeOf } from '../../platform/files/photo.ts';
import { PNG, upload, visit, workerOf as assigned } from './visits.fixture.ts';

let t: TestApp;
let w: RegistryWorld;
let worker: Client;
let household: { id: string };

const workerOf = (grid: number) => assigned(t, w, grid);

beforeAll(async () => {
  t = await testApp();
  w = await registryWorld(t);
  household = await family(w);
  worker = await workerOf(w.tree.grid);
});
afterAll(() => t.close());

describe('logging visits', () => {
  it('lets a grid worker log a visit in their grid, with a finding for the incidents module', async () => {
    const res = await visit(worker, household.id, {
      kind: 'vulnerable_care',
      becomesIncident: true,
      followUps: '联系物业',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      householdId: household.id,
      gridId: String(w.tree.grid),
      kind: 'vulnerable_care',
      becomesIncident: true,
      incidentId: null,
      visitorName: worker.username,
    });
    const listed = (await w.staff.get(`/api/visits?householdId=${household.id}`)).json();
    expect(listed.items.map((v: { id: string }) => v.id)).toContain(res.json().id);
  });

  it('refuses a household outside the worker’s grids', async () => {
    const grid = await addPlace(t.database, w.tree.community, 'grid', '别的网格');
    const building = await addPlace(t.database, grid, 'building', '8栋');
    const elsewhere = await family(w, await addPlace(t.database, building, 'dwelling', '801'));
    const res = await visit(worker, elsewhere.id);
    expect(res.statusCode).toBe(404);
    expect(errorCode(res)).toBe('not_found');
    const wide = await signIn(t, ['grid_worker'], [w.tree.community]);
    const refused = await visit(wide, elsewhere.id);
    expect(refused.statusCode).toBe(403);
    expect(errorCode(refused)).toBe('forbidden');
  });

  it.each([
    [{ kind: 'gossip' }, 'kind'],
    [{ visitedOn: '2999-01-01' }, 'visitedOn'],
    [{ visitedOn: '2025-02-30' }, 'visitedOn'],
    [{ findings: 'x'.repeat(4001) }, 'findings'],
  ])('refuses bad input %j', async (over, field) => {
    const res = await visit(worker, household.id, over);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].field).toBe(field);
  });
});

describe('photos', () => {
  let visitId: string;
  beforeAll(async () => {
    visitId = (await visit(worker, household.id)).json().id;
  });

  it('knows images by their first bytes', () => {
    expect(imageTypeOf(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
    expect(imageTypeOf(PNG)).toBe('image/png');
    expect(imageTypeOf(Buffer.from('RIFF\x10\x00\x00\x00WEBPVP8 ', 'latin1'))).toBe('image/webp');
  });

  it('stores a PNG and serves it back with its type, in scope only', async () => {
    const res = await upload(worker, visitId, PNG, 'roof.png');
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ contentType: 'image/png', bytes: PNG.length });
    const back = await w.staff.get(`/api/visit-photos/${res.json().id}`);
    expect(back.statusCode).toBe(200);
    expect(back.headers['content-type']).toBe('image/png');
    expect(back.rawPayload.equals(PNG)).toBe(true);
    expect((await w.staff.get(`/api/visits/${visitId}`)).json().photoIds).toEqual([res.json().id]);
    const stranger = await signIn(t, ['community_staff'], [w.tree.otherCommunity]);
    expect((await stranger.get(`/api/visit-photos/${res.json().id}`)).statusCode).toBe(404);
  });

  it('refuses a text file named .png, and a photo over 5 MB, in the error shape', async () => {
    const text = await upload(worker, visitId, Buffer.from('not really a picture'), 'fake.png');
    expect(text.statusCode).toBe(415);
    expect(errorCode(text)).toBe('unsupported_media_type');
    const big = await upload(worker, visitId, Buffer.concat([PNG, Buffer.alloc(5 * 1024 * 1024)]), 'big.png');
    expect(big.statusCode).toBe(413);
    expect(errorCode(big)).toBe('payload_too_large');
    expect((await w.staff.get(`/api/visits/${visitId}`)).json().photoIds).toHaveLength(1);
  });
});

describe('coverage', () => {
  it('divides due plan cycles visited by due plan cycles (worked example)', async () => {
    const grid = await addPlace(t.database, w.tree.community, 'grid', '覆盖网格');
    const building = await addPlace(t.database, grid, 'building', '6栋');
    const single = async (room: string, tags: string[]) =>
      w.staff.post('/api/households', {
        dwellingId: String(await addPlace(t.database, building, 'dwelling', room)),
        resettlementType: 'urban_centralized',
        povertyStatus: 'ordinary',
        members: [member(w, { name: '张奶奶', tags })],
      });
    const elderly = await single('601', ['elderly_alone']);
    const ordinary = (await single('602', [])).json();
    const a = await workerOf(grid);
    const b = await workerOf(grid);
    const e = elderly.json().id;
    for (const [who, h, on] of [
      [a, e, '2025-01-10'],
      [a, e, '2025-01-20'],
      [b, e, '2025-03-05'],
      [a, ordinary.id, '2025-02-20'],
      [a, e, '2025-04-01'],
    ] as const)
      expect((await visit(who, h, { visitedOn: on })).statusCode).toBe(201);
    const res = await w.staff.get(
      `/api/visits/coverage?communityId=${w.tree.community}&from=2025-01-01&to=2025-03-31`,
    );
    expect(res.statusCode, res.body).toBe(200);
    const cov = res.json();
    // elderly living alone, every 30 days: 2 of 3 cycles; ordinary, every 90 days: visited; 3 of 4
    expect(cov.grids.find((g: { id: string }) => g.id === String(grid))).toMatchObject({
      due: 4,
      visited: 3,
      rate: 0.75,
    });
    expect(cov.workers.find((x: { id: string }) => x.id === String(a.userId))).toMatchObject({
      due: 4,
      visited: 2,
      rate: 0.5,
    });
    expect(cov.workers.find((x: { id: string }) => x.id === String(b.userId))).toMatchObject({
      due: 4,
      visited: 1,
      rate: 0.25,
    });
    const feb = (
      await w.staff.get(`/api/visits/coverage?communityId=${w.tree.community}&from=2025-02-01&to=2025-03-02`)
    ).json();
    // one 30-day cycle (Feb 1 – Mar 2) lies inside, unvisited; no 90-day cycle does
    expect(feb.grids.find((g: { id: string }) => g.id === String(grid))).toMatchObject({
      due: 1,
      visited: 0,
      rate: 0,
    });
    const backwards = await w.staff.get(
      `/api/visits/coverage?communityId=${w.tree.community}&from=2025-03-01&to=2025-01-01`,
    );
    expect(backwards.statusCode).toBe(400);
  });
});

describe('visit access', () => {
  it('is forbidden without visit permissions and reveals nothing out of scope', async () => {
    const resident = await signIn(t, ['resident'], [w.tree.dwelling]);
    expect((await visit(resident, household.id)).statusCode).toBe(403);
    expect((await resident.get('/api/visits')).statusCode).toBe(403);
    const staff = await signIn(t, ['community_staff'], [w.tree.community]);
    expect((await visit(staff, household.id)).statusCode).toBe(403);
    const stranger = await signIn(t, ['township_officer'], [w.tree.otherCommunity]);
    const [one] = (await w.staff.get(`/api/visits?householdId=${household.id}`)).json().items;
    expect((await stranger.get(`/api/visits/${one.id}`)).statusCode).toBe(404);
    expect((await stranger.get(`/api/visits?householdId=${household.id}`)).json().total).toBe(0);
    expect(
      (
        await stranger.get(
          `/api/visits/coverage?communityId=${w.tree.community}&from=2025-01-01&to=2025-03-31`,
        )
      ).statusCode,
    ).toBe(404);
    const partyMember = await signIn(t, ['party_member'], [w.tree.building]);
    expect((await visit(partyMember, household.id)).statusCode).toBe(201);
  });
});
