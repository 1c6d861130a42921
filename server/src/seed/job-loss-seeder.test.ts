import { afterAll, beforeAll, expect, it } from 'vitest';
import { TEST_SECRET } from '../../test/harness.ts';
import type { Database } from '../db/client.ts';
import { migratedFreshDatabase, type FreshDatabase } from '../db/fresh-database.ts';
import { createCipher } from '../platform/crypto.ts';
import { seed } from './index.ts';
import { SEEDERS } from './seeders.ts';

let fresh: FreshDatabase;
let database: Database;
beforeAll(async () => {
  ({ fresh, database } = await migratedFreshDatabase());
  const cipher = createCipher(Buffer.from(TEST_SECRET, 'hex'));
  const wanted = ['places', 'persons', 'demo-accounts', 'incidents', 'governance', 'monitoring', 'cases'];
  const seeders = SEEDERS.filter((s) =>
    [...wanted, 'monitored-incomes', 'employment', 'job-loss'].includes(s.name),
  );
  await seed(database, { scale: 'site', seed: 3, cipher, seeders });
}, 240_000);
afterAll(async () => {
  await database.close();
  await fresh.drop();
});

it('leaves a few households in or near monitoring that lost their only job with a lead and a zero-employment flag', async () => {
  const rows = await database.query<{
    household_id: number;
    zero: boolean;
    reasons: string[];
    employed: boolean;
  }>(
    `SELECT l.household_id,
            EXISTS (SELECT 1 FROM zero_employment_households z WHERE z.household_id = l.household_id
                       AND z.cleared_on IS NULL) AS zero,
            ARRAY(SELECT jsonb_array_elements_text(l.detail->'notes'->0->'reasons')) AS reasons,
            EXISTS (SELECT 1 FROM persons p JOIN employment_records r ON r.person_id = p.id
                     WHERE p.household_id = l.household_id AND (r.end_on IS NULL OR r.end_on >= current_date)) AS employed
       FROM monitoring_leads l WHERE l.source = 'employment' AND l.status = 'open'`,
  );
  expect(rows.length).toBeGreaterThan(0);
  for (const r of rows) expect(r).toMatchObject({ reasons: ['unstable_employment'], employed: false });
  expect(rows.some((r) => r.zero)).toBe(true);
});
