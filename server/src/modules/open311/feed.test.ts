import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode, signIn, type Client } from '../../../test/harness.ts';
import { json, world, xml, type World } from './open311.test-support.ts';
import { textOf } from './xml.test-support.ts';

let w: World;
let resident: Client;
beforeAll(async () => {
  w = await world();
  resident = await signIn(w.t, ['resident'], [w.tree.dwelling]);
});
afterAll(() => w.close());

/** A resident's own report, with what identifies them in its description, position and notes. */
async function residentReport() {
  const res = await resident.post('/api/incidents', {
    categoryCode: 'neighbour_dispute',
    title: '101室楼上漏水',
    description: '我是101室的王芳，电话13912345678',
    placeId: String(w.tree.dwelling),
    lat: 26.58,
    lng: 106.71,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; code: string; version: number };
}
const mark = (c: Client, id: string, body: Record<string, unknown>) => c.put(`/api/open311/feed/${id}`, body);
const ids = async (url: string) =>
  json(await w.get(url)).map((r: { service_request_id: string }) => r.service_request_id);

describe('the keyless public feed', () => {
  it('shows only what an official marked public, with only its public fields', async () => {
    const incident = await residentReport();
    expect(json(await w.get(`requests/${incident.code}.json`), 404)[0].code).toBe(404);
    expect(await ids('requests.json')).not.toContain(incident.code);

    const marked = await mark(w.grid, incident.id, {
      publicFeed: true,
      publicDescription: false,
      version: 1,
    });
    expect(marked.json(), marked.body).toEqual({
      id: incident.id,
      publicFeed: true,
      publicDescription: false,
      version: 2,
    });
    const [shown] = json(await w.get(`requests/${incident.code}.json`));
    expect(shown).toMatchObject({
      service_request_id: incident.code,
      status: 'open',
      service_code: 'neighbour_dispute',
      description: null,
      status_notes: null,
      address: '靖安社区',
      address_id: null,
      lat: null,
      long: null,
    });
    expect(shown.requested_datetime).toMatch(/Z$/);
    expect(await ids('requests.json')).toContain(incident.code);
    const doc = xml(await w.get(`requests.xml?service_request_id=${incident.code}`)).children[0];
    expect(textOf(doc, 'address')).toBe('靖安社区');
    for (const body of [JSON.stringify(shown), JSON.stringify(doc)]) {
      for (const secret of ['王芳', '13912345678', '101', '26.58']) expect(body).not.toContain(secret);
    }

    await mark(w.grid, incident.id, { publicFeed: true, publicDescription: true, version: 2 });
    const [described] = json(await w.get(`requests/${incident.code}.json`));
    expect(described.description).toBe('我是101室的王芳，电话13912345678');
    expect(described.address).toBe('靖安社区');

    await mark(w.grid, incident.id, { publicFeed: false, publicDescription: true, version: 3 });
    expect(json(await w.get(`requests/${incident.code}.json`), 404)[0].code).toBe(404);
  });

  it('shows a key’s own requests in full next to the feed', async () => {
    const incident = await residentReport();
    await mark(w.grid, incident.id, { publicFeed: true, publicDescription: false, version: 1 });
    const [seen] = json(await w.get(`requests/${incident.code}.json?api_key=${w.key}`));
    expect(seen).toMatchObject({ description: null, address: '靖安社区', lat: null });
  });

  it('is marked by officials who see the incident, at its version, audited', async () => {
    const incident = await residentReport();
    const stale = await mark(w.grid, incident.id, { publicFeed: true, publicDescription: false, version: 9 });
    expect(stale.statusCode).toBe(409);
    const far = await signIn(w.t, ['grid_worker'], [w.tree.otherGrid]);
    expect(
      errorCode(await mark(far, incident.id, { publicFeed: true, publicDescription: false, version: 1 })),
    ).toBe('not_found');
    expect(
      errorCode(
        await mark(resident, incident.id, { publicFeed: true, publicDescription: false, version: 1 }),
      ),
    ).toBe('forbidden');
    const bad = await mark(w.grid, incident.id, { publicFeed: 'yes', version: 1 });
    expect(bad.statusCode).toBe(400);
    expect(json(await w.get(`requests/${incident.code}.json`), 404)[0].code).toBe(404);
    await mark(w.grid, incident.id, { publicFeed: true, publicDescription: false, version: 1 });
    const [row] = await w.t.database.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'incident.publication' AND target_id = $1`,
      [incident.id],
    );
    expect(row.n).toBe(1);
  });
});
