import fs from 'node:fs';
import type { ImportCounts } from '@anju/contracts';
import type { Database } from '../../../db/client.ts';
import type { Actor } from '../../../platform/auth/actor.ts';
import type { Cipher } from '../../../platform/crypto.ts';
import { seesHealth } from '../registry.policy.ts';
import { checkRow, type RowError, type StagedRow } from './check-row.ts';
import { checkHouseholds } from './household-checks.ts';
import { Resolver } from './resolve.ts';
import { openSource, type FileFormat } from './source.ts';
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
 * The dry run: streams the file row by row, checks and seals each row, resolves places and ID
 * numbers a batch at a time, stages rows and errors with COPY, then checks across rows in SQL.
 * Refuses the whole file (an AppError) when its sheet or headers are not the template's.
 */
export async function validateImport(o: ValidateOptions): Promise<ImportCounts> {
  const ctx = { cipher: o.cipher, tags: await personTags(o.database), seesHealth: seesHealth(o.actor) };
  const size = Math.max(fs.statSync(o.file).size, 1);
  let bytes = 0;
  const source = await openSource(o.file, o.format, (n) => (bytes += n));
  const resolver = new Resolver(o.database, o.actor);
  let rows = 0;
  let batch: StagedRow[] = [];
  let errors: RowError[] = [];
  let loading: Promise<void> = Promise.resolve();
  const flush = async () => {
    const [staged, found] = [batch, errors];
    [batch, errors] = [[], []];
    const resolved = await resolver.resolve(staged, found);
    await loading;
    loading = Promise.all([
      stageRows(o.database, o.importId, resolved),
      stageErrors(o.database, o.importId, found),
    ]).then(() => undefined);
    // awaited on the next flush; a failure must not go unhandled meanwhile
    loading.catch(() => {});
    o.onProgress?.(rows, Math.min(99, Math.floor((bytes / size) * 100)));
  };
  for await (const row of source) {
    rows++;
    const checked = checkRow(row, ctx);
    batch.push(checked.staged);
    for (const e of checked.errors) errors.push(e);
    if (batch.length >= BATCH) await flush();
  }
  await flush();
  await loading;
  return checkHouseholds(o.database, o.importId);
}
