import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, type Client } from '../../../test/harness.ts';
import { json, REPORTER, world, xml, xmlErrors, type World } from './open311.test-support.ts';
import { names, textOf } from './xml.test-support.ts';

let w: World;
beforeAll(async () => {
  w = await world();
});
afterAll(() => w.close());

const fields = (over: Record<string, string> = {}) => ({
  api_key: w.key,
  jurisdiction_id: 'anju.example',
  service_code: 'neighbour_dispute',
  address_id: w.dwellingCode,
  description: '楼上漏水，已经三天',
  ...REPORTER,
  ...over,
});
const report = async (over: Record<string, string> = {}) =>
  json(await w.post('json', fields(over)))[0].service_request_id as string;
const one = async (id: string, key = w.key) => json(await w.get(`requests/${id}.json?api_key=${key}`))[0];

describe('POST requests', () => {
  it('files a form-encoded request as an incident and answers with its id and a notice', async () => {
    const doc = xml(await w.post('xml', fields({ description: '楼道 <灯> & "门" 坏了' })));
    expect(doc.name).toBe('service_requests');
    const request = doc.children[0];
    expect(request.name).toBe('request');
    expect(names(request)).toEqual(['service_request_id', 'service_notice', 'account_id']);
    expect(textOf(request, 'service_request_id')).toMatch(/^SJ\d{8}-\d+$/);
    expect(textOf(request, 'service_notice')).toMatch(/^由第一网格办理：.+前签收，.+前办结。$/);
    const [row] = await w.t.database.query<{ source: string; reporter_name: string; title: string }>(
      'SELECT source, reporter_name, title FROM incidents WHERE code = $1',
      [textOf(request, 'service_request_id')],
    );
    expect(row).toEqual({ source: 'open311', reporter_name: '张三', title: '楼道 <灯> & "门" 坏了' });
  });

  it('takes JSON too, with attribute answers written into the description for the handler', async () => {
    const res = await w.t.app.inject({
      method: 'POST',
      url: '/open311/v2/requests.json?locale=en',
      payload: {
        api_key: w.key,
        service_code: w.category,
        address_id: w.dwellingCode,
        attribute: { SIZE: 'L' },
      },
    });
    const [created] = json(res);
    expect(created).toEqual({
      service_request_id: expect.stringMatching(/^SJ/),
      service_notice: expect.stringMatching(/^Handled by 第一网格: accepted by/),
      account_id: null,
    });
    expect(await one(created.service_request_id)).toMatchObject({ description: '井盖大小：大' });
  });

  it('refuses a missing, wrong or revoked api_key with 403', async () => {
    expect(xmlErrors(xml(await w.post('xml', fields({ api_key: 'nope' })), 403))).toEqual([
      [403, "Invalid api_key received -- can't proceed"],
    ]);
    expect(json(await w.post('json', { service_code: 'other' }), 403)).toEqual([
      { code: 403, description: 'api_key was not provided' },
    ]);
    const issued = (
      await w.admin.post('/api/open311/keys', { name: '临时', placeId: String(w.tree.county) })
    ).json();
    await report({ api_key: issued.key });
    expect(
      (await w.admin.request({ method: 'DELETE', url: `/api/open311/keys/${issued.id}` })).statusCode,
    ).toBe(200);
    expect(json(await w.post('json', fields({ api_key: issued.key })), 403)[0].description).toBe(
      'api_key was revoked',
    );
    expect(json(await w.get(`requests.json?api_key=${issued.key}`), 403)[0].code).toBe(403);
  });

  it('lists every missing field at once with 400, and says a place code is needed', async () => {
    const errors = xmlErrors(xml(await w.post('xml', { api_key: w.key, address_string: '' }), 400));
    expect(errors.map(([code]) => code)).toEqual([400, 400]);
    expect(errors[0][1]).toBe('service_code: is required');
    expect(errors[1][1]).toMatch(/^address_id: is required: give the code of the grid, building or dwelling/);
    const plain = json(await w.post('json', fields({ address_id: '', address_string: '3栋502' })), 400);
    expect(plain[0].description).toMatch(/or lat and long \(a free-form address cannot be placed\)/);
  });

  it('checks attributes, places and phone numbers, naming the spec’s fields', async () => {
    const bad = json(
      await w.post(
        'json',
        fields({ service_code: w.category, 'attribute[NOTE]': 'a\nb', 'attribute[X]': '1' }),
      ),
      400,
    );
    expect(bad.map((e: { description: string }) => e.description.split(':')[0]).sort()).toEqual([
      'attribute[NOTE]',
      'attribute[SIZE]',
      'attribute[X]',
    ]);
    const far = json(await w.post('json', fields({ api_key: w.otherKey })), 400);
    expect(far).toEqual([
      { code: 400, description: 'address_id: no place with this code in the area of the api_key' },
    ]);
    expect(json(await w.post('json', fields({ phone: '12' })), 400)[0].description).toMatch(/^phone: /);
    const county = await w.t.database.query<{ code: string }>('SELECT code FROM places WHERE id = $1', [
      w.tree.county,
    ]);
    expect(json(await w.post('json', fields({ address_id: county[0].code })), 400)[0].description).toMatch(
      /^address_id: must be a community, grid, building or dwelling/,
    );
    expect(json(await w.post('json', fields({ service_code: 'no_such' })), 404)).toEqual([
      { code: 404, description: 'service_code no_such was not found' },
    ]);
  });
});

