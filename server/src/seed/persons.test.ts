import { parseIdNumber } from '@anju/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_SECRET } from '../../test/harness.ts';
import { ageOn } from '../modules/registry/identity.ts';
import { createCipher } from '../platform/crypto.ts';
import type { Database } from '../db/client.ts';
import { migratedFreshDatabase, type FreshDatabase } from '../db/fresh-database.ts';
import { AS_OF_YEAR } from './household-builder.ts';
import { seed } from './index.ts';
import { personsSeeder } from './persons-seeder.ts';
import { placesSeeder } from './places-seeder.ts';

const cipher = createCipher(Buffer.from(TEST_SECRET, 'hex'));
const seeders = [placesSeeder, personsSeeder];
const asOf = new Date(AS_OF_YEAR, 0, 1);

const opened: { database: Database; fresh: FreshDatabase }[] = [];
async function seeded(seedNumber: number, scale: 'site' | 'county' = 'site') {
  const db = await migratedFreshDatabase();
  opened.push(db);
  await seed(db.database, { scale, seed: seedNumber, cipher, seeders });
  return db.database;
}
afterAll(async () => {
  for (const { database, fresh } of opened) {
    await database.close();
    await fresh.drop();
  }
});

/** Every generated person without ids or ciphertexts (fresh IVs each run): the blind index stands for the number. */
async function people(database: Database): Promise<string> {
  const [row] = await database.query<{ rows: string }>(
    `SELECT string_agg(concat_ws('|', h.household_no, h.head_name, h.poverty_status, o.code, p.relation, p.name,
       p.id_hash, p.id_masked, p.birth_date, p.ethnicity, p.phone_hash, p.education, p.health, p.labour_capacity,
       p.tags::text, p.party_member, p.hukou_path = o.path), E'\\n' ORDER BY p.id) AS rows
     FROM persons p JOIN households h ON h.id = p.household_id JOIN places o ON o.id = h.origin_village_id`,
  );
  return row.rows;
}

interface Person {
  relation: string;
  id_cipher: string;
  id_masked: string;
  sex: string;
  birth_date: string;
  labour_capacity: string;
  health: string;
  tags: string[];
  household_id: number;
  hukou_level: string;
}

