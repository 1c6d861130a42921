import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../../../test/harness.ts';
import { json, world, xml, xmlErrors, type World } from './open311.test-support.ts';
import { names, textOf } from './xml.test-support.ts';

let w: World;
let category: string;
const get = (url: string) => w.get(url);

beforeAll(async () => {
  w = await world();
  category = w.category;
});
afterAll(() => w.close());

describe('discovery and services, open to anyone', () => {
  it('describes the endpoint in XML and JSON', async () => {
    const doc = xml(await get('discovery.xml'));
    expect(doc.name).toBe('discovery');
    expect(names(doc)).toEqual(['changeset', 'contact', 'key_service', 'endpoints']);
    const endpoint = doc.children[3].children[0];
    expect(endpoint.name).toBe('endpoint');
    expect(textOf(endpoint, 'specification')).toBe('http://wiki.open311.org/GeoReport_v2');
    expect(textOf(endpoint, 'type')).toBe('production');
    expect(endpoint.children.find((c) => c.name === 'formats')!.children.map((f) => f.text)).toEqual([
      'text/xml',
      'application/json',
    ]);
    const body = json(await get('discovery.json'));
    expect(body.endpoints[0]).toMatchObject({ url: 'http://localhost:80/open311/v2', type: 'production' });
    expect(body.key_service).toMatch(/api_key/);
    expect(body.changeset).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
  });

  it('lists the category catalogue as services', async () => {
    const doc = xml(await get('services.xml'));
    expect(doc.name).toBe('services');
    const service = doc.children.find((s) => textOf(s, 'service_code') === 'neighbour_dispute')!;
    expect(service.name).toBe('service');
    expect(names(service)).toEqual([
      'service_code',
      'service_name',
      'description',
      'metadata',
      'type',
      'keywords',
      'group',
    ]);
    expect(textOf(service, 'service_name')).toBe('邻里纠纷');
    expect(textOf(service, 'metadata')).toBe('false');
    expect(textOf(service, 'type')).toBe('realtime');
    const list = json(await get('services.json?locale=en'));
    expect(list.find((s: { service_code: string }) => s.service_code === category)).toMatchObject({
      service_name: 'Missing manhole cover',
      metadata: true,
      type: 'realtime',
      group: 'grid',
    });
    expect(
      list.find((s: { service_code: string }) => s.service_code === 'neighbour_dispute').description,
    ).toMatch(/72 h/);
  });

  it('defines a service with its attributes, an empty list when it has none', async () => {
    const doc = xml(await get(`services/${category}.xml`));
    expect(doc.name).toBe('service_definition');
    expect(textOf(doc, 'service_code')).toBe(category);
    const [size, note] = doc.children[1].children;
    expect(names(size)).toEqual([
      'variable',
      'code',
      'datatype',
      'required',
      'datatype_description',
      'order',
      'description',
      'values',
    ]);
    expect(textOf(size, 'code')).toBe('SIZE');
    expect(size.children[7].children.map((v) => [textOf(v, 'key'), textOf(v, 'name')])).toEqual([
      ['S', '小'],
      ['L', '大'],
    ]);
    expect(textOf(note, 'required')).toBe('false');
    expect(json(await get('services/neighbour_dispute.json'))).toEqual({
      service_code: 'neighbour_dispute',
      attributes: [],
    });
  });

  it('answers an unknown service code with 404 in the spec’s error format', async () => {
    expect(xmlErrors(xml(await get('services/no_such_thing.xml'), 404))).toEqual([
      [404, 'service_code no_such_thing was not found'],
    ]);
    expect(json(await get('services/no_such_thing.json'), 404)).toEqual([
      { code: 404, description: 'service_code no_such_thing was not found' },
    ]);
    expect(xmlErrors(xml(await get('services/neighbour_dispute.csv'), 404))[0][0]).toBe(404);
    expect(xmlErrors(xml(await get('nothing_here.xml'), 404))[0][0]).toBe(404);
  });

  it('limits the rate of the public endpoints', async () => {
    expect((await get('services.json')).headers['x-ratelimit-limit']).toBe('300');
    let res = await w.post('xml', {});
    expect(res.headers['x-ratelimit-limit']).toBe('60');
    for (let i = 0; i < 60 && res.statusCode !== 429; i++) res = await w.post('xml', {});
    expect(xmlErrors(xml(res, 429))[0][0]).toBe(429);
    const openapi = (await w.t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(Object.keys(openapi.paths).filter((p) => p.startsWith('/open311'))).toEqual([]);
    expect(Object.keys(openapi.paths)).toContain('/api/open311/keys');
  });

  it('is not swallowed by the web app’s fallback', async () => {
    const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'anju-web-'));
    fs.writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>安居</title>');
    const withWeb = await testApp({ webDist: dist });
    try {
      const miss = await withWeb.app.inject({ method: 'GET', url: '/open311/v2/nothing.xml' });
      expect(xmlErrors(xml(miss, 404))).toEqual([[404, 'no resource GET /open311/v2/nothing.xml']]);
      const services = await withWeb.app.inject({ method: 'GET', url: '/open311/v2/services.json' });
      expect(json(services).length).toBeGreaterThan(0);
      expect((await withWeb.app.inject({ method: 'GET', url: '/incidents' })).body).toContain('安居');
    } finally {
      await withWeb.close();
      fs.rmSync(dist, { recursive: true });
    }
  });
});
