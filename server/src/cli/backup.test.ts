import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client.ts';
import { migratedFreshDatabase, type FreshDatabase } from '../db/fresh-database.ts';
import { seed } from '../seed/index.ts';
import { createCipher } from '../platform/crypto.ts';
import { TEST_SECRET } from '../../test/harness.ts';
import { backup } from './backup.ts';
import { backupTables, quoteIdent } from './backup-format.ts';
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
    await backup(source, file);
  }, 120_000);

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
