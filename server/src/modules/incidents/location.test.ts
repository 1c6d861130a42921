import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addPlace,
  errorCode,
  makeTree,
  signIn,
  testApp,
  type Client,
  type TestApp,
  type Tree,
} from '../../../test/harness.ts';

let t: TestApp;
let tree: Tree;
let resident: Client;
let worker: Client;
let outsider: Client;

/** The first bytes of a WebM file, as MediaRecorder writes it. */
const WEBM = Buffer.concat([Buffer.from([0x1a, 0x45, 0xdf, 0xa3]), Buffer.alloc(400, 7)]);
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64)]);

const upload = (c: Client, incidentId: string, kind: 'voice' | 'photos', body: Buffer) => {
  const boundary = `----anju${Math.random().toString(36).slice(2)}`;
  return c.request({
    method: 'POST',
    url: `/api/incidents/${incidentId}/${kind}`,
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="m"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
      body,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
  });
};

const report = (c: Client, body: Record<string, unknown>) => c.post('/api/incidents', body);

beforeAll(async () => {
  t = await testApp();
  tree = await makeTree(t.database);
  resident = await signIn(t, ['resident'], [tree.dwelling]);
  worker = await signIn(t, ['grid_worker'], [tree.grid]);
  outsider = await signIn(t, ['grid_worker'], [tree.otherGrid]);
});
afterAll(() => t.close());

describe('where a report happened', () => {
  it('names a flat with its building, so ten 101室 tell apart', async () => {
    const res = await report(resident, {
      categoryCode: 'neighbour_dispute',
      title: '楼上漏水',
      placeId: String(tree.dwelling),
      locationKind: 'home',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      place: { id: String(tree.dwelling), name: '101室', label: '1栋 101室' },
      locationKind: 'home',
      point: null,
    });
    const listed = (await worker.get('/api/incidents')).json().items;
    expect(listed.find((i: { id: string }) => i.id === res.json().id).place.label).toBe('1栋 101室');
  });

  it('takes a building of the community, and a point of its map with the grid it lies in', async () => {
    const building = await report(resident, {
      categoryCode: 'neighbour_dispute',
      title: '楼道灯坏了',
      placeId: String(tree.building),
      locationKind: 'building',
    });
    expect(building.statusCode, building.body).toBe(201);
    expect(building.json()).toMatchObject({ place: { label: '1栋' }, locationKind: 'building' });
    const point = await report(resident, {
      categoryCode: 'neighbour_dispute',
      title: '路灯不亮',
      placeId: String(tree.grid),
      locationKind: 'point',
      lat: 26.5,
      lng: 104.2,
    });
    expect(point.statusCode, point.body).toBe(201);
    expect(point.json()).toMatchObject({ locationKind: 'point', point: { lat: 26.5, lng: 104.2 } });
    const detail = await worker.get(`/api/incidents/${point.json().id}`);
    expect(detail.json()).toMatchObject({ place: { label: '第一网格' }, point: { lat: 26.5, lng: 104.2 } });
  });

  it('refuses a place that does not fit how it says where, and a point without coordinates', async () => {
    const home = await report(resident, {
      categoryCode: 'neighbour_dispute',
      title: '漏水',
      placeId: String(tree.building),
      locationKind: 'home',
    });
    expect(home.statusCode).toBe(400);
    expect(home.json().error.details).toMatchObject([{ field: 'placeId', params: { kind: 'home' } }]);
    const point = await report(resident, {
      categoryCode: 'neighbour_dispute',
      title: '路灯',
      placeId: String(tree.grid),
      locationKind: 'point',
      lng: 104.2,
    });
    expect(point.statusCode).toBe(400);
    expect(point.json().error.details).toMatchObject([{ field: 'lat', reason: 'required' }]);
    const away = await report(resident, { placeId: String(tree.otherGrid), locationKind: 'area' });
    expect(errorCode(away)).toBe('not_found');
  });
});

describe('a quick report', () => {
  it('needs only the place: it goes under other requests for the accepting official to sort', async () => {
    const res = await report(resident, { placeId: String(tree.building), locationKind: 'building' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ categoryCode: 'other', title: '', description: '' });
  });

  it('carries one voice message, played back to the officials of its place and no one else', async () => {
    const { id } = (await report(resident, { placeId: String(tree.dwelling), locationKind: 'home' })).json();
    const sent = await upload(resident, id, 'voice', WEBM);
    expect(sent.statusCode, sent.body).toBe(201);
    expect(sent.json()).toMatchObject({ contentType: 'audio/webm', bytes: WEBM.length });
    expect((await upload(resident, id, 'photos', PNG)).statusCode).toBe(201);
    const second = await upload(resident, id, 'voice', WEBM);
    expect(second.statusCode).toBe(400);
    expect(second.json().error.details).toMatchObject([
      { field: 'file', reason: 'one voice message a step' },
    ]);
    const detail = (await worker.get(`/api/incidents/${id}`)).json();
    expect(detail.steps[0]).toMatchObject({ voiceIds: [sent.json().id] });
    expect(detail.steps[0].photoIds).toHaveLength(1);
    const played = await worker.get(`/api/incident-photos/${sent.json().id}`);
    expect(played.statusCode).toBe(200);
    expect(played.headers['content-type']).toBe('audio/webm');
    expect(played.rawPayload.equals(WEBM)).toBe(true);
    expect(errorCode(await outsider.get(`/api/incident-photos/${sent.json().id}`))).toBe('not_found');
    expect(errorCode(await upload(outsider, id, 'voice', WEBM))).toBe('not_found');
  });

  it('refuses a file that is no recording, and a recording too large', async () => {
    const { id } = (await report(resident, { placeId: String(tree.dwelling), locationKind: 'home' })).json();
    expect(errorCode(await upload(resident, id, 'voice', PNG))).toBe('unsupported_media_type');
    const big = Buffer.concat([WEBM, Buffer.alloc(2 * 1024 * 1024)]);
    expect(errorCode(await upload(resident, id, 'voice', big))).toBe('payload_too_large');
  });

  it('keeps its labels unique across buildings of a community', async () => {
    const building = await addPlace(t.database, tree.grid, 'building', '2栋');
    const flat = await addPlace(t.database, building, 'dwelling', '101室');
    const rural = await addPlace(t.database, tree.grid, 'building', '3排');
    const house = await addPlace(t.database, rural, 'dwelling', '3排2号');
    const a = await report(worker, { categoryCode: 'other', title: '漏水', placeId: String(flat) });
    const b = await report(worker, { categoryCode: 'other', title: '漏水', placeId: String(house) });
    expect([a.json().place.label, b.json().place.label]).toEqual(['2栋 101室', '3排2号']);
  });
});
