import { afterAll, describe, expect, it } from 'vitest';
import { TEST_SECRET } from '../../test/harness.ts';
import { createCipher } from '../platform/crypto.ts';
import type { Database } from '../db/client.ts';
import { migratedFreshDatabase, type FreshDatabase } from '../db/fresh-database.ts';
import { casesSeeder } from './cases-seeder.ts';
import { demoAccountsSeeder } from './demo-accounts.ts';
import { employmentSeeder } from './employment-seeder.ts';
import { enterprisesSeeder } from './enterprises-seeder.ts';
import { governanceSeeder } from './governance-seeder.ts';
import { incidentsSeeder } from './incidents-seeder.ts';
import { seed } from './index.ts';
import { jobsSeeder } from './jobs-seeder.ts';
import { monitoringSeeder } from './monitoring-seeder.ts';
import { personsSeeder } from './persons-seeder.ts';
import { placementsSeeder } from './placements-seeder.ts';
import { placesSeeder } from './places-seeder.ts';

let db: { database: Database; fresh: FreshDatabase };
afterAll(async () => {
  await db.database.close();
  await db.fresh.drop();
});

describe('placements seeder', () => {
  it("links hires to live cases' running employment measures, each a current job of a household member", async () => {
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
        incidentsSeeder,
        monitoringSeeder,
        casesSeeder,
        enterprisesSeeder,
        employmentSeeder,
        jobsSeeder,
        placementsSeeder,
      ],
    });
    const [r] = await db.database.query<{ linked: number; wrong: number; hired: number; open_zero: number }>(
      `SELECT count(*)::int AS linked,
              count(*) FILTER (WHERE p.household_id <> c.household_id OR r.end_on IS NOT NULL OR m.type <> 'employment')::int AS wrong,
              count(a.id)::int AS hired,
              count(z.id)::int AS open_zero
         FROM assistance_measures m
         JOIN monitoring_cases c ON c.id = m.case_id
         JOIN employment_records r ON r.id = m.employment_record_id
         JOIN persons p ON p.id = r.person_id
         LEFT JOIN job_applications a ON a.record_id = r.id AND a.status = 'hired'
         LEFT JOIN zero_employment_households z ON z.household_id = c.household_id AND z.cleared_on IS NULL`,
    );
    expect(r.linked).toBeGreaterThan(0);
    expect(r).toMatchObject({ wrong: 0, hired: r.linked, open_zero: 0 });
  });
});