describe('GET requests', () => {
  it('shows a request in XML with every field of the spec and never the reporter', async () => {
    const id = await report({ lat: '26.58', long: '106.71' });
    const res = await w.get(`requests/${id}.xml?api_key=${w.key}`);
    const request = xml(res).children[0];
    expect(names(request)).toEqual([
      'service_request_id',
      'status',
      'status_notes',
      'service_name',
      'service_code',
      'description',
      'agency_responsible',
      'service_notice',
      'requested_datetime',
      'updated_datetime',
      'expected_datetime',
      'address',
      'address_id',
      'zipcode',
      'lat',
      'long',
      'media_url',
    ]);
    expect(textOf(request, 'status')).toBe('open');
    expect(textOf(request, 'address')).toMatch(/^101室, 1栋, 第一网格, 靖安社区, 靖安镇, 测试县/);
    expect(textOf(request, 'address_id')).toBe(w.dwellingCode);
    expect(textOf(request, 'lat')).toBe('26.58');
    const requested = new Date(textOf(request, 'requested_datetime'));
    expect(textOf(request, 'requested_datetime')).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(new Date(textOf(request, 'expected_datetime')).getTime() - requested.getTime()).toBe(
      72 * 3600_000,
    );
    for (const body of [res.body, (await w.get(`requests.json?api_key=${w.key}`)).body]) {
      expect(body).not.toContain('张三');
      expect(body).not.toContain('1234');
      expect(body).not.toContain('139');
    }
  });

  it('filters by id, service code, status and dates, within the key’s area only', async () => {
    const a = await report();
    const b = await report({ service_code: w.category, 'attribute[SIZE]': 'S' });
    const ids = async (q: string, key = w.key) =>
      json(await w.get(`requests.json?api_key=${key}&${q}`)).map(
        (r: { service_request_id: string }) => r.service_request_id,
      );
    expect(await ids(`service_request_id=${a},${b}`)).toEqual([b, a]);
    const ofCategory = await ids(`service_code=${w.category},other`);
    expect(ofCategory).toContain(b);
    expect(ofCategory).not.toContain(a);
    expect(await ids('status=closed')).not.toContain(a);
    expect(await ids('status=open,closed')).toContain(a);
    const hourAgo = new Date(Date.now() - 3600_000).toISOString();
    expect(await ids(`start_date=${encodeURIComponent(hourAgo)}&status=open`)).toContain(a);
    expect(await ids('end_date=2020-01-01T00:00:00Z')).toEqual([]);
    expect(await ids('', w.otherKey)).not.toContain(a);
    const audited = await w.t.database.query<{ detail: { requests: string[] } }>(
      `SELECT detail FROM audit_log WHERE action = 'open311.read' AND actor_name = $1 AND detail->'requests' ? $2`,
      ['open311:县12345热线', a],
    );
    expect(audited.length).toBe(3);
    expect(json(await w.get(`requests/${a}.json?api_key=${w.otherKey}`), 404)[0].description).toBe(
      `service_request_id ${a} was not found`,
    );
  });

  it('refuses bad dates and statuses with 400, also without a key', async () => {
    const errors = xmlErrors(
      xml(
        await w.get(
          `requests.xml?api_key=${w.key}&start_date=2026-02-30T00:00:00Z&end_date=tomorrow&status=lost`,
        ),
        400,
      ),
    );
    expect(errors.map(([, d]) => d.split(':')[0])).toEqual(['start_date', 'end_date', 'status']);
    for (const q of [
      'start_date=2026-03-01T00:00:00Z&end_date=2026-01-01T00:00:00Z',
      'start_date=2026-01-01T00:00:00Z&end_date=2026-06-01T00:00:00Z',
      'start_date=2026-01-01',
    ]) {
      expect(json(await w.get(`requests.json?api_key=${w.key}&${q}`), 400)[0].code, q).toBe(400);
    }
    expect(json(await w.get('requests.json?status=lost'), 400)[0].description).toMatch(/^status: /);
  });

  it('resolves a token to the request it names, as requests are created at once', async () => {
    const id = await report();
    const request = xml(await w.get(`tokens/${id}.xml?api_key=${w.key}`)).children[0];
    expect(names(request)).toEqual(['service_request_id', 'token']);
    expect(json(await w.get(`tokens/${id}.json?api_key=${w.key}`))).toEqual([
      { service_request_id: id, token: id },
    ]);
    expect(json(await w.get(`tokens/SJ19990101-1.json?api_key=${w.key}`), 404)[0].code).toBe(404);
  });
});

