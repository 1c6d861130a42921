import fs from 'node:fs';
import path from 'node:path';
import type { ImportCounts, ImportJob } from '@anju/contracts';
import type { Database } from '../../../db/client.ts';
import type { Ctx } from '../../../platform/auth/actor.ts';
import type { Cipher } from '../../../platform/crypto.ts';
import { AppError, conflict, notFound } from '../../../platform/errors.ts';
import type { Jobs } from '../../../platform/jobs/jobs.ts';
import { recheckHouseholds } from '../../employment/zero.service.ts';
import { actorOf } from './actor.ts';
import { commitRows } from './commit.ts';
import * as repo from './import.repo.ts';
import { holding } from './recover.ts';
import { Refused, type FileFormat } from './source.ts';
import { validateImport } from './validate.ts';

export interface ImportDeps {
  database: Database;
  cipher: Cipher;
  dataDir: string;
  /** Undefined where no job queue runs (tests, CLI): the work then runs before the call returns. */
  jobs?: Jobs;
  /** Hears the progress of work running in this process (the CLI's progress bar). */
  onProgress?(phase: 'validating' | 'committing', percent: number): void;
}

export const VALIDATE_JOB = 'registry-import-validate';
export const COMMIT_JOB = 'registry-import-commit';

/** Progress of imports running in this process, fresher than the row it is written to. */
const live = new Map<number, { rows: number; percent: number }>();

export const importDir = (dataDir: string) => path.join(dataDir, 'imports');
const fileOf = (deps: ImportDeps, id: number, format: string) =>
  path.join(importDir(deps.dataDir), `${id}.${format}`);

/** Registers an uploaded file (already checked by type and size) and starts its dry run. */
export async function startImport(
  deps: ImportDeps,
  ctx: Ctx,
  upload: { path: string; fileName: string; format: FileFormat; keep?: boolean },
): Promise<number> {
  const id = await repo.insert(deps.database, ctx.actor.userId, upload.fileName, upload.format);
  const stored = fileOf(deps, id, upload.format);
  fs.mkdirSync(path.dirname(stored), { recursive: true });
  if (!upload.keep) fs.renameSync(upload.path, stored);
  else {
    try {
      fs.linkSync(upload.path, stored);
    } catch {
      fs.copyFileSync(upload.path, stored);
    }
  }
  if (deps.jobs)
    await deps.jobs.boss.send(VALIDATE_JOB, { importId: id, requestId: ctx.requestId }, { retryLimit: 0 });
  else await runValidation(deps, id);
  return id;
}

/** The dry run of import `id`, as the job or inline; the file is removed once read. */
export function runValidation(deps: ImportDeps, id: number): Promise<ImportCounts | null> {
  return holding(deps.database, id, () => validateHeld(deps, id));
}

async function validateHeld(deps: ImportDeps, id: number): Promise<ImportCounts | null> {
  const job = await repo.findById(deps.database, id);
  const file = fileOf(deps, id, job.format);
  // found interrupted (and failed) by another process before this job came to run
  if (job.status !== 'validating') return null;
  let lastWrite = 0;
  try {
    const counts = await validateImport({
      database: deps.database,
      cipher: deps.cipher,
      actor: await actorOf(deps.database, { userId: job.user_id }),
      importId: id,
      file,
      format: job.format,
      onProgress: (rows, percent) => {
        live.set(id, { rows, percent });
        deps.onProgress?.('validating', percent);
        if (Date.now() - lastWrite < 1000) return;
        lastWrite = Date.now();
        void repo.setState(deps.database, id, { rows, percent }).catch(() => {});
      },
    });
    await repo.setState(deps.database, id, { status: 'validated', rows: counts.rows, percent: 100, counts });
    return counts;
  } catch (err) {
    await repo.dropRows(deps.database, id);
    const refused = err instanceof AppError;
    if (err instanceof Refused)
      for (const d of err.details)
        await repo.addError(deps.database, id, {
          row: 1,
          column: d.field,
          reason: err.reason,
          params: err.params,
        });
    await repo.setState(deps.database, id, {
      status: 'failed',
      message: refused ? err.message : 'internal error',
    });
    if (!refused) throw err;
    return null;
  } finally {
    live.delete(id);
    fs.rmSync(file, { force: true });
  }
}

