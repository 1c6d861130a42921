import fs from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { ImportReason, ImportReasonParams } from '@anju/contracts';
import { secretOf, type Cipher } from '../../../platform/crypto.ts';
import { checkRow, type RowError } from './check-row.ts';
import type { RowKey } from './resolve.ts';
import { openSource, Refused, type FileFormat } from './source.ts';
import { checkedFields } from './stage.ts';

/** What checking a file needs besides the cipher; plain data, so it can cross to a worker thread. */
export interface CheckSetup {
  file: string;
  format: FileFormat;
  /** Person tags by code and by Chinese label. */
  tags: [string, string][];
  seesHealth: boolean;
  batch: number;
}

/** Rows checked on their own and sealed: their staging fields, what resolving needs, their errors. */
export interface CheckedBatch {
  /** Bytes of the file read so far. */
  bytes: number;
  fields: string[];
  keys: RowKey[];
  errors: RowError[];
}

/** Reads, checks and seals the rows of a file, a batch at a time. */
export async function* checkedBatches(setup: CheckSetup, cipher: Cipher): AsyncGenerator<CheckedBatch> {
  const ctx = { cipher, tags: new Map(setup.tags), seesHealth: setup.seesHealth, today: new Date() };
  let bytes = 0;
  let batch: CheckedBatch = { bytes, fields: [], keys: [], errors: [] };
  const source = await openSource(
    setup.file,
    setup.format,
    (n) => (bytes += n),
    (note) => batch.errors.push(note),
  );
  for await (const row of source) {
    const { staged, errors } = checkRow(row, ctx);
    batch.fields.push(checkedFields(staged));
    batch.keys.push({
      rowNo: staged.rowNo,
      idHash: staged.idHash,
      hukouCode: staged.hukouCode,
      dwellingCode: staged.dwellingCode,
      originCode: staged.originCode,
      bad: staged.bad,
    });
    for (const e of errors) batch.errors.push(e);
    if (batch.fields.length >= setup.batch) {
      batch.bytes = bytes;
      yield batch;
      batch = { bytes, fields: [], keys: [], errors: [] };
    }
  }
  batch.bytes = bytes;
  yield batch;
}

/** A refusal of the whole file as it crosses from the worker thread. */
export interface RefusedData {
  message: string;
  reason: ImportReason;
  params: ImportReasonParams;
  columns: string[];
}

export type WorkerMessage = { batch: CheckedBatch } | { done: true } | { refused: RefusedData };

/** Batches the worker may send ahead of the one being staged: enough to keep both threads busy. */
const AHEAD = 2;
// the worker's heap is capped so that its garbage is collected instead of growing the process: a CSV
// needs a few batches, a workbook also its shared strings (every distinct cell text)
const WORKER_HEAP_MB = { csv: 64, xlsx: 256 };
// below this a file is checked before a worker thread would have started
const WORKER_FROM_BYTES = 4 << 20;

function startWorker(setup: CheckSetup, secret: Buffer) {
  const tsx = import.meta.resolve('tsx/esm/api');
  const entry = new URL('./check.worker.ts', import.meta.url).href;
  // the worker registers the TypeScript loader itself: the process may have done so through the API only
  const boot = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); })`;
  return new Worker(boot, {
    eval: true,
    workerData: { setup, secret, ahead: AHEAD },
    resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB[setup.format] },
  });
}

/**
 * Checked batches of a file. Reading, checking and sealing (AES-GCM and HMAC for every ID and phone
 * number) of a large file run in a worker thread while this thread resolves and stages, unless the
 * cipher cannot be handed to one.
 */
export async function* checkFile(setup: CheckSetup, cipher: Cipher): AsyncGenerator<CheckedBatch> {
  const secret = secretOf(cipher);
  if (!secret || fs.statSync(setup.file).size < WORKER_FROM_BYTES) {
    yield* checkedBatches(setup, cipher);
    return;
  }
  const worker = startWorker(setup, secret);
  const inbox: (WorkerMessage | { failed: Error } | { exited: number })[] = [];
  let wake: (() => void) | undefined;
  const push = (m: (typeof inbox)[number]) => {
    inbox.push(m);
    wake?.();
  };
  worker.on('message', push);
  worker.on('error', (failed) => push({ failed }));
  worker.on('exit', (exited) => push({ exited }));
  try {
    for (;;) {
      while (inbox.length === 0) await new Promise<void>((r) => (wake = r));
      const m = inbox.shift()!;
      if ('failed' in m) throw m.failed;
      if ('exited' in m) throw new Error(`the checking thread stopped (exit code ${m.exited})`);
      if ('refused' in m) {
        const r = m.refused;
        throw new Refused(r.message, r.reason, r.params, r.columns);
      }
      if ('done' in m) return;
      yield m.batch;
      worker.postMessage('more');
    }
  } finally {
    await worker.terminate();
  }
}
