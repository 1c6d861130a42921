import fs from 'node:fs';
import type { ImportCounts } from '@anju/contracts';
import type { Database } from '../../../db/client.ts';
import type { Actor } from '../../../platform/auth/actor.ts';
import type { Cipher } from '../../../platform/crypto.ts';
import { seesHealth } from '../registry.policy.ts';
import { checkFile } from './checked.ts';
import { checkHouseholds } from './household-checks.ts';
import { Resolver } from './resolve.ts';
import type { FileFormat } from './source.ts';
import { stageErrors, stageRows } from './stage.ts';

// small enough that a batch dies young instead of being promoted to the old generation
const BATCH = 2000;

export interface ValidateOptions {
  database: Database;
  cipher: Cipher;
  actor: Actor;
  importId: number;
  file: string;
  format: FileFormat;
  /** Rows read so far and the share of the file's bytes behind them. */
  onProgress?(rows: number, percent: number): void;
}

async function personTags(database: Database): Promise<Map<string, string>> {
  const rows = await database.query<{ code: string; label_zh: string }>(
    `SELECT code, label_zh FROM dictionary_entries WHERE kind = 'person_tag' AND active`,
  );
  return new Map(rows.flatMap((r) => [[r.code, r.code] as const, [r.label_zh, r.code] as const]));
}

/**
 * The dry run: streams the file row by row, checks and seals each row (in a worker thread), resolves
 * places and ID numbers a batch at a time, stages rows and errors with COPY, then checks across rows
 * in SQL. Refuses the whole file (an AppError) when its sheet or headers are not the template's.
 */
export async function validateImport(o: ValidateOptions): Promise<ImportCounts> {
  const setup = {
    file: o.file,
    format: o.format,
    tags: [...(await personTags(o.database))],
    seesHealth: seesHealth(o.actor),
    batch: BATCH,
  };
  const size = Math.max(fs.statSync(o.file).size, 1);
  const resolver = new Resolver(o.database, o.actor);
  let rows = 0;
  let loading: Promise<void> = Promise.resolve();
  for await (const batch of checkFile(setup, o.cipher)) {
    rows += batch.keys.length;
    const resolved = await resolver.resolve(batch.keys, batch.errors);
    await loading;
    loading = Promise.all([
      stageRows(o.database, o.importId, batch.fields, resolved),
      stageErrors(o.database, o.importId, batch.errors),
    ]).then(() => undefined);
    // awaited on the next batch; a failure must not go unhandled meanwhile
    loading.catch(() => {});
    o.onProgress?.(rows, Math.min(99, Math.floor((batch.bytes / size) * 100)));
  }
  await loading;
  return checkHouseholds(o.database, o.importId);
}
