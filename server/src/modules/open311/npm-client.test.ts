import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPORTER, world, type World } from './open311.test-support.ts';

/**
 * Anju driven through `open311`, the GeoReport v2 client published on npm (Code for America's
 * node-open311), over real HTTP. Its XML parsers come from a git repository and a native build that
 * a registry-only install cannot fetch; the root package.json stands xml2js in for them, and the
 * client is used in its JSON format, which needs neither.
 */
interface Client {
  serviceList(cb: Callback): void;
  serviceDefinition(code: string, cb: Callback): void;
  submitRequest(data: Record<string, unknown>, cb: Callback): void;
  serviceRequests(
    id: string | string[] | Record<string, string>,
    params: Callback | Record<string, string>,
    cb?: Callback,
  ): void;
  token(token: string, cb: Callback): void;
}
type Callback = (err: unknown, data: unknown) => void;
type Open311 = new (options: Record<string, unknown>) => Client;
const Open311 = createRequire(import.meta.url)('open311') as Open311;

const call = <T>(start: (cb: Callback) => void) =>
  new Promise<T>((resolve, reject) =>
    start((err, data) => (err ? reject(new Error(`${String(err)}: ${String(data)}`)) : resolve(data as T))),
  );

interface Request {
  service_request_id: string;
  status: string;
  service_code: string;
  description: string | null;
  address: string | null;
  requested_datetime: Date;
}

let w: World;
let endpoint: string;
beforeAll(async () => {
  w = await world();
  await w.t.app.listen({ port: 0, host: '127.0.0.1' });
  endpoint = `http://127.0.0.1:${(w.t.app.server.address() as AddressInfo).port}/open311/v2/`;
});
afterAll(() => w.close());

const client = (apiKey?: string) =>
  new Open311({ endpoint, format: 'json', jurisdiction: 'anju.example', apiKey });

describe('the npm open311 client', () => {
  it('lists the services and reads a service definition with its attributes', async () => {
    const services = await call<{ service_code: string; metadata: boolean }[]>((cb) =>
      client().serviceList(cb),
    );
    expect(services).toContainEqual(expect.objectContaining({ service_code: w.category, metadata: true }));
    const definition = await call<{
      service_code: string;
      attributes: { code: string; required: boolean }[];
    }>((cb) => client().serviceDefinition(w.category, cb));
    expect(definition.service_code).toBe(w.category);
    expect(definition.attributes.map((a) => [a.code, a.required])).toEqual([
      ['SIZE', true],
      ['NOTE', false],
    ]);
  });

  it('files a request with attributes, then reads it back in full with its key', async () => {
    const [created] = await call<{ service_request_id: string }[]>((cb) =>
      client(w.key).submitRequest(
        {
          service_code: w.category,
          address_id: w.dwellingCode,
          description: '小区东门井盖缺失',
          attributes: { SIZE: 'S', NOTE: '靠近路灯' },
          ...REPORTER,
        },
        cb,
      ),
    );
    expect(created.service_request_id).toMatch(/^SJ\d{8}-\d+$/);

    // the client sends no key with GETs (GeoReport v2 needs none); a system adds its own to read in full
    const [read] = await call<Request[]>((cb) =>
      client(w.key).serviceRequests(created.service_request_id, { api_key: w.key }, cb),
    );
    expect(read).toMatchObject({
      service_request_id: created.service_request_id,
      status: 'open',
      service_code: w.category,
    });
    expect(read.description).toContain('小区东门井盖缺失');
    expect(read.requested_datetime).toBeInstanceOf(Date);
    expect(Number.isNaN(read.requested_datetime.getTime())).toBe(false);

    const listed = await call<Request[]>((cb) =>
      client(w.key).serviceRequests([created.service_request_id], { api_key: w.key }, cb),
    );
    expect(listed.map((r) => r.service_request_id)).toEqual([created.service_request_id]);
  });

  it('refuses a request without the required attribute, and shows nothing of it to a keyless reader', async () => {
    await expect(
      call((cb) =>
        client(w.key).submitRequest(
          { service_code: w.category, address_id: w.dwellingCode, ...REPORTER },
          cb,
        ),
      ),
    ).rejects.toThrow(/^400: .*SIZE/);

    const [created] = await call<{ service_request_id: string }[]>((cb) =>
      client(w.key).submitRequest(
        {
          service_code: 'neighbour_dispute',
          address_id: w.dwellingCode,
          description: '楼上漏水',
          ...REPORTER,
        },
        cb,
      ),
    );
    const keyless = await call<Request[]>((cb) =>
      client().serviceRequests({ service_code: 'neighbour_dispute' }, cb),
    );
    expect(keyless.map((r) => r.service_request_id)).not.toContain(created.service_request_id);
    await expect(call((cb) => client().serviceRequests(created.service_request_id, cb))).rejects.toThrow(
      /404/,
    );
  });
});
