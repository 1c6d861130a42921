import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode, makeTree, signIn } from '../../../test/harness.ts';
import { json, REPORTER, world, type World } from './open311.test-support.ts';

let w: World;
beforeAll(async () => {
  w = await world();
});
afterAll(() => w.close());

const url = () => `/api/open311/services/${w.category}`;
const read = async () => (await w.admin.get(url())).json();
const put = (body: unknown) => w.admin.put(`${url()}/attributes`, body);
/** What is stored for the category, nationally and for each region. */
const stored = async () =>
  w.t.database.query(
    `SELECT c.attributes, (SELECT jsonb_object_agg(place_id, attributes) FROM category_attributes
                            WHERE category_code = c.code) AS regions
       FROM incident_categories c WHERE c.code = $1`,
    [w.category],
  );
const KIND = {
  code: 'KIND',
  datatype: 'multivaluelist',
  description: '损坏情况',
  required: true,
  datatype_description: null,
  values: [
    { key: 'broken', name: '破损' },
    { key: 'gone', name: '丢失' },
  ],
};
const fields = (over: Record<string, string> = {}) => ({
  api_key: w.key,
  service_code: w.category,
  address_id: w.dwellingCode,
  description: '井盖不见了',
  ...REPORTER,
  'attribute[SIZE]': 'S',
  ...over,
});

describe('Open311 service attributes', () => {
  it('lists the services with their attributes in order', async () => {
    const res = await w.admin.get('/api/open311/services');
    expect(res.statusCode, res.body).toBe(200);
    const mine = res.json().find((s: { code: string }) => s.code === w.category);
    expect(mine.attributes.map((a: { code: string }) => a.code)).toEqual(['SIZE', 'NOTE']);
    expect(mine.version).toMatch(/^[\w-]{16}$/);
  });

  it('replaces the attributes, audited; Open311 shows and asks them at once', async () => {
    const before = await read();
    const [size, note] = before.attributes;
    const res = await put({ attributes: [note, KIND, size], version: before.version });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().attributes.map((a: { code: string }) => a.code)).toEqual(['NOTE', 'KIND', 'SIZE']);
    expect(res.json().version).not.toBe(before.version);
    const definition = json(await w.get(`services/${w.category}.json?api_key=${w.key}`));
    expect(definition.attributes.map((a: { code: string; order: number }) => [a.code, a.order])).toEqual([
      ['NOTE', 1],
      ['KIND', 2],
      ['SIZE', 3],
    ]);
    expect(definition.attributes[1]).toMatchObject({
      required: true,
      datatype: 'multivaluelist',
      values: KIND.values,
    });
    expect(
      json(await w.get(`services.json?api_key=${w.key}`)).find(
        (s: { service_code: string }) => s.service_code === w.category,
      ),
    ).toMatchObject({ metadata: true });
    expect(json(await w.post('json', fields()), 400)).toEqual([
      { code: 400, description: 'attribute[KIND]: is required' },
    ]);
    const filed = json(await w.post('json', fields({ 'attribute[KIND][]': 'gone' })));
    expect(filed[0].service_request_id).toBeTruthy();
    const [row] = await w.t.database.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'open311.attributes.set' AND target_id = $1`,
      [w.category],
    );
    expect(row.n).toBe(1);
  });

  it('refuses a stale version with 409 and keeps what is stored', async () => {
    const current = await read();
    const kept = await stored();
    const res = await put({ attributes: [], version: 'AAAAAAAAAAAAAAAA' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.details).toEqual([{ field: 'version', reason: 'stale' }]);
    expect(await stored()).toEqual(kept);
    expect((await read()).version).toBe(current.version);
  });

  it('names each wrong field: codes used twice, lists without values, unknown datatypes, too many', async () => {
    const { version } = await read();
    const reasons = async (attributes: unknown[]) => {
      const res = await put({ attributes, version });
      expect(res.statusCode, res.body).toBe(400);
      return res
        .json()
        .error.details.map((d: { field: string; reason: string }) => `${d.field}: ${d.reason}`);
    };
    expect(await reasons([KIND, KIND])).toEqual(['attributes.1.code: used twice']);
    expect(await reasons([{ ...KIND, values: [] }])).toEqual(['attributes.0.values: a list needs values']);
    expect(await reasons([{ ...KIND, datatype: 'string' }])).toEqual([
      'attributes.0.values: only lists take values',
    ]);
    expect(await reasons([{ ...KIND, values: [KIND.values[0], KIND.values[0]] }])).toEqual([
      'attributes.0.values.1.key: used twice',
    ]);
    expect((await reasons([{ ...KIND, datatype: 'colour' }]))[0]).toMatch(/^attributes\.0\.datatype: /);
    const many = Array.from({ length: 31 }, (_, i) => ({ ...KIND, code: `Q${i}` }));
    expect(await reasons(many)).toHaveLength(1);
  });

  it('is refused to those who do not manage Open311, and unknown services are not found', async () => {
    const { version } = await read();
    const kept = await stored();
    const grid = await signIn(w.t, ['community_staff'], [w.tree.community]);
    expect(errorCode(await grid.get(url()))).toBe('forbidden');
    expect(errorCode(await grid.get('/api/open311/services'))).toBe('forbidden');
    const res = await grid.request({
      method: 'PUT',
      url: `${url()}/attributes`,
      payload: { attributes: [], version },
    });
    expect(errorCode(res)).toBe('forbidden');
    expect(await stored()).toEqual(kept);
    expect(errorCode(await w.admin.get('/api/open311/services/no_such_service'))).toBe('not_found');
  });

  it('are a county’s own: another county’s admin, keys and readers keep theirs', async () => {
    const other = await makeTree(w.t.database);
    const otherAdmin = await signIn(w.t, ['county_admin'], [other.county]);
    const otherKey = (
      await otherAdmin.post('/api/open311/keys', { name: '邻县热线', placeId: String(other.county) })
    ).json().key;
    const theirs = (await otherAdmin.get(url())).json();
    expect(theirs).toMatchObject({ region: null, regionId: null });
    const before = await read();
    const mine = await put({ attributes: [KIND], version: before.version });
    expect(mine.json()).toMatchObject({ regionId: String(w.tree.county) });
    const codes = async (query: string) =>
      json(await w.get(`services/${w.category}.json${query}`)).attributes.map(
        (a: { code: string }) => a.code,
      );
    expect(await codes(`?api_key=${w.key}`)).toEqual(['KIND']);
    expect(await codes(`?api_key=${otherKey}`)).toEqual(['SIZE', 'NOTE']);
    expect(await codes('')).toEqual(['SIZE', 'NOTE']);
    expect((await otherAdmin.get(url())).json()).toMatchObject({ version: theirs.version, region: null });
  });
});
