import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_SECRET } from '../../test/harness.ts';
import { createCipher } from '../platform/crypto.ts';
import type { Database } from '../db/client.ts';
import { migratedFreshDatabase, type FreshDatabase } from '../db/fresh-database.ts';
import { demoAccountsSeeder } from './demo-accounts.ts';
import { employmentSeeder } from './employment-seeder.ts';
import { governanceSeeder } from './governance-seeder.ts';
import { seed } from './index.ts';
import { personsSeeder } from './persons-seeder.ts';
import { placesSeeder } from './places-seeder.ts';
import { COURSES, trainingSeeder } from './training-seeder.ts';

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
      employmentSeeder,
      trainingSeeder,
    ],
  });
});
afterAll(async () => {
  await database.close();
  await fresh.drop();
});

describe('training demo data', () => {
  it('offers the courses in every community, enrols people and completes the finished ones at the norm', async () => {
    const courses = await database.query<{
      title: string;
      enrolled: number;
      rows: number;
      completed: number;
      short: number;
    }>(
      `SELECT c.title, c.enrolled, count(e.id)::int AS rows, count(e.completed_on)::int AS completed,
              count(*) FILTER (WHERE e.completed_on IS NOT NULL AND e.hours_attended < c.hours * 0.8)::int AS short
         FROM training_courses c LEFT JOIN training_enrolments e ON e.course_id = c.id
        GROUP BY c.id ORDER BY c.id`,
    );
    expect(courses.length).toBeGreaterThanOrEqual(COURSES.length);
    for (const c of courses) {
      expect(c.enrolled).toBe(c.rows);
      expect(c.short).toBe(0);
    }
    const finished = courses.filter((c) => c.title === COURSES[0].title);
    expect(finished.every((c) => c.completed > 0 && c.completed < c.enrolled + 1)).toBe(true);
    expect(courses.filter((c) => c.title === COURSES[3].title).every((c) => c.enrolled === 0)).toBe(true);
  });
});
