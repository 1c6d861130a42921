import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_SECRET } from '../../test/harness.ts';
import { createCipher } from '../platform/crypto.ts';
import type { Database } from '../db/client.ts';
import { migratedFreshDatabase, type FreshDatabase } from '../db/fresh-database.ts';
import { demoAccountsSeeder } from './demo-accounts.ts';
import { employmentSeeder } from './employment-seeder.ts';
import { enterprisesSeeder } from './enterprises-seeder.ts';
import { governanceSeeder } from './governance-seeder.ts';
import { seed } from './index.ts';
import { personsSeeder } from './persons-seeder.ts';
import { placesSeeder } from './places-seeder.ts';
import { POSTS_PER_SITE, postsSeeder, STARTING_WORKSHOP, workshopStaffSeeder } from './posts-seeder.ts';

const cipher = createCipher(Buffer.from(TEST_SECRET, 'hex'));
let fresh: FreshDatabase;
let database: Database;

beforeAll(async () => {
  ({ fresh, database } = await migratedFreshDatabase());
  await seed(database, {
    scale: 'site',
    seed: 3,
    cipher,
    seeders: [
      placesSeeder,
      personsSeeder,
      demoAccountsSeeder,
      governanceSeeder,
      enterprisesSeeder,
      employmentSeeder,
      workshopStaffSeeder,
      postsSeeder,
    ],
  });
});
afterAll(async () => {
  await database.close();
  await fresh.drop();
});

describe('posts and workshop staff seeders', () => {
  it('puts held and vacant posts on every site, each holder on their own public-welfare job', async () => {
    const sites = await database.query<{ place_id: string; held: number; vacant: number }>(
      `SELECT pp.place_id::text, count(h.id)::int AS held, count(*) FILTER (WHERE h.id IS NULL)::int AS vacant
         FROM public_welfare_posts pp
         LEFT JOIN post_holdings h ON h.post_id = pp.id AND h.end_on IS NULL
        GROUP BY pp.place_id`,
    );
    expect(sites.length).toBeGreaterThan(0);
    for (const s of sites) {
      expect(s.held).toBeGreaterThan(0);
      expect(s.held).toBeLessThanOrEqual(POSTS_PER_SITE);
      expect(s.vacant).toBe(1);
    }
    const wrong = await database.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM post_holdings h
         JOIN employment_records r ON r.id = h.record_id
         JOIN public_welfare_posts pp ON pp.id = h.post_id
         JOIN persons p ON p.id = h.person_id
        WHERE r.person_id <> h.person_id OR r.kind <> 'public_welfare_post' OR r.end_on IS NOT NULL
           OR r.monthly_wage <> pp.monthly_subsidy OR p.residence_path NOT LIKE pp.place_path || '%'`,
    );
    expect(wrong[0].n).toBe(0);
    const attendance = await database.query<{ n: number; over: number }>(
      `SELECT count(*)::int AS n,
              count(*) FILTER (WHERE a.days_worked > extract(day FROM a.month + interval '1 month - 1 day'))::int AS over
         FROM post_attendance a`,
    );
    expect(attendance[0].n).toBeGreaterThan(0);
    expect(attendance[0].over).toBe(0);
  });

  it('links the current workshop jobs of a site to its workshops, named after them', async () => {
    const [r] = await database.query<{
      linked: number;
      unnamed: number;
      recognised: number;
      starting: number;
    }>(
      `SELECT count(*)::int AS linked,
              count(*) FILTER (WHERE r.employer_name <> e.name)::int AS unnamed,
              (SELECT count(*)::int FROM (SELECT enterprise_id FROM employment_records WHERE end_on IS NULL
                                            AND enterprise_id IS NOT NULL GROUP BY enterprise_id
                                          HAVING count(DISTINCT person_id) >= 5) x) AS recognised,
              (SELECT count(*)::int FROM (SELECT enterprise_id FROM employment_records WHERE end_on IS NULL
                                            AND enterprise_id IS NOT NULL GROUP BY enterprise_id
                                          HAVING count(DISTINCT person_id) = ${STARTING_WORKSHOP}) x) AS starting
         FROM employment_records r JOIN enterprises e ON e.id = r.enterprise_id`,
    );
    expect(r.linked).toBeGreaterThan(0);
    expect(r.unnamed).toBe(0);
    expect(r.recognised).toBeGreaterThan(0);
    expect(r.starting).toBeGreaterThan(0);
  });
});
