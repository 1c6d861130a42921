import { randomInt } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { creditCheckCharacter } from '@anju/contracts';
import { addPlace, errorCode, signIn, testApp, type Client, type TestApp } from '../../../test/harness.ts';
import { family, registryWorld, type RegistryWorld } from '../registry/registry.fixture.ts';

let t: TestApp;
let w: RegistryWorld;
let outsider: Client;

const CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
function creditCode() {
  let body = '92530602';
  while (body.length < 17) body += CHARS[randomInt(CHARS.length)];
  return body + creditCheckCharacter(body);
}

const yesterday = () => new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);

async function enterprise(c: Client, placeId: number, workshopType: string | null = 'home_based') {
  const res = await c.post('/api/enterprises', {
    creditCode: creditCode(),
    name: `安居车间${randomInt(1e6)}`,
    kind: 'individual_business',
    placeId: String(placeId),
    workshopType,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

async function newFamily() {
  const dwelling = await addPlace(t.database, w.tree.building, 'dwelling', `${randomInt(1e6)}`);
  const h = await family(w, dwelling);
  const [head, spouse] = h.members as { id: string }[];
  return { id: h.id as string, head: head.id, spouse: spouse.id };
}

const job = (personId: string, enterpriseId: string | null, over: Record<string, unknown> = {}) =>
  w.staff.post('/api/employment/records', {
    personId,
    kind: 'workshop',
    employerName: '安居车间',
    enterpriseId,
    monthlyWage: 2400,
    startOn: '2025-01-01',
    source: 'enterprise',
    ...over,
  });

const standing = async (id: string) => (await w.staff.get(`/api/enterprises/${id}`)).json().workshop;

beforeAll(async () => {
  t = await testApp();
  w = await registryWorld(t);
  outsider = await signIn(t, ['community_staff'], [w.tree.otherCommunity]);
});
afterAll(() => t.close());

describe('a workshop counted from the employment records linked to it', () => {
  it('counts relocated or formerly poor people in current jobs, each once', async () => {
    const workshop = await enterprise(w.staff, w.tree.community);
    expect(await standing(workshop)).toMatchObject({ employed: 0, minimumEmployed: 5, recognised: false });

    const a = await newFamily();
    const linked = await job(a.head, workshop);
    expect(linked.statusCode, linked.body).toBe(201);
    expect(linked.json().enterpriseId).toBe(workshop);
    // a second current record of the same person with the same workshop: still one person
    expect((await job(a.head, workshop, { startOn: '2025-06-01' })).statusCode).toBe(201);
    // a record that ended yesterday does not count
    expect((await job(a.spouse, workshop, { endOn: yesterday() })).statusCode).toBe(201);
    // neither relocated nor formerly poor: not counted
    const local = await newFamily();
    await t.database.query(
      `UPDATE households SET origin_village_id = NULL, relocation_year = NULL, poverty_status = 'ordinary'
        WHERE id = $1`,
      [local.id],
    );
    expect((await job(local.head, workshop)).statusCode).toBe(201);
    // named by name only, no link: not counted
    expect((await job(local.spouse, null)).statusCode).toBe(201);
    expect(await standing(workshop)).toMatchObject({ employed: 1, recognised: false });

    for (const f of [await newFamily(), await newFamily()]) {
      expect((await job(f.head, workshop)).statusCode).toBe(201);
      expect((await job(f.spouse, workshop)).statusCode).toBe(201);
    }
    expect(await standing(workshop)).toMatchObject({ employed: 5, recognised: true });
    const listed = (await w.staff.get('/api/enterprises?workshop=any&pageSize=100')).json().items;
    expect(listed.find((e: { id: string }) => e.id === workshop).workshop).toMatchObject({
      employed: 5,
      recognised: true,
    });

    // ending one of the five jobs takes the workshop below the criterion
    const ending = (await job(a.spouse, workshop)).json();
    expect(await standing(workshop)).toMatchObject({ employed: 6 });
    const ended = await w.staff.patch(`/api/employment/records/${ending.id}`, {
      endOn: yesterday(),
      version: ending.version,
    });
    expect(ended.statusCode, ended.body).toBe(200);
    expect(await standing(workshop)).toMatchObject({ employed: 5, recognised: true });
  });

  it('links only an enterprise of the register in the caller’s scope', async () => {
    const elsewhere = await enterprise(outsider, w.tree.otherCommunity, null);
    const f = await newFamily();
    const res = await job(f.head, elsewhere);
    expect(res.statusCode).toBe(400);
    expect(errorCode(res)).toBe('validation_failed');
    expect(res.json().error.details[0]).toMatchObject({
      field: 'enterpriseId',
      reason: 'unknown enterprise',
    });
    const missing = await job(f.head, '999999999');
    expect(missing.json().error.details[0]).toMatchObject({
      field: 'enterpriseId',
      reason: 'unknown enterprise',
    });
    const count = await t.database.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM employment_records WHERE person_id = $1',
      [f.head],
    );
    expect(count[0].n).toBe(0);

    const own = await enterprise(w.staff, w.tree.community, null);
    const rec = (await job(f.head, null)).json();
    const linked = await w.staff.patch(`/api/employment/records/${rec.id}`, {
      enterpriseId: own,
      version: rec.version,
    });
    expect(linked.statusCode, linked.body).toBe(200);
    expect(linked.json()).toMatchObject({ enterpriseId: own, version: 2 });
    const history = (await w.staff.get(`/api/employment/records/${rec.id}/history`)).json();
    expect(history[0].changes.enterpriseId).toEqual([null, Number(own)]);
    const moved = await w.staff.patch(`/api/employment/records/${rec.id}`, {
      enterpriseId: elsewhere,
      version: 2,
    });
    expect(moved.json().error.details[0]).toMatchObject({
      field: 'enterpriseId',
      reason: 'unknown enterprise',
    });
  });
});
