import { afterAll, describe, expect, it } from 'vitest';
import { creditCodeProblem } from '@anju/contracts';
import { TEST_SECRET } from '../../test/harness.ts';
import { createCipher } from '../platform/crypto.ts';
import { migratedFreshDatabase, type FreshDatabase } from '../db/fresh-database.ts';
import type { Database } from '../db/client.ts';
import { demoAccountsSeeder } from './demo-accounts.ts';
import { seed } from './index.ts';
import { personsSeeder } from './persons-seeder.ts';
import { placesSeeder } from './places-seeder.ts';
import { servicesSeeder } from './services-seeder.ts';

const cipher = createCipher(Buffer.from(TEST_SECRET, 'hex'));
let opened: { database: Database; fresh: FreshDatabase } | undefined;
afterAll(async () => {
  await opened?.database.close();
  await opened?.fresh.drop();
});

describe('services seeder', () => {
  it('seeds organizations, needs in every state with their timelines, resources, and links the demo staff', async () => {
    opened = await migratedFreshDatabase();
    const { database } = opened;
    await seed(database, {
      scale: 'site',
      seed: 3,
      cipher,
      seeders: [placesSeeder, personsSeeder, demoAccountsSeeder, servicesSeeder],
    });
    const orgs = await database.query<{ credit_code: string }>(
      'SELECT credit_code FROM social_organizations',
    );
    expect(orgs.length).toBeGreaterThan(0);
    expect(orgs.filter((o) => creditCodeProblem(o.credit_code) !== null)).toEqual([]);
    const states = await database.query<{ status: string; n: number }>(
      'SELECT status, count(*)::int AS n FROM service_needs GROUP BY status',
    );
    expect(states.map((s) => s.status).sort()).toEqual([
      'accepted',
      'done',
      'in_service',
      'open',
      'rated',
      'referred',
    ]);
    const [bad] = await database.query<{
      unserved: number;
      wrong_steps: number;
      overdue: number;
      linked: number;
    }>(
      `SELECT (SELECT count(*)::int FROM service_needs n
                WHERE n.status <> 'open' AND NOT EXISTS (
                  SELECT 1 FROM social_organizations o JOIN social_org_places sp ON sp.org_id = o.id
                   WHERE o.id = n.org_id AND n.category = ANY(o.service_areas) AND n.place_path LIKE sp.place_path || '%'))
                AS unserved,
              (SELECT count(*)::int FROM service_needs n
                WHERE (SELECT to_status FROM service_need_events e WHERE e.need_id = n.id ORDER BY e.at DESC, e.id DESC LIMIT 1)
                      <> n.status) AS wrong_steps,
              (SELECT count(*)::int FROM service_needs WHERE status IN ('open', 'referred') AND due_at < now()) AS overdue,
              (SELECT count(*)::int FROM service_needs
                WHERE status IN ('open', 'referred') AND due_at < now() AND alerted_at IS NULL) AS unalerted,
              (SELECT count(*)::int FROM social_org_staff s JOIN users u ON u.id = s.user_id
                WHERE u.username = 'social_org_staff') AS linked`,
    );
    expect(bad).toMatchObject({ unserved: 0, wrong_steps: 0, unalerted: 0, linked: 1 });
    expect(bad.overdue).toBeGreaterThan(0);
    const [resources] = await database.query<{ n: number; over: number }>(
      'SELECT count(*)::int AS n, count(*) FILTER (WHERE remaining > quantity OR remaining < 0)::int AS over FROM service_resources',
    );
    expect(resources.n).toBeGreaterThan(0);
    expect(resources.over).toBe(0);
  }, 300_000);
});
