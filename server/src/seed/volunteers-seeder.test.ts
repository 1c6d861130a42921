import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_SECRET } from '../../test/harness.ts';
import { createCipher } from '../platform/crypto.ts';
import type { Database } from '../db/client.ts';
import { migratedFreshDatabase, type FreshDatabase } from '../db/fresh-database.ts';
import { demoAccountsSeeder } from './demo-accounts.ts';
import { seed } from './index.ts';
import { personsSeeder } from './persons-seeder.ts';
import { placesSeeder } from './places-seeder.ts';
import { servicesSeeder } from './services-seeder.ts';
import { ACTIVITIES, volunteersSeeder } from './volunteers-seeder.ts';

const cipher = createCipher(Buffer.from(TEST_SECRET, 'hex'));
let fresh: FreshDatabase;
let database: Database;

beforeAll(async () => {
  ({ fresh, database } = await migratedFreshDatabase());
  await seed(database, {
    scale: 'site',
    seed: 5,
    cipher,
    seeders: [placesSeeder, personsSeeder, demoAccountsSeeder, servicesSeeder, volunteersSeeder],
  });
});
afterAll(async () => {
  await database.close();
  await fresh.drop();
});

describe('volunteer demo data', () => {
  it('registers residents as volunteers, the demo resident with their account, each sealed like their person', async () => {
    const [v] = await database.query<{ n: number; linked: number; sealed: number }>(
      `SELECT count(*)::int AS n, count(v.user_id)::int AS linked,
              count(*) FILTER (WHERE EXISTS (SELECT 1 FROM persons p WHERE p.id_hash = v.id_hash AND p.name = v.name))::int AS sealed
         FROM volunteers v`,
    );
    expect(v.n).toBeGreaterThan(10);
    expect(v.linked).toBe(1);
    expect(v.sealed).toBe(v.n);
  });

  it('holds the activities within their slots, approves past hours within their times, and issues certificates', async () => {
    const activities = await database.query<{
      title: string;
      signed_up: number;
      rows: number;
      slots: number;
    }>(
      `SELECT a.title, a.signed_up, a.slots, (SELECT count(*)::int FROM volunteer_signups s WHERE s.activity_id = a.id) AS rows
         FROM volunteer_activities a`,
    );
    expect(activities.length % ACTIVITIES.length).toBe(0);
    for (const a of activities) {
      expect(a.signed_up).toBe(a.rows);
      expect(a.signed_up).toBeLessThanOrEqual(a.slots);
    }
    const [r] = await database.query<{ records: number; over: number; corrections: number }>(
      `SELECT count(*)::int AS records, count(*) FILTER (WHERE r.hours > extract(epoch FROM a.ends_at - a.starts_at) / 3600)::int AS over,
              count(r.corrects_id)::int AS corrections
         FROM volunteer_service_records r JOIN volunteer_activities a ON a.id = r.activity_id`,
    );
    expect(r.records).toBeGreaterThan(0);
    expect(r.over).toBe(0);
    expect(r.corrections).toBeGreaterThan(0);
    const certificates = await database.query<{ serial: string }>(
      'SELECT serial FROM volunteer_certificates',
    );
    expect(certificates.length).toBeGreaterThan(0);
    for (const c of certificates) expect(c.serial).toMatch(/^ZY\d{4}-\d{6,}-[A-Z0-9]{4}$/);
  });
});
