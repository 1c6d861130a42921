import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_SECRET } from '../../test/harness.ts';
import { createCipher } from '../platform/crypto.ts';
import type { Database } from '../db/client.ts';
import { migratedFreshDatabase, type FreshDatabase } from '../db/fresh-database.ts';
import { rows } from '../db/rows.ts';
import { sql } from 'drizzle-orm';
import { demandOf } from '../modules/sites/sites.repo.ts';
import { demoAccountsSeeder } from './demo-accounts.ts';
import { seed } from './index.ts';
import { personsSeeder } from './persons-seeder.ts';
import { placesSeeder } from './places-seeder.ts';
import { sitesSeeder } from './sites-seeder.ts';

const cipher = createCipher(Buffer.from(TEST_SECRET, 'hex'));
let fresh: FreshDatabase;
let database: Database;

beforeAll(async () => {
  ({ fresh, database } = await migratedFreshDatabase());
  await seed(database, {
    scale: 'site',
    seed: 3,
    cipher,
    seeders: [placesSeeder, personsSeeder, demoAccountsSeeder, sitesSeeder],
  });
});
afterAll(async () => {
  await database.close();
  await fresh.drop();
});

describe('sites demo data', () => {
  it('gives every site its facilities, projects paying households and a plan, and one kindergarten short of places', async () => {
    const sites = await rows<{ id: number }>(
      database.db,
      sql`SELECT DISTINCT site_id AS id FROM site_facility_sites ORDER BY 1`,
    );
    expect(sites.length).toBeGreaterThan(0);
    const demand = await demandOf(
      database.db,
      sites.map((s) => Number(s.id)),
      new Date().toISOString().slice(0, 10),
    );
    const short = demand.filter(
      (d) => d.what === 'site' && d.kind === 'kindergarten' && d.demand > Number(d.capacity),
    );
    expect(short).toHaveLength(1);
    const [paid] = await rows<{ households: number; payments: number }>(
      database.db,
      sql`SELECT (SELECT count(*)::int FROM industry_beneficiaries) AS households,
                 (SELECT count(*)::int FROM industry_payments) AS payments`,
    );
    expect(paid.households).toBeGreaterThan(0);
    expect(paid.payments).toBe(paid.households * 2);
  });
});
