import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_SECRET } from '../../test/harness.ts';
import { createCipher } from '../platform/crypto.ts';
import type { Database } from '../db/client.ts';
import { demoAccountsSeeder } from './demo-accounts.ts';
import { migratedFreshDatabase, type FreshDatabase } from '../db/fresh-database.ts';
import { seed } from './index.ts';
import { incidentsSeeder } from './incidents-seeder.ts';
import { INCOME_YEAR, monitoringSeeder } from './monitoring-seeder.ts';
import { personsSeeder } from './persons-seeder.ts';
import { placesSeeder } from './places-seeder.ts';

let fresh: FreshDatabase;
let database: Database;
beforeAll(async () => {
  ({ fresh, database } = await migratedFreshDatabase());
  await seed(database, {
    scale: 'site',
    seed: 3,
    cipher: createCipher(Buffer.from(TEST_SECRET, 'hex')),
    seeders: [placesSeeder, personsSeeder, demoAccountsSeeder, incidentsSeeder, monitoringSeeder],
  });
});
afterAll(async () => {
  await database.close();
  await fresh.drop();
});

describe('monitoring seeder', () => {
  it('gives every active household two years of incomes with realistic figures', async () => {
    const [r] = await database.query<{
      households: number;
      with_income: number;
      mean: number;
      wage_share: number;
      below: number;
    }>(
      `SELECT (SELECT count(*)::int FROM households WHERE status = 'active') AS households,
              count(*) FILTER (WHERE year = $1)::int AS with_income,
              avg(per_capita_net) FILTER (WHERE year = $1)::float8 AS mean,
              (sum(wage) FILTER (WHERE year = $1)::float8 / sum(wage + operating + property + transfer) FILTER (WHERE year = $1)) AS wage_share,
              (count(*) FILTER (WHERE year = $1 AND per_capita_net < 7600)::float8 / count(*) FILTER (WHERE year = $1)) AS below
         FROM household_incomes`,
      [INCOME_YEAR],
    );
    expect(r.with_income).toBe(r.households);
    expect(r.mean).toBeGreaterThan(11_000);
    expect(r.mean).toBeLessThan(16_000);
    expect(r.wage_share).toBeCloseTo(0.78, 1);
    expect(r.below).toBeGreaterThan(0.005);
    expect(r.below).toBeLessThan(0.1);
  });

  it('sets the provinces’ lines and raises screening leads with the rule version', async () => {
    const lines = await database.query<{ year: number; amount: number }>(
      `SELECT year, amount FROM monitoring_lines ORDER BY year`,
    );
    expect(lines.map((l) => [l.year, l.amount])).toEqual([
      [INCOME_YEAR - 1, 7300],
      [INCOME_YEAR, 7600],
    ]);
    const [leads] = await database.query<{ n: number; versioned: number; households: number }>(
      `SELECT count(*)::int AS n, count(rule_version)::int AS versioned,
              (SELECT count(*)::int FROM households) AS households FROM monitoring_leads`,
    );
    expect(leads.n).toBeGreaterThan(0);
    expect(leads.versioned).toBe(leads.n);
    expect(leads.n / leads.households).toBeLessThan(0.5);
  });
});