describe('the same workflow as every incident', () => {
  const act = async (c: Client, id: string, body: Record<string, unknown>) => {
    const now = (await c.get(`/api/incidents/${id}`)).json();
    const res = await c.post(`/api/incidents/${id}/actions`, { version: now.version, ...body });
    expect(res.statusCode, res.body).toBe(200);
  };

  it('reaches the grid worker, shows their notes, and closes', async () => {
    const code = await report();
    const list = (await w.grid.get('/api/incidents?open=true&pageSize=200')).json();
    const incident = list.items.find((i: { code: string }) => i.code === code);
    expect(incident).toMatchObject({ source: 'open311', status: 'reported', level: 'grid' });
    const [n] = await w.t.database.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM notifications WHERE user_id = $1 AND kind = 'incident_reported'`,
      [w.grid.userId],
    );
    expect(n.n).toBeGreaterThan(0);
    await act(w.grid, incident.id, { action: 'accept', note: '已签收，今天上门' });
    expect(await one(code)).toMatchObject({ status: 'open', status_notes: '已签收，今天上门' });
    // a colleague handles it; the grid worker who dispatched checks the reply (separated duties)
    const colleague = await signIn(w.t, ['grid_worker'], [w.tree.grid]);
    await act(w.grid, incident.id, { action: 'dispatch', assigneeUserId: String(colleague.userId) });
    await act(colleague, incident.id, { action: 'start' });
    await act(colleague, incident.id, { action: 'reply', note: '已协调楼上修好水管' });
    await act(w.grid, incident.id, { action: 'verify' });
    await act(w.grid, incident.id, { action: 'callback', satisfaction: 'satisfied', note: '居民满意' });
    const closed = await one(code);
    expect(closed).toMatchObject({
      status: 'closed',
      status_notes: '居民满意',
      agency_responsible: '第一网格',
    });
    expect(new Date(closed.updated_datetime).getTime()).toBeGreaterThanOrEqual(
      new Date(closed.requested_datetime).getTime(),
    );
  });
});
