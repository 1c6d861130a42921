import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkAnswers, FormDefinition, type Answers } from '@anju/contracts';
import { TEST_SECRET } from '../../test/harness.ts';
import { createCipher } from '../platform/crypto.ts';
import type { Database } from '../db/client.ts';
import { migratedFreshDatabase, type FreshDatabase } from '../db/fresh-database.ts';
import { seed } from './index.ts';
import { personsSeeder } from './persons-seeder.ts';
import { placesSeeder } from './places-seeder.ts';
import { surveysSeeder } from './surveys-seeder.ts';

const cipher = createCipher(Buffer.from(TEST_SECRET, 'hex'));
let fresh: FreshDatabase;
let database: Database;

beforeAll(async () => {
  ({ fresh, database } = await migratedFreshDatabase());
  await seed(database, {
    scale: 'site',
    seed: 3,
    cipher,
    seeders: [placesSeeder, personsSeeder, surveysSeeder],
  });
});
afterAll(async () => {
  await database.close();
  await fresh.drop();
});

describe('surveys demo data', () => {
  it('an open anonymous satisfaction survey in every community, answered by about two households in three, every answer valid for its form', async () => {
    const rows = (
      await database.db.execute(
        sql`SELECT c.id, c.anonymous, f.definition,
                   (SELECT count(*)::int FROM households h WHERE h.residence_path LIKE c.place_path || '%' AND h.status = 'active') AS households,
                   (SELECT count(*)::int FROM survey_respondents r WHERE r.campaign_id = c.id) AS respondents,
                   (SELECT json_agg(s.answers) FROM survey_submissions s WHERE s.campaign_id = c.id AND s.household_id IS NULL) AS answers
              FROM survey_campaigns c JOIN survey_forms f ON f.id = c.form_id
             WHERE current_date BETWEEN c.opens_on AND c.closes_on`,
      )
    ).rows as {
      anonymous: boolean;
      definition: unknown;
      households: number;
      respondents: number;
      answers: Answers[];
    }[];
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) {
      expect(r.anonymous).toBe(true);
      expect(r.answers).toHaveLength(r.respondents);
      expect(r.respondents / r.households).toBeGreaterThan(0.5);
      expect(r.respondents / r.households).toBeLessThan(0.8);
      const form = FormDefinition.parse(r.definition);
      for (const a of r.answers) expect(checkAnswers(form, a, new Date()).errors).toEqual([]);
    }
  });
});