async function own(deps: ImportDeps, ctx: Ctx, id: number) {
  const job = await repo.findOwn(deps.database, id, ctx.actor.userId);
  if (!job) throw notFound('import');
  return job;
}

const EMPTY: ImportCounts = {
  rows: 0,
  valid: 0,
  invalid: 0,
  skipped: 0,
  newPersons: 0,
  updates: 0,
  households: 0,
};

/** The state of an import with a page of its errors; only its creator sees it. */
export async function getImport(
  deps: ImportDeps,
  ctx: Ctx,
  id: number,
  q: { page: number; pageSize: number },
): Promise<ImportJob> {
  const job = await own(deps, ctx, id);
  const [errors, notes] = await Promise.all([
    repo.errorsPage(deps.database, id, q.pageSize, (q.page - 1) * q.pageSize),
    repo.notes(deps.database, id),
  ]);
  const now = live.get(id) ?? { rows: job.rows, percent: job.percent };
  const counts = { ...EMPTY, ...job.counts };
  const done = job.status === 'validated' || job.status === 'committed';
  return {
    id: String(job.id),
    fileName: job.file_name,
    status: job.status,
    message: job.message,
    progress: { rows: now.rows, total: done ? counts.rows : undefined, percent: done ? 100 : now.percent },
    counts,
    notes,
    errors: { ...errors, page: q.page, pageSize: q.pageSize },
    createdAt: new Date(job.created_at).toISOString(),
  };
}

/** Commits a validated import; with bad rows only when asked to skip them (and their households). */
export async function commitImport(deps: ImportDeps, ctx: Ctx, id: number, skipBadRows: boolean) {
  const job = await own(deps, ctx, id);
  if (job.status !== 'validated') throw conflict(`the import is ${job.status}, not validated`);
  const invalid = job.counts.invalid ?? 0;
  if (invalid > 0 && !skipBadRows)
    throw conflict(`${invalid} rows have errors: fix them, or commit with skipBadRows`, [
      { field: 'skipBadRows', reason: `${invalid} bad rows` },
    ]);
  if ((await repo.stagedCount(deps.database, id)) !== (job.counts.rows ?? 0))
    throw conflict('the validated rows were lost in a database restart: upload the file again');
  if (!(await repo.claimCommit(deps.database, id))) throw conflict('the import is already being committed');
  const data = { importId: id, ip: ctx.ip, requestId: ctx.requestId };
  if (deps.jobs) await deps.jobs.boss.send(COMMIT_JOB, data, { retryLimit: 0 });
  else await runCommit(deps, data);
}

type CommitData = { importId: number; ip: string; requestId: string };

/** The commit of import `importId`, as the job or inline; a failure leaves nothing written. */
export function runCommit(deps: ImportDeps, data: CommitData) {
  return holding(deps.database, data.importId, () => commitHeld(deps, data));
}

async function commitHeld(deps: ImportDeps, data: CommitData) {
  const id = data.importId;
  const job = await repo.findById(deps.database, id);
  // found interrupted (and validated again) by another process before this job came to run
  if (job.status !== 'committing') return;
  const ctx: Ctx = {
    actor: await actorOf(deps.database, { userId: job.user_id }),
    ip: data.ip,
    requestId: data.requestId,
  };
  const counts = { ...EMPTY, ...job.counts };
  try {
    await commitRows(
      deps.database,
      ctx,
      {
        importId: id,
        note: `import ${id}: ${job.file_name}`.slice(0, 300),
        detail: { importId: id, ...counts },
        updates: counts.updates,
      },
      async (tx) => {
        await repo.markCommitted(tx, id);
        await recheckHouseholds(tx, repo.COMMITTED_HOUSEHOLDS);
      },
      (done, total) => {
        const percent = Math.floor((done / total) * 100);
        live.set(id, { rows: counts.rows, percent });
        deps.onProgress?.('committing', percent);
        // PGlite has one connection, held by the transaction: progress stays in memory there
        if (deps.database.kind === 'postgres')
          void repo.setState(deps.database, id, { percent }).catch(() => {});
      },
    );
  } catch (err) {
    const message = err instanceof AppError ? err.message : 'the commit failed; nothing was written';
    await repo.setState(deps.database, id, { status: 'failed', message });
    throw err;
  } finally {
    live.delete(id);
    await repo.dropRows(deps.database, id);
  }
}
