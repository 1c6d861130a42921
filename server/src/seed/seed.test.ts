import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client.ts';
import { migratedFreshDatabase, type FreshDatabase } from '../db/fresh-database.ts';
import { hasCommunities, loadDivisions, loadVillages, seed } from './index.ts';
import { createCipher } from '../platform/crypto.ts';
import { TEST_SECRET } from '../../test/harness.ts';
import { demoAccountsSeeder } from './demo-accounts.ts';
import { placesSeeder } from './places-seeder.ts';
import type { GeneratedPlaces } from './registry.ts';

const cipher = createCipher(Buffer.from(TEST_SECRET, 'hex'));
/** The place tree alone: the people have tests of their own (persons.test.ts). */
const seeders = [placesSeeder, demoAccountsSeeder];

const opened: { database: Database; fresh: FreshDatabase }[] = [];
async function emptyDatabase() {
  const db = await migratedFreshDatabase();
  opened.push(db);
  return db.database;
}
afterAll(async () => {
  for (const { database, fresh } of opened) {
    await database.close();
    await fresh.drop();
  }
});

/** Everything generated, without ids: the same seed must give the same rows. */
async function generatedRows(database: Database): Promise<string> {
  const [row] = await database.query<{ rows: string }>(
    `SELECT string_agg(concat_ws('|', p.level, p.code, p.name, p.depth, p.child_count, p.attributes::text, parent.code, parent.name), E'\\n' ORDER BY p.id) AS rows
     FROM places p JOIN places parent ON parent.id = p.parent_id WHERE p.level IN ('community', 'grid', 'building', 'dwelling')`,
  );
  return row.rows;
}

