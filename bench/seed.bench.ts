// `npm run bench -- seed --scale county [--db pglite|postgres] [--seed N]`: `anju seed` into a fresh database,
// against a baseline of raw COPY of the same place rows into another fresh database.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openPglite, type Database } from '../server/src/db/client.ts';
import { migrate } from '../server/src/db/migrate.ts';
import { freshDatabase } from '../server/src/db/fresh-database.ts';
import { demoAccountsSeeder } from '../server/src/seed/demo-accounts.ts';
import { seed, SCALE_NAMES, type ScaleName } from '../server/src/seed/index.ts';
import { PLACE_COLUMNS, placeCsvLine, type PlaceRow } from '../server/src/seed/place-rows.ts';
import { placesSeeder } from '../server/src/seed/places-seeder.ts';
import { createCipher } from '../server/src/platform/crypto.ts';
import { arg, BENCH_PG } from './util.ts';

const BATCH = 20_000;

async function open(kind: string): Promise<{ database: Database; drop(): Promise<void> }> {
  if (kind === 'postgres') {
    const fresh = await freshDatabase(BENCH_PG);
    const database = await fresh.open();
    await migrate(database);
    return { database, drop: async () => (await database.close(), await fresh.drop()) };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'anju-bench-seed-'));
  const database = await openPglite(path.join(dir, 'pg'));
  await migrate(database);
  return {
    database,
    drop: async () => (await database.close(), fs.rmSync(dir, { recursive: true, force: true })),
  };
}

const seconds = (since: number) => (performance.now() - since) / 1000;

export default async function run(args: string[]) {
  const scale = arg(args, 'scale', 'county') as ScaleName;
  const kind = arg(args, 'db', 'pglite');
  if (!SCALE_NAMES.includes(scale)) throw new Error(`--scale must be one of ${SCALE_NAMES.join(', ')}`);
  if (!['pglite', 'postgres'].includes(kind)) throw new Error('--db must be pglite or postgres');

  const seeded = await open(kind);
  let started = performance.now();
  // The place tree only: households and people are measured by the registry benchmark.
  const places = await seed(seeded.database, {
    scale,
    seed: Number(arg(args, 'seed', '1')),
    cipher: createCipher(Buffer.alloc(32, 1)),
    seeders: [placesSeeder, demoAccountsSeeder],
  });
  const seedSeconds = seconds(started);
  const rows = await seeded.database.query<PlaceRow>(
    `SELECT id::int8 AS id, parent_id::int8 AS "parentId", level, code, name, initials, path, depth, child_count AS "childCount", attributes
     FROM places ORDER BY id`,
  );
  await seeded.drop();
  const lines = rows.map((r) =>
    placeCsvLine({ ...r, id: Number(r.id), parentId: r.parentId === null ? null : Number(r.parentId) }),
  );

  const baseline = await open(kind);
  started = performance.now();
  for (let at = 0; at < lines.length; at += BATCH) {
    await baseline.database.copy('places', PLACE_COLUMNS, `${lines.slice(at, at + BATCH).join('\n')}\n`);
  }
  const copySeconds = seconds(started);
  await baseline.drop();

  return {
    scale,
    db: kind,
    communities: places.communities.length,
    households: places.communities.reduce((s, c) => s + c.households, 0),
    places: rows.length,
    seedSeconds: +seedSeconds.toFixed(2),
    seedRowsPerSecond: Math.round(rows.length / seedSeconds),
    copySeconds: +copySeconds.toFixed(2),
    copyRowsPerSecond: Math.round(rows.length / copySeconds),
    ratio: +(seedSeconds / copySeconds).toFixed(2),
  };
}
