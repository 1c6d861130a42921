import { afterAll, describe, expect, it } from 'vitest';
import { TEST_SECRET } from '../../test/harness.ts';
import { createCipher } from '../platform/crypto.ts';
import type { Database } from '../db/client.ts';
import { migratedFreshDatabase, type FreshDatabase } from '../db/fresh-database.ts';
import { demoAccountsSeeder } from './demo-accounts.ts';
import { employmentSeeder } from './employment-seeder.ts';
import { enterprisesSeeder } from './enterprises-seeder.ts';
import { governanceSeeder } from './governance-seeder.ts';
import { seed } from './index.ts';
import { jobsSeeder } from './jobs-seeder.ts';
import { personsSeeder } from './persons-seeder.ts';
import { placesSeeder } from './places-seeder.ts';

let db: { database: Database; fresh: FreshDatabase };
afterAll(async () => {
  await db.database.close();
  await db.fresh.drop();
});

describe('jobs seeder', () => {
  it('posts jobs of the register, links the demo enterprise staff and leaves applications in every state', async () => {
    db = await migratedFreshDatabase();
    await seed(db.database, {
      scale: 'site',
      seed: 7,
      cipher: createCipher(Buffer.from(TEST_SECRET, 'hex')),
      seeders: [
        placesSeeder,
        personsSeeder,
        demoAccountsSeeder,
        governanceSeeder,
        enterprisesSeeder,
        employmentSeeder,
        jobsSeeder,
      ],
    });
    const [counts] = await db.database.query<{ jobs: number; staff: number; bad: number }>(
      `SELECT (SELECT count(*)::int FROM jobs) AS jobs, (SELECT count(*)::int FROM enterprise_staff) AS staff,
              (SELECT count(*)::int FROM jobs WHERE wage_max < wage_min) AS bad`,
    );
    expect(counts.jobs).toBeGreaterThan(0);
    expect(counts).toMatchObject({ staff: 2, bad: 0 });
    const states = await db.database.query<{ status: string; consented: boolean }>(
      `SELECT DISTINCT status, consented_at IS NOT NULL AS consented FROM job_applications ORDER BY status`,
    );
    expect(states).toEqual([
      { status: 'applied', consented: true },
      { status: 'interview', consented: true },
      { status: 'recommended', consented: false },
    ]);
  });
});
