import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode, makeTree, signIn, testApp, type Client, type TestApp, type Tree } from './harness.ts';

// What fuzzing found answering 500 or never: each input once, with the answer it must get.
let t: TestApp;
let tree: Tree;
let staff: Client;
let worker: Client;
let auditor: Client;

beforeAll(async () => {
  t = await testApp();
  tree = await makeTree(t.database);
  staff = await signIn(t, ['community_staff'], [tree.community]);
  worker = await signIn(t, ['grid_worker'], [tree.grid]);
  auditor = await signIn(t, ['audit_admin']);
});
afterAll(() => t.close());

/** The fields a 400 names. */
const fields = (body: string) =>
  (JSON.parse(body) as { error: { details: { field: string }[] } }).error.details.map((d) => d.field);

describe('quotes and braces in a tag filter are data, not array syntax', () => {
  const TAGS = ['a"b', '{a}', 'a}', '{', "a'b", 'a\\b', 'x,"y"},{z'];

  it.each(TAGS)('lists persons tagged %j: none, no error', async (tag) => {
    const res = await staff.get(`/api/persons?tags=${encodeURIComponent(tag)}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().items).toEqual([]);
  });

  it.each(TAGS)('exports persons tagged %j as a whole file', async (tag) => {
    for (const format of ['csv', 'xlsx']) {
      const res = await staff.get(`/api/persons/export?format=${format}&tags=${encodeURIComponent(tag)}`);
      expect(res.statusCode, res.body).toBe(200);
      if (format === 'csv') expect(res.body).toMatch(/^\uFEFF户ID,姓名,[^\n]*\r\n$/);
      // a whole .xlsx ends with the zip's end-of-central-directory record
      else expect(res.rawPayload.subarray(-22, -18).toString('hex')).toBe('504b0506');
    }
  });
});

describe('dates outside the years 1900–2100 are refused by name', () => {
  const cases: [string, string, () => Client][] = [
    ['/api/audit?from=0000-01-01', 'querystring.from', () => auditor],
    ['/api/audit?to=0000-01-01T00:00:00Z', 'querystring.to', () => auditor],
    ['/api/audit/export?from=0000-12-31', 'querystring.from', () => auditor],
    ['/api/visits?from=0000-01-01', 'querystring.from', () => staff],
    ['/api/visits/due?on=0000-01-01', 'querystring.on', () => staff],
    ['/api/visits/coverage?communityId=:c&from=0000-01-01&to=2026-01-01', 'querystring.from', () => staff],
    ['/api/incidents/kpi?from=0000-01-01&to=2026-01-01', 'querystring.from', () => staff],
    ['/api/incidents/kpi/trend?from=2026-01-01&to=9999-12-31', 'querystring.to', () => staff],
    ['/api/incidents/kpi/breakdown?from=1899-12-31&to=2026-01-01', 'querystring.from', () => staff],
    ['/api/incidents/kpi/export?from=0000-01-01&to=2026-01-01', 'querystring.from', () => staff],
  ];

  it.each(cases)('GET %s → 400 naming %s', async (url, field, who) => {
    const res = await who().get(url.replace(':c', String(tree.community)));
    expect(res.statusCode, res.body).toBe(400);
    expect(fields(res.body)).toContain(field);
  });

  it('takes the first and the last day of the range', async () => {
    const res = await auditor.get('/api/audit?from=1900-01-01&to=2100-12-31T23:59:59Z');
    expect(res.statusCode, res.body).toBe(200);
  });
});

describe('a multipart body that cannot be read gets a 400', () => {
  const b = 'fuzzb';
  const part = `--${b}\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\n姓名\r\n`;
  const bodies: [string, string, string][] = [
    ['no boundary', 'multipart/form-data', `${part}--${b}--\r\n`],
    ['an unclosed part', `multipart/form-data; boundary=${b}`, part],
    ['an unclosed quote', `multipart/form-data; boundary="${b}`, part],
    ['an overlong boundary', `multipart/form-data; boundary=${'b'.repeat(300)}`, part],
  ];
  const uploads: [() => Client, string][] = [
    [() => staff, '/api/registry/imports'],
    [() => worker, '/api/monitoring/incomes/import'],
    [() => worker, '/api/monitoring/department-data'],
    [() => worker, '/api/incidents/:c/photos'],
    [() => worker, '/api/visits/:c/photos'],
  ];

  it.each(
    uploads.flatMap(([who, url]) => bodies.map(([name, type, payload]) => [url, name, who, type, payload])),
  )('POST %s with %s', async (url, _name, who, type, payload) => {
    const res = await (who as () => Client)().request({
      method: 'POST',
      url: (url as string).replace(':c', String(tree.community)),
      headers: { 'content-type': type as string },
      payload: payload as string,
    });
    expect(res.statusCode, res.body).toBeGreaterThanOrEqual(400);
    expect(res.statusCode, res.body).toBeLessThan(500);
    errorCode(res);
  });
});

describe('an upload that stops arriving', () => {
  it('is cut off once it falls silent, its handler and connection freed', async () => {
    const quick = await testApp({ idleTimeoutMs: 300 });
    try {
      const tree = await makeTree(quick.database);
      const c = await signIn(quick, ['community_staff'], [tree.community]);
      await quick.app.listen({ port: 0, host: '127.0.0.1' });
      const { port } = quick.app.server.address() as AddressInfo;
      const socket = net.connect(port, '127.0.0.1');
      const closed = new Promise<void>((resolve) => socket.on('close', () => resolve()));
      socket.on('error', () => {});
      await new Promise<void>((resolve) => socket.on('connect', resolve));
      socket.write(
        `POST /api/registry/imports HTTP/1.1\r\nHost: x\r\nCookie: ${c.cookie}\r\nX-CSRF-Token: ${c.csrf}\r\nContent-Type: multipart/form-data; boundary=${'z'}\r\n` +
          `Content-Length: 100000\r\n\r\n--z\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\n姓名`,
      );
      await closed;
      expect(socket.destroyed).toBe(true);
    } finally {
      await quick.close();
    }
  });
});
