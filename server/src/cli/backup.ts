import fs from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { PassThrough } from 'node:stream';
import zlib from 'node:zlib';
import { to as copyTo } from 'pg-copy-streams';
import type { Database } from '../db/client.ts';
import { silentProgress, type Progress } from '../platform/progress.ts';
import {
  appliedMigrations,
  backupTables,
  BACKUP_FORMAT,
  BACKUP_VERSION,
  quoteIdent,
  type Manifest,
  type TableInfo,
} from './backup-format.ts';

const CHUNK = 1 << 20;
const copyOut = (t: TableInfo, target: string) =>
  `COPY ${quoteIdent(t.name)} (${t.columns.map(quoteIdent).join(',')}) TO ${target} WITH (FORMAT csv)`;

/** Yields each table's COPY csv in chunks of about 1 MB, all from one consistent snapshot. */
async function* tableChunks(
  database: Database,
  tables: TableInfo[],
): AsyncGenerator<{ table: string; chunk?: Buffer; rows?: number }> {
  if (database.pglite) {
    for (const t of tables) {
      const result = await database.pglite.query(copyOut(t, `'/dev/blob'`));
      const data = Buffer.from(await (result.blob ?? new Blob([])).arrayBuffer());
      for (let at = 0; at < data.length; at += CHUNK)
        yield { table: t.name, chunk: data.subarray(at, at + CHUNK) };
      yield { table: t.name, rows: result.affectedRows ?? 0 };
    }
    return;
  }
  const client = await database.pool!.connect();
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    for (const t of tables) {
      const stream = client.query(copyTo(copyOut(t, 'STDOUT')));
      let pending: Buffer[] = [];
      let size = 0;
      for await (const piece of stream as AsyncIterable<Buffer>) {
        pending.push(piece);
        size += piece.length;
        if (size >= CHUNK) {
          yield { table: t.name, chunk: Buffer.concat(pending) };
          pending = [];
          size = 0;
        }
      }
      if (size) yield { table: t.name, chunk: Buffer.concat(pending) };
      yield { table: t.name, rows: stream.rowCount };
    }
    await client.query('COMMIT');
  } finally {
    client.release();
  }
}

/** Writes a gzip'd logical backup: a manifest line, then every table's rows as COPY csv frames. */
export async function backup(
  database: Database,
  file: string,
  progress: Progress = silentProgress,
): Promise<Manifest> {
  const tables = await backupTables(database);
  const manifest: Manifest = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    createdAt: new Date().toISOString(),
    migrations: await appliedMigrations(database),
    tables,
  };
  const out = new PassThrough();
  const written = pipeline(out, zlib.createGzip(), fs.createWriteStream(file));
  const write = (data: string | Buffer) =>
    out.write(data) ? Promise.resolve() : new Promise((r) => out.once('drain', r));
  const task = progress.start('backup', tables.length);
  try {
    await write(`${JSON.stringify(manifest)}\n`);
    for await (const { table, chunk, rows } of tableChunks(database, tables)) {
      if (chunk) {
        await write(`${JSON.stringify({ table, bytes: chunk.length })}\n`);
        await write(chunk);
      } else {
        await write(`${JSON.stringify({ table, rows })}\n`);
        task.tick();
      }
    }
    out.end();
  } catch (e) {
    out.destroy(e as Error);
    await written.catch(() => {});
    throw e;
  }
  await written;
  task.done();
  return manifest;
}
