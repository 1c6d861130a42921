import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from '../../../test/harness.ts';
import { json, world, type World } from './open311.test-support.ts';

let w: World;
beforeAll(async () => {
  w = await world();
});
afterAll(() => w.close());

describe('what an Open311 key reads', () => {
  it('never a resident’s report the key did not file, in its list or by id', async () => {
    const resident = await signIn(w.t, ['resident'], [w.tree.dwelling]);
    const res = await resident.post('/api/incidents', {
      categoryCode: 'neighbour_dispute',
      title: '楼上漏水',
      description: '我家住101，楼上总漏水',
      placeId: String(w.tree.dwelling),
    });
    expect(res.statusCode, res.body).toBe(201);
    const code = res.json().code;
    expect(json(await w.get(`requests/${code}.json?api_key=${w.key}`), 404)).toEqual([
      { code: 404, description: `service_request_id ${code} was not found` },
    ]);
    const listed = json(await w.get(`requests.json?api_key=${w.key}`));
    expect(JSON.stringify(listed)).not.toContain(code);
    expect(json(await w.get(`tokens/${code}.json?api_key=${w.key}`), 404)[0].code).toBe(404);
  });
});
