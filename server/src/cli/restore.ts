import fs from 'node:fs';
import { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import zlib from 'node:zlib';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { openPglite, type Database } from '../db/client.ts';
import { migrate } from '../db/migrate.ts';
import { silentProgress, type Progress } from '../platform/progress.ts';
import {
  appliedMigrations,
  backedUp,
  backupTables,
  BACKUP_FORMAT,
  FrameReader,
  quoteIdent,
  type Frame,
  type Manifest,
  type TableInfo,
} from './backup-format.ts';

/** A refusal the operator can act on (wrong file, wrong version, database not empty). */
export class RestoreRefused extends Error {}

const copyIn = (t: TableInfo, source: string) =>
  `COPY ${quoteIdent(t.name)} (${t.columns.map(quoteIdent).join(',')}) FROM ${source} WITH (FORMAT csv)`;

/** Tables that migrations fill with reference rows (dictionaries): the backup's rows replace them. */
async function tablesSeededByMigrations(): Promise<Set<string>> {
  const fresh = await openPglite();
  try {
    await migrate(fresh);
    const seeded = new Set<string>();
    for (const t of await backupTables(fresh)) {
      if ((await fresh.query(`SELECT 1 FROM ${quoteIdent(t.name)} LIMIT 1`)).length) seeded.add(t.name);
    }
    return seeded;
  } finally {
    await fresh.close();
  }
}

async function check(database: Database, manifest: Manifest): Promise<Set<string>> {
  if (manifest?.format !== BACKUP_FORMAT) throw new RestoreRefused('not an Anju backup file');
  const migrations = await appliedMigrations(database);
  if (manifest.migrations.some((tag, i) => migrations[i] !== tag)) {
    throw new RestoreRefused(
      `the backup was made at migrations [${manifest.migrations.join(', ')}] but this database is at [${migrations.join(', ')}]; restore with the Anju version that made the backup or a later one`,
    );
  }
  const present = new Map((await backupTables(database)).map((t) => [t.name, new Set(t.columns)]));
  const missing = manifest.tables.flatMap((t) =>
    present.has(t.name)
      ? t.columns.filter((c) => !present.get(t.name)!.has(c)).map((c) => `${t.name}.${c}`)
      : [t.name],
  );
  if (missing.length) throw new RestoreRefused(`this database has no ${missing.join(', ')}`);
  const seeded = await tablesSeededByMigrations();
  const filled: string[] = [];
  for (const name of present.keys()) {
    if (seeded.has(name)) continue;
    if ((await database.query(`SELECT 1 FROM ${quoteIdent(name)} LIMIT 1`)).length) filled.push(name);
  }
  if (filled.length) {
    throw new RestoreRefused(
      `restore needs an empty database, but ${filled.join(', ')} already hold data; restore into a new database`,
    );
  }
  return seeded;
}

/** Moves every identity and serial sequence past the restored ids. */
async function resetSequences(run: Run, tables: TableInfo[]) {
  const serials = await run<{ table_name: string; column_name: string }>(
    `SELECT table_name, column_name FROM information_schema.columns
     WHERE table_schema = 'public' AND (is_identity = 'YES' OR column_default LIKE 'nextval(%')`,
  );
  for (const s of serials) {
    if (!tables.some((t) => t.name === s.table_name)) continue;
    const table = quoteIdent(s.table_name);
    const column = quoteIdent(s.column_name);
    await run(
      `SELECT setval(pg_get_serial_sequence('${table.replace(/'/g, "''")}', '${s.column_name.replace(/'/g, "''")}'),
        COALESCE(max(${column}), 1), max(${column}) IS NOT NULL) FROM ${table}`,
    );
  }
}

type Run = <T>(sql: string) => Promise<T[]>;
type Loader = { write(chunk: Buffer): Promise<void>; end(): Promise<number> };

function pgLoader(client: PoolClient, t: TableInfo): Loader {
  const stream = client.query(copyFrom(copyIn(t, 'STDIN')));
  const done = finished(stream as Writable);
  done.catch(() => {});
  return {
    write: (chunk) =>
      stream.write(chunk)
        ? Promise.resolve()
        : Promise.race([new Promise<void>((r) => stream.once('drain', r)), done]),
    end: async () => {
      stream.end();
      await done;
      return stream.rowCount;
    },
  };
}

/**
 * Restores a backup, in one transaction, into an empty database migrated at least as far as the backup
 * (columns added by later migrations take their defaults).
 */
export async function restore(
  database: Database,
  file: string,
  progress: Progress = silentProgress,
): Promise<Manifest> {
  const reader = new FrameReader(fs.createReadStream(file).pipe(zlib.createGunzip())[Symbol.asyncIterator]());
  let manifest: Manifest;
  try {
    manifest = JSON.parse((await reader.line()) ?? 'null') as Manifest;
  } catch {
    throw new RestoreRefused('not an Anju backup file');
  }
  // staged import rows in a backup made before backups left them out are not restored
  if (Array.isArray(manifest?.tables)) manifest.tables = manifest.tables.filter((t) => backedUp(t.name));
  const seeded = await check(database, manifest);
  const tables = new Map(manifest.tables.map((t) => [t.name, t]));
  const task = progress.start('restore', manifest.tables.length);

  // Inside the transaction everything goes through `run`: PGlite would wait for the transaction otherwise.
  const load = async (open: (t: TableInfo) => Loader, run: Run) => {
    let loader: Loader | undefined;
    for (let line = await reader.line(); line !== undefined; line = await reader.line()) {
      const frame = JSON.parse(line) as Frame;
      const table = tables.get(frame.table);
      if (!table && !backedUp(frame.table)) {
        if ('bytes' in frame) await reader.bytes(frame.bytes);
        continue;
      }
      if (!table) throw new RestoreRefused(`backup frame for unknown table ${frame.table}`);
      if (!loader) {
        if (seeded.has(table.name)) await run(`DELETE FROM ${quoteIdent(table.name)}`);
        // rows are put back as they were written: guards on writing (a posted fund entry) do not apply
        await run(`ALTER TABLE ${quoteIdent(table.name)} DISABLE TRIGGER USER`);
        loader = open(table);
      }
      if ('bytes' in frame) {
        await loader.write(await reader.bytes(frame.bytes));
        continue;
      }
      const rows = await loader.end();
      await run(`ALTER TABLE ${quoteIdent(table.name)} ENABLE TRIGGER USER`);
      if (rows !== frame.rows)
        throw new Error(`table ${frame.table}: restored ${rows} rows, the backup holds ${frame.rows}`);
      loader = undefined;
      task.tick();
    }
    await resetSequences(run, manifest.tables);
  };

  if (database.pglite) {
    await database.pglite.transaction(async (tx) => {
      await load(
        (t) => {
          const parts: Buffer[] = [];
          return {
            write: async (chunk) => void parts.push(chunk),
            end: async () =>
              (
                await tx.query(copyIn(t, `'/dev/blob'`), [], {
                  blob: new Blob(parts as Uint8Array<ArrayBuffer>[]),
                })
              ).affectedRows ?? 0,
          };
        },
        async <T>(sql: string) => (await tx.query<T>(sql)).rows,
      );
    });
  } else {
    const client = await database.pool!.connect();
    try {
      await client.query('BEGIN');
      await load(
        (t) => pgLoader(client, t),
        async <T>(sql: string) => (await client.query(sql)).rows as T[],
      );
      await client.query('COMMIT');
    } catch (e) {
      await client.query('ROLLBACK').catch(() => {});
      throw e;
    } finally {
      client.release();
    }
  }
  task.done();
  return manifest;
}
