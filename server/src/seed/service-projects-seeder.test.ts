import { afterAll, describe, expect, it } from 'vitest';
import { TEST_SECRET } from '../../test/harness.ts';
import { createCipher } from '../platform/crypto.ts';
import { migratedFreshDatabase, type FreshDatabase } from '../db/fresh-database.ts';
import type { Database } from '../db/client.ts';
import { demoAccountsSeeder } from './demo-accounts.ts';
import { seed } from './index.ts';
import { personsSeeder } from './persons-seeder.ts';
import { placesSeeder } from './places-seeder.ts';
import { serviceProjectsSeeder } from './service-projects-seeder.ts';
import { servicesSeeder } from './services-seeder.ts';

const cipher = createCipher(Buffer.from(TEST_SECRET, 'hex'));
let opened: { database: Database; fresh: FreshDatabase } | undefined;
afterAll(async () => {
  await opened?.database.close();
  await opened?.fresh.drop();
});

describe('service projects seeder', () => {
  it('seeds projects under way and evaluated, within budget, served by their provider, rated only by those served', async () => {
    opened = await migratedFreshDatabase();
    const { database } = opened;
    await seed(database, {
      scale: 'site',
      seed: 3,
      cipher,
      seeders: [placesSeeder, personsSeeder, demoAccountsSeeder, servicesSeeder, serviceProjectsSeeder],
    });
    const [f] = await database.query<Record<string, number>>(
      `SELECT (SELECT count(*)::int FROM service_projects WHERE status = 'active') AS active,
              (SELECT count(*)::int FROM service_projects WHERE status = 'evaluated') AS evaluated,
              (SELECT count(*)::int FROM service_projects p
                WHERE (SELECT COALESCE(sum(spent), 0) FROM service_project_reports r WHERE r.project_id = p.id) > p.budget) AS over_budget,
              (SELECT count(*)::int FROM service_projects p JOIN social_organizations o ON o.id = p.org_id
                WHERE NOT p.category = ANY(o.service_areas)) AS not_offered,
              (SELECT count(*)::int FROM service_project_ratings r
                WHERE NOT EXISTS (SELECT 1 FROM service_project_served s
                                   WHERE s.project_id = r.project_id AND s.household_id = r.household_id)) AS unserved_ratings,
              (SELECT count(*)::int FROM service_project_ratings) AS ratings,
              (SELECT count(*)::int FROM service_project_milestones WHERE done_on > due_on) AS late,
              (SELECT count(*)::int FROM service_project_milestones WHERE done_on <= due_on) AS on_time,
              (SELECT count(*)::int FROM service_project_milestones WHERE done_on > current_date) AS future`,
    );
    expect(f.active).toBeGreaterThan(0);
    expect(f.evaluated).toBeGreaterThan(0);
    expect(f.ratings).toBeGreaterThan(0);
    expect(f.late).toBeGreaterThan(0);
    expect(f.on_time).toBeGreaterThan(f.late);
    expect({
      over: f.over_budget,
      notOffered: f.not_offered,
      unserved: f.unserved_ratings,
      future: f.future,
    }).toEqual({
      over: 0,
      notOffered: 0,
      unserved: 0,
      future: 0,
    });
  });
});