describe('persons seeder', () => {
  it('gives the same people for the same seed and others for another seed', async () => {
    const [a, b, c] = await Promise.all([seeded(11), seeded(11), seeded(12)]);
    const rows = await people(a);
    expect(rows.split('\n').length).toBeGreaterThan(4500);
    expect(await people(b)).toBe(rows);
    expect(await people(c)).not.toBe(rows);
  }, 180_000);

  describe('county scale', () => {
    let database: Database;
    let persons: Person[];
    beforeAll(async () => {
      database = await seeded(3, 'county');
      persons = await database.query<Person>(
        `SELECT p.relation, p.id_cipher, p.id_masked, p.sex, to_char(p.birth_date, 'YYYY-MM-DD') AS birth_date,
                p.labour_capacity, p.health, p.tags, p.household_id, hp.level AS hukou_level
         FROM persons p JOIN places hp ON hp.id = p.hukou_place_id`,
      );
    }, 180_000);

    it('puts about 100,000 people in one household per occupied dwelling', async () => {
      expect(persons.length).toBeGreaterThan(92_000);
      expect(persons.length).toBeLessThan(108_000);
      const [row] = await database.query<{ households: number; dwellings: number; shared: number }>(
        `SELECT count(*)::int AS households, count(DISTINCT dwelling_id)::int AS dwellings,
                count(*) FILTER (WHERE d.level <> 'dwelling')::int AS shared
         FROM households h JOIN places d ON d.id = h.dwelling_id`,
      );
      expect(row.households).toBe(row.dwellings);
      expect(row.shared).toBe(0);
    });

    it('gives every person a valid ID number matching the birth date and sex, each once', () => {
      const seen = new Set<string>();
      for (const p of persons) {
        const value = cipher.decrypt(p.id_cipher);
        const parsed = parseIdNumber(value);
        if (!parsed.ok) throw new Error(`${value}: ${parsed.problem}`);
        expect(parsed.id.birthDate).toBe(p.birth_date);
        expect(parsed.id.sex).toBe(p.sex);
        expect(parsed.id.regionCode).toMatch(/^5306\d\d$/);
        expect(`${value[0]}${'*'.repeat(16)}${value.at(-1)}`).toBe(p.id_masked);
        seen.add(value);
      }
      expect(seen.size).toBe(persons.length);
    });

    it('has exactly one head per household and the member count and head name right', async () => {
      const wrong = await database.query(
        `SELECT h.id FROM households h JOIN persons p ON p.household_id = h.id GROUP BY h.id
         HAVING count(*) FILTER (WHERE p.relation = 'head') <> 1 OR count(*) <> max(h.member_count)
             OR max(h.head_name) <> max(p.name) FILTER (WHERE p.relation = 'head')`,
      );
      expect(wrong).toHaveLength(0);
    });

    it('sizes households 1–8 at about 3.6 people', async () => {
      const sizes = await database.query<{ size: number; n: number }>(
        `SELECT member_count AS size, count(*)::int AS n FROM households GROUP BY 1`,
      );
      const households = sizes.reduce((s, r) => s + r.n, 0);
      const share = (size: number) => (sizes.find((r) => r.size === size)?.n ?? 0) / households;
      expect(Math.min(...sizes.map((r) => r.size))).toBe(1);
      expect(Math.max(...sizes.map((r) => r.size))).toBe(8);
      expect(persons.length / households).toBeGreaterThan(3.45);
      expect(persons.length / households).toBeLessThan(3.75);
      expect(share(1)).toBeGreaterThan(0.07);
      expect(share(4)).toBeGreaterThan(0.18);
      expect(share(8)).toBeLessThan(0.03);
    });

    it('follows the age pyramid of relocated rural families, relations consistent with ages', () => {
      const ages = persons.map((p) => ageOn(p.birth_date, asOf));
      const share = (lo: number, hi: number) => ages.filter((a) => a >= lo && a <= hi).length / ages.length;
      expect(share(0, 15)).toBeGreaterThan(0.2);
      expect(share(0, 15)).toBeLessThan(0.32);
      expect(share(16, 59)).toBeGreaterThan(0.5);
      expect(share(16, 59)).toBeLessThan(0.62);
      expect(share(60, 130)).toBeGreaterThan(0.13);
      expect(share(60, 130)).toBeLessThan(0.24);
      const men = persons.filter((p) => p.sex === 'male').length / persons.length;
      expect(men).toBeGreaterThan(0.49);
      expect(men).toBeLessThan(0.54);
      const byHousehold = new Map<number, { relation: string; age: number }[]>();
      persons.forEach((p, i) =>
        byHousehold.set(p.household_id, [
          ...(byHousehold.get(p.household_id) ?? []),
          { relation: p.relation, age: ages[i] },
        ]),
      );
      for (const members of byHousehold.values()) {
        const head = members.find((m) => m.relation === 'head')!;
        for (const m of members) {
          if (m.relation === 'child') expect(head.age - m.age).toBeGreaterThanOrEqual(19);
          if (m.relation === 'parent') expect(m.age - head.age).toBeGreaterThanOrEqual(19);
          if (m.relation === 'grandchild') expect(head.age - m.age).toBeGreaterThanOrEqual(38);
          if (m.relation === 'spouse') expect(Math.abs(head.age - m.age)).toBeLessThanOrEqual(9);
        }
      }
    });

    it('gives about 52 % of people labour and tags consistent with the other fields', () => {
      const labour = persons.filter((p) => p.labour_capacity !== 'none').length / persons.length;
      expect(labour).toBeGreaterThan(0.49);
      expect(labour).toBeLessThan(0.56);
      const tagged = (tag: string) => persons.filter((p) => p.tags.includes(tag));
      expect(tagged('disabled').every((p) => p.health === 'disabled')).toBe(true);
      expect(tagged('serious_illness').every((p) => p.health === 'serious_illness')).toBe(true);
      expect(tagged('elderly_alone').every((p) => ageOn(p.birth_date, asOf) >= 60)).toBe(true);
      expect(tagged('left_behind_child').every((p) => ageOn(p.birth_date, asOf) < 16)).toBe(true);
      expect(tagged('dibao').length / persons.length).toBeGreaterThan(0.03);
      expect(tagged('dibao').length / persons.length).toBeLessThan(0.08);
      expect(tagged('tekun').every((p) => p.labour_capacity === 'none')).toBe(true);
      const atCommunity = persons.filter((p) => p.hukou_level === 'community').length / persons.length;
      expect(atCommunity).toBeGreaterThan(0.12);
      expect(atCommunity).toBeLessThan(0.3);
    });

    it('monitors about 1.4 % of people', async () => {
      const [row] = await database.query<{ share: number }>(
        `SELECT (sum(member_count) FILTER (WHERE poverty_status = 'monitored'))::float / sum(member_count) AS share FROM households`,
      );
      expect(row.share).toBeGreaterThan(0.008);
      expect(row.share).toBeLessThan(0.022);
    });
  });
});
