import { afterAll, describe, expect, it } from 'vitest';
import { TEST_SECRET } from '../../test/harness.ts';
import { createCipher } from '../platform/crypto.ts';
import type { Database } from '../db/client.ts';
import { demoAccountsSeeder } from './demo-accounts.ts';
import { migratedFreshDatabase, type FreshDatabase } from '../db/fresh-database.ts';
import { governanceSeeder } from './governance-seeder.ts';
import { seed } from './index.ts';
import { personsSeeder } from './persons-seeder.ts';
import { placesSeeder } from './places-seeder.ts';

const cipher = createCipher(Buffer.from(TEST_SECRET, 'hex'));
const seeders = [placesSeeder, personsSeeder, demoAccountsSeeder, governanceSeeder];

const opened: { database: Database; fresh: FreshDatabase }[] = [];
async function seeded(seedNumber: number) {
  const db = await migratedFreshDatabase();
  opened.push(db);
  await seed(db.database, { scale: 'site', seed: seedNumber, cipher, seeders });
  return db.database;
}
afterAll(async () => {
  for (const { database, fresh } of opened) {
    await database.close();
    await fresh.drop();
  }
});

/** The generated governance rows without ids: the same seed must give the same rows. */
async function generated(database: Database) {
  const [row] = await database.query<{ rows: string }>(
    `SELECT concat_ws(E'\\n',
       (SELECT string_agg(concat_ws('|', o.depth, p.code, o.name), ',' ORDER BY p.code) FROM party_orgs o JOIN places p ON p.id = o.place_id),
       (SELECT string_agg(h.household_no, ',' ORDER BY h.household_no) FROM party_links l JOIN households h ON h.id = l.household_id),
       (SELECT string_agg(concat_ws('|', h.household_no, v.kind, v.findings, v.becomes_incident), ',' ORDER BY h.household_no, v.visited_on, v.kind)
          FROM visits v JOIN households h ON h.id = v.household_id)) AS rows`,
  );
  return row.rows;
}

describe('governance seeder', () => {
  it('builds the party tree, linked households, the demo grid worker and six months of visits, the same for the same seed', async () => {
    const db = await seeded(7);
    const depths = await db.query<{ depth: number; n: number }>(
      'SELECT depth, count(*)::int AS n FROM party_orgs GROUP BY depth ORDER BY depth',
    );
    expect(depths.map((d) => d.depth)).toEqual([1, 2, 3, 4]);
    expect(depths.every((d) => d.n > 0)).toBe(true);
    const loads = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM party_links GROUP BY org_id');
    expect(loads.length).toBeGreaterThan(0);
    expect(Math.max(...loads.map((l) => l.n))).toBeLessThanOrEqual(15);
    const [{ members, unmarked }] = await db.query<{ members: number; unmarked: number }>(
      `SELECT count(*)::int AS members, count(*) FILTER (WHERE NOT p.party_member)::int AS unmarked
         FROM party_members m JOIN persons p ON p.id = m.person_id`,
    );
    expect(members).toBeGreaterThan(0);
    expect(unmarked).toBe(0);
    const [worker] = await db.query<{ grids: number; scopes: number }>(
      `SELECT (SELECT count(*)::int FROM grid_workers w WHERE w.user_id = u.id) AS grids,
              (SELECT count(*)::int FROM user_scopes s JOIN grid_workers w ON w.grid_id = s.place_id AND w.user_id = s.user_id
                WHERE s.user_id = u.id) AS scopes
         FROM users u WHERE u.username = 'grid_worker'`,
    );
    expect(worker).toEqual({ grids: 1, scopes: 1 });
    // every building stands at a point of the map, inside the box of its grid's boundary
    const [stood] = await db.query<{ buildings: number; placed: number; inside: number }>(
      `SELECT count(*)::int AS buildings, count(b.lng)::int AS placed,
              count(*) FILTER (WHERE b.lng BETWEEN x.west AND x.east AND b.lat BETWEEN x.south AND x.north)::int AS inside
         FROM places b
         JOIN LATERAL (SELECT min((c->>0)::float8) AS west, max((c->>0)::float8) AS east,
                              min((c->>1)::float8) AS south, max((c->>1)::float8) AS north
                         FROM grid_boundaries gb, jsonb_array_elements(gb.geometry->'coordinates'->0) c
                        WHERE gb.grid_id = b.parent_id) x ON true
        WHERE b.level = 'building'`,
    );
    expect(stood.buildings).toBeGreaterThan(0);
    expect(stood).toEqual({ buildings: stood.buildings, placed: stood.buildings, inside: stood.buildings });
    const [visits] = await db.query<{
      n: number;
      oldest: string;
      newest: string;
      households: number;
      all: number;
    }>(
      `SELECT count(*)::int AS n, min(visited_on)::text AS oldest, max(visited_on)::text AS newest,
              count(DISTINCT household_id)::int AS households,
              (SELECT count(*)::int FROM households h JOIN places g ON g.id = (SELECT grid_id FROM grid_workers LIMIT 1)
                WHERE h.residence_path LIKE g.path || '%') AS all
         FROM visits`,
    );
    expect(visits.n).toBeGreaterThan(visits.all);
    expect(visits.households / visits.all).toBeGreaterThan(0.8);
    const sixMonthsAgo = new Date();
    sixMonthsAgo.setUTCMonth(sixMonthsAgo.getUTCMonth() - 6);
    expect(visits.oldest >= sixMonthsAgo.toISOString().slice(0, 10)).toBe(true);
    expect(visits.newest <= new Date().toISOString().slice(0, 10)).toBe(true);
    expect(await generated(await seeded(7))).toBe(await generated(db));
  }, 240_000);
});
