// `npm run bench -- import --scale county [--db pglite|postgres]`: a generated CSV of the scale's people
// imported (dry run + commit) through the path of `anju import` into a fresh database holding a place
// tree of matching size, against a baseline measured in the same run: raw COPY of the rows the import
// wrote (households, persons, registry_history) back into the same, emptied tables.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { openPglite, openPostgres, type Database } from '../server/src/db/client.ts';
import { migrate } from '../server/src/db/migrate.ts';
import { actorOf } from '../server/src/modules/registry/import/actor.ts';
import { importFile } from '../server/src/modules/registry/import/run.ts';
import { createCipher } from '../server/src/platform/crypto.ts';
import { writeCsv } from './import-data.ts';
import { buildTree } from './tree.ts';
import { arg, freshDatabase } from './util.ts';

const SCALES = {
  site: { people: 5_000, shape: { townships: 1, communities: 1, grids: 3, buildings: 20, dwellings: 24 } },
  county: {
    people: 100_000,
    shape: { townships: 10, communities: 4, grids: 3, buildings: 20, dwellings: 12 },
  },
  province: {
    people: 2_000_000,
    shape: { townships: 40, communities: 5, grids: 6, buildings: 20, dwellings: 24 },
  },
} as const;
const TABLES = ['households', 'persons', 'registry_history'];

/** Origin villages with 12-digit codes under their own county, and the bench user scoped to the county. */
async function prepare(database: Database, shape: (typeof SCALES)[keyof typeof SCALES]['shape']) {
  const tree = await buildTree(database, shape);
  const [origin] = await database.query<{ id: number; path: string }>(
    `INSERT INTO places (parent_id, level, code, name, path, depth) VALUES ($1, 'township', '990201001000', '迁出镇', 'x', 3)
     RETURNING id, path`,
    [tree.county.id],
  );
  const originPath = `${tree.county.path}${origin.id}/`;
  await database.query(`UPDATE places SET path = $1 WHERE id = $2`, [originPath, origin.id]);
  await database.query(
    `INSERT INTO places (parent_id, level, code, name, path, depth)
     SELECT $1, 'village', '990201001' || lpad(g::text, 3, '0'), '迁出村' || g, 'x', 4 FROM generate_series(1, 200) g`,
    [origin.id],
  );
  await database.query(`UPDATE places SET path = $1 || id || '/' WHERE path = 'x'`, [originPath]);
  const villages = (
    await database.query<{ code: string }>(`SELECT code FROM places WHERE level = 'village'`)
  ).map((r) => r.code);
  const communities = (
    await database.query<{ code: string }>(`SELECT code FROM places WHERE level = 'community' ORDER BY id`)
  ).map((r) => r.code);
  const [user] = await database.query<{ id: number }>(
    `INSERT INTO users (username, display_name, password_hash, roles) VALUES ('bench', 'bench', 'x', '{community_staff}') RETURNING id`,
  );
  await database.query('INSERT INTO user_scopes (user_id, place_id) VALUES ($1, $2)', [
    user.id,
    tree.county.id,
  ]);
  await database.query('ANALYZE places');
  return { villages, communities, places: tree.total };
}

/** Raw COPY of the rows the import wrote, into the same tables emptied: the baseline. */
async function copyBaseline(database: Database, dir: string): Promise<number> {
  const columns = new Map<string, string>();
  for (const table of TABLES) {
    const rows = await database.query<{ c: string }>(
      `SELECT column_name AS c FROM information_schema.columns WHERE table_name = $1 ORDER BY ordinal_position`,
      [table],
    );
    columns.set(table, `${table} (${rows.map((r) => r.c).join(', ')})`);
  }
  const dump = (t: string) => path.join(dir, `${t}.csv`);
  if (database.pool) {
    for (const table of TABLES) {
      const client = await database.pool.connect();
      await pipeline(
        client.query(copyTo(`COPY ${columns.get(table)} TO STDOUT WITH (FORMAT csv)`)),
        fs.createWriteStream(dump(table)),
      );
      client.release();
    }
  } else {
    for (const table of TABLES) {
      const r = await database.pglite!.query(`COPY ${columns.get(table)} TO '/dev/blob' WITH (FORMAT csv)`);
      fs.writeFileSync(dump(table), Buffer.from(await r.blob!.arrayBuffer()));
    }
  }
  await database.query('TRUNCATE registry_history, persons, households CASCADE');
  const started = performance.now();
  for (const table of TABLES) {
    const copy = `COPY ${columns.get(table)} FROM`;
    if (database.pool) {
      const client = await database.pool.connect();
      await pipeline(
        fs.createReadStream(dump(table)),
        client.query(copyFrom(`${copy} STDIN WITH (FORMAT csv)`)),
      );
      client.release();
    } else {
      await database.pglite!.query(`${copy} '/dev/blob' WITH (FORMAT csv)`, [], {
        blob: new Blob([fs.readFileSync(dump(table))]),
      });
    }
  }
  return (performance.now() - started) / 1000;
}

export default async function run(args: string[]) {
  const scale = arg(args, 'scale', 'county') as keyof typeof SCALES;
  const kind = arg(args, 'db', 'pglite');
  if (!(scale in SCALES)) throw new Error(`--scale must be one of ${Object.keys(SCALES).join(', ')}`);
  if (!['pglite', 'postgres'].includes(kind)) throw new Error('--db must be pglite or postgres');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'anju-bench-import-'));
  const database =
    kind === 'postgres'
      ? await openPostgres(await freshDatabase('anju_bench_import'), 4)
      : await openPglite(path.join(dir, 'pg'));
  try {
    await migrate(database);
    const { villages, communities, places } = await prepare(database, SCALES[scale].shape);
    const file = path.join(dir, `people-${scale}.csv`);
    const rows = await writeCsv(database, file, SCALES[scale].people, villages, communities);
    const fileMb = fs.statSync(file).size / 1024 / 1024;

    const actor = await actorOf(database, { username: 'bench' });
    const rssBefore = process.memoryUsage().rss;
    let peak = rssBefore;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 100);
    let committing = 0;
    const started = performance.now();
    const deps = {
      database,
      cipher: createCipher(randomBytes(32)),
      dataDir: dir,
      onProgress: (phase: string) => {
        if (phase === 'committing' && !committing) committing = performance.now();
      },
    };
    const job = await importFile(deps, { actor, ip: 'localhost', requestId: 'bench' }, file, {
      commit: true,
      skipBadRows: false,
    });
    const importSeconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    if (job.status !== 'committed')
      throw new Error(`import ${job.status}: ${job.message ?? JSON.stringify(job.errors.items)}`);
    const validateSeconds = ((committing || performance.now()) - started) / 1000;
    const copySeconds = await copyBaseline(database, dir);
    return {
      scale,
      db: kind,
      places,
      rows,
      households: job.counts.households,
      fileMb: +fileMb.toFixed(1),
      validateSeconds: +validateSeconds.toFixed(2),
      commitSeconds: +(importSeconds - validateSeconds).toFixed(2),
      importSeconds: +importSeconds.toFixed(2),
      validatedRowsPerSecond: Math.round(rows / validateSeconds),
      importRowsPerSecond: Math.round(rows / importSeconds),
      copySeconds: +copySeconds.toFixed(2),
      copyRowsPerSecond: Math.round(rows / copySeconds),
      ratio: +(copySeconds / importSeconds).toFixed(2),
      peakRssMb: Math.round(peak / 1024 / 1024),
      rssBeforeImportMb: Math.round(rssBefore / 1024 / 1024),
    };
  } finally {
    await database.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
