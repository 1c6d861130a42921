import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client.ts';
import { migratedFreshDatabase, type FreshDatabase } from '../db/fresh-database.ts';
import { seed } from '../seed/index.ts';
import { createCipher } from '../platform/crypto.ts';
import { TEST_SECRET } from '../../test/harness.ts';
import { backup } from './backup.ts';
import { backupTables, quoteIdent, type Frame, type Manifest } from './backup-format.ts';
import { restore, RestoreRefused } from './restore.ts';

const opened: { database: Database; fresh: FreshDatabase }[] = [];
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'anju-backup-'));
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
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Every backed-up table's rows, in a stable order, as text. */
async function contents(database: Database): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const t of await backupTables(database)) {
    const [row] = await database.query<{ rows: string | null }>(
      `SELECT string_agg(r::text, E'\\n' ORDER BY r::text) AS rows FROM ${quoteIdent(t.name)} r`,
    );
    out[t.name] = row.rows ?? '';
  }
  return out;
}

describe('backup and restore', () => {
  let source: Database;
  const file = path.join(dir, 'site.anju.gz');
  beforeAll(async () => {
    source = await emptyDatabase();
    await seed(source, { scale: 'site', seed: 5, cipher: createCipher(Buffer.from(TEST_SECRET, 'hex')) });
    await source.query(
      `INSERT INTO audit_log (action, result, detail) VALUES ('test.backup', 'ok', '{"note":"逗号, \\"引号\\""}')`,
    );
    const [job] = await source.query<{ id: number }>(
      `INSERT INTO registry_imports (user_id, file_name, format, status)
       SELECT min(id), 'staged.xlsx', 'xlsx', 'validated' FROM users RETURNING id`,
    );
    await source.query(
      `INSERT INTO registry_import_rows (import_id, row_no, household_key, id_masked) VALUES ($1, 2, 'H-1', '5201**********1234')`,
      [job.id],
    );
    await backup(source, file);
  }, 120_000);

  /** The manifest and the tables of the frames of a backup. */
  const framesOf = (gz: string) => {
    const data = zlib.gunzipSync(fs.readFileSync(gz));
    const manifest = JSON.parse(data.subarray(0, data.indexOf(10)).toString()) as Manifest;
    const tables = new Set<string>();
    for (let at = data.indexOf(10) + 1; at < data.length;) {
      const end = data.indexOf(10, at);
      const frame = JSON.parse(data.subarray(at, end).toString()) as Frame;
      tables.add(frame.table);
      at = end + 1 + ('bytes' in frame ? frame.bytes : 0);
    }
    return { manifest, tables, data };
  };

  it('carries no staged import rows, and restores a backup made when it did without them', async () => {
    const { manifest, tables, data } = framesOf(file);
    expect(manifest.tables.map((t) => t.name)).not.toContain('registry_import_rows');
    expect(tables.has('registry_import_rows')).toBe(false);
    expect(tables.has('registry_imports')).toBe(true);
    // as backups were made before: the staged rows' table in the manifest and a frame of it
    const csv = Buffer.from('1,2,H-1\n');
    const older = path.join(dir, 'older.anju.gz');
    const head = {
      ...manifest,
      tables: [
        ...manifest.tables,
        { name: 'registry_import_rows', columns: ['import_id', 'row_no', 'household_key'] },
      ],
    };
    fs.writeFileSync(
      older,
      zlib.gzipSync(
        Buffer.concat([
          Buffer.from(`${JSON.stringify(head)}\n`),
          data.subarray(data.indexOf(10) + 1),
          Buffer.from(`${JSON.stringify({ table: 'registry_import_rows', bytes: csv.length })}\n`),
          csv,
          Buffer.from(`${JSON.stringify({ table: 'registry_import_rows', rows: 1 })}\n`),
        ]),
      ),
    );
    const target = await emptyDatabase();
    await restore(target, older);
    expect(await target.query('SELECT * FROM registry_import_rows')).toEqual([]);
    expect(await target.query('SELECT * FROM registry_imports')).toHaveLength(1);
  }, 60_000);

  it('restores every table as it was, and new rows get fresh ids', async () => {
    const target = await emptyDatabase();
    await restore(target, file);
    expect(await contents(target)).toEqual(await contents(source));
    const [place] = await target.query<{ id: number }>(
      `INSERT INTO places (level, name, path, depth) VALUES ('community', 'x', '/', 0) RETURNING id::int8 AS id`,
    );
    const [max] = await source.query<{ id: number }>(`SELECT max(id)::int8 AS id FROM places`);
    expect(Number(place.id)).toBeGreaterThan(Number(max.id));
    await target.query(`INSERT INTO audit_log (action, result) VALUES ('after.restore', 'ok')`);
  }, 60_000);

  it('refuses a database that already holds data, and leaves it alone', async () => {
    const before = await contents(source);
    await expect(restore(source, file)).rejects.toThrow(RestoreRefused);
    await expect(restore(source, file)).rejects.toThrow(/empty database.*places/);
    expect(await contents(source)).toEqual(before);
  });

  it('refuses a file that is not a backup', async () => {
    const other = path.join(dir, 'other.gz');
    fs.writeFileSync(other, 'hello');
    await expect(restore(await emptyDatabase(), other)).rejects.toThrow(RestoreRefused);
  });
});
