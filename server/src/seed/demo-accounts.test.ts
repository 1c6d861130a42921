import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { login, TEST_SECRET, type Client } from '../../test/harness.ts';
import { buildApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import { createCipher } from '../platform/crypto.ts';
import type { Database } from '../db/client.ts';
import { DEMO_PASSWORD, demoAccountsSeeder } from './demo-accounts.ts';
import { migratedFreshDatabase, type FreshDatabase } from '../db/fresh-database.ts';
import { seed } from './index.ts';
import { personsSeeder } from './persons-seeder.ts';
import { placesSeeder } from './places-seeder.ts';

let database: Database;
let fresh: FreshDatabase;
let app: FastifyInstance;
beforeAll(async () => {
  ({ database, fresh } = await migratedFreshDatabase());
  const cipher = createCipher(Buffer.from(TEST_SECRET, 'hex'));
  await seed(database, {
    scale: 'site',
    seed: 11,
    cipher,
    seeders: [placesSeeder, personsSeeder, demoAccountsSeeder],
  });
  const config = loadConfig({
    rateLimitLogin: 10_000,
    webDist: '/nonexistent',
    runJobs: false,
    secretKey: TEST_SECRET,
  });
  app = await buildApp(config, database, { logger: false });
  await app.ready();
}, 300_000);
afterAll(async () => {
  await app.close();
  await database.close();
  await fresh.drop();
});

/** Every living person a client's list holds, page by page. */
async function listed(c: Client) {
  const all: { id: string; side: string }[] = [];
  for (let page = 1; ; page++) {
    const res = await c.get(`/api/persons?pageSize=200&page=${page}`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    all.push(...body.items);
    if (all.length >= body.total) return { items: all, total: body.total as number };
  }
}

describe('the origin-side demo account', () => {
  it('sees the people registered in its origin county who live in the demo community, from the hukou side, and nobody else', async () => {
    const origin = await login(app, 'origin_officer', DEMO_PASSWORD);
    const [scope] = await database.query<{ path: string; level: string }>(
      `SELECT p.path, p.level FROM user_scopes s JOIN users u ON u.id = s.user_id JOIN places p ON p.id = s.place_id
        WHERE u.username = 'origin_officer'`,
    );
    expect(scope.level).toBe('county');
    const expected = await database.query<{ id: string }>(
      `SELECT id::text AS id FROM persons WHERE status = 'living' AND hukou_path LIKE $1 || '%' ORDER BY id`,
      [scope.path],
    );
    const [{ living }] = await database.query<{ living: number }>(
      `SELECT count(*)::int AS living FROM persons WHERE status = 'living'`,
    );
    // the origin county holds most of the community's people, but not those whose hukou moved
    expect(expected.length).toBeGreaterThan(living / 3);
    expect(expected.length).toBeLessThan(living);

    const { items, total } = await listed(origin);
    expect(total).toBe(expected.length);
    expect(items.map((p) => p.id).sort()).toEqual(expected.map((p) => p.id).sort());
    expect(new Set(items.map((p) => p.side))).toEqual(new Set(['hukou']));

    // people registered at the community, or in the villages of another origin county
    const others = await database.query<{ id: string; level: string }>(
      `SELECT DISTINCT ON (h.level) p.id::text AS id, h.level FROM persons p JOIN places h ON h.id = p.hukou_place_id
        WHERE p.status = 'living' AND p.hukou_path NOT LIKE $1 || '%' ORDER BY h.level, p.id`,
      [scope.path],
    );
    expect(others.map((o) => o.level)).toEqual(['community', 'village']);
    const staff = await login(app, 'community_staff', DEMO_PASSWORD);
    for (const other of others) {
      expect((await origin.get(`/api/persons/${other.id}`)).statusCode).toBe(404);
      const side = other.level === 'community' ? 'both' : 'residence';
      expect((await staff.get(`/api/persons/${other.id}`)).json().side).toBe(side);
    }
    const exported = await origin.request({
      method: 'GET',
      url: '/api/persons/export',
      query: { format: 'csv' },
    });
    expect(exported.rawPayload.toString('utf8').trim().split('\r\n')).toHaveLength(expected.length + 1);
  });
});

describe('the province-wide demo administrator', () => {
  it('keeps the party levels every county shares, which the county admin only reads', async () => {
    const levels = await database.query<{ placeLevel: string; labelZh: string; labelEn: string }>(
      `SELECT place_level AS "placeLevel", label_zh AS "labelZh", label_en AS "labelEn" FROM party_levels ORDER BY depth`,
    );
    const put = async (username: string) =>
      (await login(app, username, DEMO_PASSWORD)).put('/api/party/levels', { levels });
    expect((await put('county_admin')).statusCode).toBe(403);
    const res = await put('province_admin');
    expect(res.statusCode, res.body).toBe(200);
  });
});
