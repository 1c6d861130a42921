import { afterAll, describe, expect, it } from 'vitest';
import { creditCodeProblem } from '@anju/contracts';
import { TEST_SECRET } from '../../test/harness.ts';
import { createCipher } from '../platform/crypto.ts';
import type { Database } from '../db/client.ts';
import { migratedFreshDatabase, type FreshDatabase } from '../db/fresh-database.ts';
import { enterprisesSeeder } from './enterprises-seeder.ts';
import { seed } from './index.ts';
import { placesSeeder } from './places-seeder.ts';

const cipher = createCipher(Buffer.from(TEST_SECRET, 'hex'));
const opened: { database: Database; fresh: FreshDatabase }[] = [];

async function seeded(seedNumber: number) {
  const db = await migratedFreshDatabase();
  opened.push(db);
  await seed(db.database, {
    scale: 'site',
    seed: seedNumber,
    cipher,
    seeders: [placesSeeder, enterprisesSeeder],
  });
  return db.database.query<{
    credit_code: string;
    name: string;
    place_id: string;
    workshop_type: string | null;
    contact_phone_cipher: string;
    contact_phone_masked: string;
  }>(
    `SELECT credit_code, name, place_id::text, workshop_type, contact_phone_cipher, contact_phone_masked
       FROM enterprises ORDER BY credit_code`,
  );
}
afterAll(async () => {
  for (const { database, fresh } of opened) {
    await database.close();
    await fresh.drop();
  }
});

describe('enterprises seeder', () => {
  it('puts enterprises and workshops on every site with valid credit codes, the same for the same seed', async () => {
    const rows = await seeded(5);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.filter((r) => creditCodeProblem(r.credit_code) !== null)).toEqual([]);
    const sites = new Set(rows.map((r) => r.place_id));
    for (const site of sites) {
      const own = rows.filter((r) => r.place_id === site);
      expect(own.length).toBeGreaterThanOrEqual(3);
      expect(own.some((r) => r.workshop_type === 'factory_floor')).toBe(true);
    }
    const [first] = rows;
    expect(first.contact_phone_masked).toBe(
      cipher.decrypt(first.contact_phone_cipher).replace(/^(\d{3})\d{4}(\d{4})$/, '$1****$2'),
    );
    const again = await seeded(5);
    const strip = (r: (typeof rows)[number]) => [
      r.credit_code,
      r.name,
      r.workshop_type,
      r.contact_phone_masked,
    ];
    expect(again.map(strip)).toEqual(rows.map(strip));
  }, 300_000);
});
