import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_SECRET } from '../../test/harness.ts';
import { createCipher } from '../platform/crypto.ts';
import type { Database } from '../db/client.ts';
import { migratedFreshDatabase, type FreshDatabase } from '../db/fresh-database.ts';
import { demoAccountsSeeder } from './demo-accounts.ts';
import { EMPLOYED_SHARE, employmentSeeder } from './employment-seeder.ts';
import { governanceSeeder } from './governance-seeder.ts';
import { seed } from './index.ts';
import { personsSeeder } from './persons-seeder.ts';
import { placesSeeder } from './places-seeder.ts';

const cipher = createCipher(Buffer.from(TEST_SECRET, 'hex'));
const seeders = [placesSeeder, personsSeeder, demoAccountsSeeder, governanceSeeder, employmentSeeder];
const opened: FreshDatabase[] = [];
const databases: Database[] = [];

async function seeded(n: number) {
  const { fresh, database } = await migratedFreshDatabase();
  opened.push(fresh);
  databases.push(database);
  await seed(database, { scale: 'site', seed: n, cipher, seeders });
  return database;
}

/** The seeded jobs without ids, in a stable order. */
const jobs = async (database: Database) =>
  (
    await database.query<{ rows: string }>(
      `SELECT string_agg(concat_ws('|', p.name, r.kind, r.employer_name, r.monthly_wage, r.start_on, r.end_on, r.source, r.verified),
                         E'\\n' ORDER BY p.id_hash, r.start_on) AS rows
         FROM employment_records r JOIN persons p ON p.id = r.person_id`,
    )
  )[0].rows;

let database: Database;
beforeAll(async () => {
  database = await seeded(5);
});
afterAll(async () => {
  for (const d of databases) await d.close();
  for (const f of opened) await f.drop();
});

describe('employment seeder', () => {
  it('employs about 94.5 % of the labour force with a realistic split of kinds', async () => {
    const [r] = await database.query<{ labour: number; employed: number; kinds: Record<string, number> }>(
      `WITH lf AS (
         SELECT p.id FROM persons p
          WHERE p.status = 'living' AND p.labour_capacity IN ('full', 'partial')
            AND p.birth_date <= current_date - interval '16 years'
            AND p.birth_date > current_date - make_interval(years => CASE WHEN p.sex = 'female' THEN 55 ELSE 60 END))
       SELECT (SELECT count(*)::int FROM lf) AS labour,
              (SELECT count(*)::int FROM lf WHERE EXISTS (SELECT 1 FROM employment_records r WHERE r.person_id = lf.id AND r.end_on IS NULL)) AS employed,
              (SELECT jsonb_object_agg(kind, n) FROM (SELECT kind, count(*)::int AS n FROM employment_records WHERE end_on IS NULL GROUP BY kind) k) AS kinds`,
    );
    expect(r.labour).toBeGreaterThan(100);
    expect(r.employed / r.labour).toBeGreaterThan(EMPLOYED_SHARE - 0.03);
    expect(r.employed / r.labour).toBeLessThan(EMPLOYED_SHARE + 0.03);
    const total = Object.values(r.kinds).reduce((a, b) => a + b, 0);
    expect(r.kinds.export_out_of_province / total).toBeGreaterThan(0.2);
    expect(Object.keys(r.kinds)).toHaveLength(7);
  });

  it('flags a few zero-employment households, some overdue, and tells the demo grid worker of those in their grid', async () => {
    const [z] = await database.query<{ open: number; households: number; wrong: number }>(
      `SELECT (SELECT count(*)::int FROM zero_employment_households WHERE cleared_on IS NULL) AS open,
              (SELECT count(*)::int FROM households WHERE status = 'active') AS households,
              (SELECT count(*)::int FROM zero_employment_households z
                WHERE EXISTS (SELECT 1 FROM persons p JOIN employment_records r ON r.person_id = p.id
                               WHERE p.household_id = z.household_id AND r.end_on IS NULL)) AS wrong`,
    );
    expect(z.open).toBeGreaterThan(0);
    expect(z.open / z.households).toBeLessThan(0.02);
    expect(z.wrong).toBe(0);
    const [n] = await database.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM notifications WHERE kind = 'zero_employment'`,
    );
    expect(n.n).toBeGreaterThan(0);
  });

  it('gives every member of the labour force a labour register entry', async () => {
    const [r] = await database.query<{ profiles: number; records: number }>(
      `SELECT (SELECT count(*)::int FROM labour_profiles) AS profiles,
              (SELECT count(DISTINCT person_id)::int FROM employment_records) AS records`,
    );
    expect(r.profiles).toBeGreaterThanOrEqual(r.records);
  });

  it('gives the same jobs for the same seed', async () => {
    expect(await jobs(await seeded(5))).toBe(await jobs(database));
  });
});