const treeViolations = async (database: Database) =>
  (
    await database.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM places c LEFT JOIN places p ON p.id = c.parent_id
       WHERE (p.id IS NULL AND (c.parent_id IS NOT NULL OR c.path <> '/' || c.id || '/' OR c.depth <> 0))
          OR (p.id IS NOT NULL AND (c.path <> p.path || c.id || '/' OR c.depth <> p.depth + 1))
          OR c.child_count <> (SELECT count(*) FROM places k WHERE k.parent_id = c.id)`,
    )
  )[0].n;

describe('divisions loader', () => {
  let database: Database;
  beforeAll(async () => {
    database = await emptyDatabase();
  });

  it('loads every level down to township with 12-digit codes, once', async () => {
    expect(await loadDivisions(database)).toBeGreaterThan(44_000);
    const levels = await database.query<{ level: string; n: number }>(
      `SELECT level, count(*)::int AS n FROM places GROUP BY level`,
    );
    expect(Object.fromEntries(levels.map((l) => [l.level, l.n]))).toEqual({
      province: 31,
      city: 342,
      county: 2975,
      township: 41351,
    });
    const [jingan] = await database.query<{ name: string; parent: string; initials: string; depth: number }>(
      `SELECT t.name, c.code AS parent, t.initials, t.depth FROM places t JOIN places c ON c.id = t.parent_id WHERE t.code = '530602105000'`,
    );
    expect(jingan).toEqual({ name: '靖安镇', parent: '530602000000', initials: 'jaz', depth: 3 });
    expect((await database.query(`SELECT 1 FROM places WHERE code !~ '^[0-9]{12}$'`)).length).toBe(0);
    expect(await loadDivisions(database)).toBe(0);
    expect((await database.query<{ n: number }>(`SELECT count(*)::int AS n FROM places`))[0].n).toBe(44_699);
    expect(await treeViolations(database)).toBe(0);
  });

  it('loads the villages of the counties asked for, once', async () => {
    const loaded = await loadVillages(database, ['530627000000', '530628']);
    expect(loaded).toBeGreaterThan(300);
    expect(await loadVillages(database, ['530627', '530628'])).toBe(0);
    const outside = await database.query(
      `SELECT 1 FROM places WHERE level = 'village' AND substr(code, 1, 6) NOT IN ('530627', '530628')`,
    );
    expect(outside).toHaveLength(0);
    expect(await treeViolations(database)).toBe(0);
  });
});

describe('generator', () => {
  it('gives the same rows for the same seed and other rows for another seed', async () => {
    const [a, b, c] = [await emptyDatabase(), await emptyDatabase(), await emptyDatabase()];
    await seed(a, { scale: 'site', seed: 7, cipher, seeders });
    await seed(b, { scale: 'site', seed: 7, cipher, seeders });
    await seed(c, { scale: 'site', seed: 8, cipher, seeders });
    const rows = await generatedRows(a);
    expect(rows.split('\n').length).toBeGreaterThan(1400);
    expect(await generatedRows(b)).toBe(rows);
    expect(await generatedRows(c)).not.toBe(rows);
  }, 120_000);

  describe('county scale', () => {
    let database: Database;
    let places: GeneratedPlaces;
    beforeAll(async () => {
      database = await emptyDatabase();
      places = await seed(database, { scale: 'county', seed: 3, cipher, seeders });
    }, 120_000);

    it('places about 100,000 people in 10–80 sites, the largest over 10,000', () => {
      const people = places.communities.reduce((s, c) => s + c.people, 0);
      expect(people).toBeGreaterThan(95_000);
      expect(people).toBeLessThan(105_000);
      expect(places.communities.length).toBeGreaterThanOrEqual(10);
      expect(places.communities.length).toBeLessThanOrEqual(80);
      expect(Math.max(...places.communities.map((c) => c.people))).toBeGreaterThan(10_000);
      for (const c of places.communities) expect(c.people / c.households).toBeCloseTo(3.6, 0);
    });

    it('makes grids of 300–500 households, one grid for a smaller site, a dwelling for every household', () => {
      for (const c of places.communities) {
        if (c.households < 300) expect(c.grids).toHaveLength(1);
        else for (const g of c.grids) expect(g.households).toBeGreaterThanOrEqual(300);
        for (const g of c.grids) {
          expect(g.households).toBeLessThanOrEqual(500);
          expect(g.buildings.reduce((s, b) => s + b.occupiedDwellingIds.length, 0)).toBe(g.households);
        }
      }
    });

    it('codes communities under real townships of 昭阳区 and 鲁甸县, grids under their community', async () => {
      const communities = await database.query<{
        code: string;
        parent: string;
        parent_level: string;
        attributes: Record<string, unknown>;
      }>(
        `SELECT c.code, t.code AS parent, t.level AS parent_level, c.attributes FROM places c JOIN places t ON t.id = c.parent_id WHERE c.level = 'community'`,
      );
      expect(communities).toHaveLength(places.communities.length);
      for (const c of communities) {
        expect(c.code).toMatch(/^(530602|530621)\d{6}$/);
        expect(c.parent_level).toBe('township');
        expect(c.code.slice(0, 9)).toBe(c.parent.slice(0, 9));
        expect(c.attributes).toMatchObject({
          resettlementType: expect.stringMatching(/^(urban|town|village)$/),
          openedYear: expect.any(Number),
        });
        expect((c.attributes.originCountyCodes as string[]).every((o) => /^5306\d{2}000000$/.test(o))).toBe(
          true,
        );
      }
      const badGrids = await database.query(
        `SELECT 1 FROM places g JOIN places c ON c.id = g.parent_id WHERE g.level = 'grid' AND (c.level <> 'community' OR g.code !~ ('^' || c.code || '[0-9]{3}$'))`,
      );
      expect(badGrids).toHaveLength(0);
      const dwellings = await database.query<{ n: number; households: number }>(
        `SELECT count(*)::int AS n FROM places WHERE level = 'dwelling'`,
      );
      const households = places.communities.reduce((s, c) => s + c.households, 0);
      expect(dwellings[0].n / households).toBeGreaterThan(1.02);
      expect(dwellings[0].n / households).toBeLessThan(1.15);
    });

    it('keeps path, depth and child_count right for every place', async () => {
      expect(await treeViolations(database)).toBe(0);
    });

    it('knows the database already holds communities', async () => {
      expect(await hasCommunities(database)).toBe(true);
      const users = await database.query<{ username: string }>(
        `SELECT username FROM users ORDER BY username`,
      );
      expect(users.map((u) => u.username)).toContain('grid_worker');
    });
  });
});
