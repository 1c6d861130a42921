import fs from 'node:fs';
import path from 'node:path';
import type { Database } from '../../../db/client.ts';
import type { JobDefinition } from '../../../platform/jobs/jobs.ts';
import * as repo from './import.repo.ts';

/** How long an import may go untouched before another process may take it for interrupted. */
export const GRACE_SECONDS = 120;
/** How long a dry run waits for its commit before its staged rows go. */
export const ABANDON_SECONDS = 24 * 60 * 60;

export const COMMIT_INTERRUPTED = 'the commit was interrupted; nothing was written: commit again';
export const VALIDATION_INTERRUPTED = 'the dry run was interrupted: upload the file again';
export const ABANDONED = 'not committed within a day of its dry run: upload the file again';

/** Imports whose dry run or commit runs in this process now. */
const running = new Set<number>();

/**
 * Runs the dry run or commit of import `id` as its holder: other processes see it alive while `fn`
 * runs (an advisory lock that PostgreSQL releases when this process dies).
 */
export async function holding<T>(database: Database, id: number, fn: () => Promise<T>): Promise<T> {
  running.add(id);
  try {
    return await database.exclusive(repo.IMPORT_LOCK_BASE + id, fn);
  } finally {
    running.delete(id);
  }
}

/**
 * Finds the imports whose process is gone: a commit interrupted (its transaction rolled back, its
 * staged rows intact) is validated again, to be committed again; a dry run interrupted has failed.
 * Then fails the dry runs left uncommitted for a day and removes the staged rows of finished imports.
 */
export async function recoverImports(
  database: Database,
  dataDir: string,
  o: { graceSeconds?: number; abandonSeconds?: number } = {},
) {
  const failed: number[] = [];
  const resumed: number[] = [];
  await database.db.transaction(async (tx) => {
    for (const job of await repo.interrupted(tx, o.graceSeconds ?? GRACE_SECONDS, [...running])) {
      if (job.status === 'committing') {
        await repo.settle(tx, job.id, 'validated', COMMIT_INTERRUPTED);
        resumed.push(job.id);
      } else {
        await repo.settle(tx, job.id, 'failed', VALIDATION_INTERRUPTED);
        failed.push(job.id);
        fs.rmSync(path.join(dataDir, 'imports', `${job.id}.${job.format}`), { force: true });
      }
    }
  });
  failed.push(...(await repo.abandon(database, o.abandonSeconds ?? ABANDON_SECONDS, ABANDONED)));
  await repo.dropFinishedRows(database);
  return { resumed, failed };
}

/** The periodic search for interrupted and abandoned imports, since several processes may run. */
export function importJobs(dataDir: string): JobDefinition[] {
  return [
    {
      name: 'registry-import-recover',
      cron: '*/5 * * * *',
      async run(database) {
        await recoverImports(database, dataDir);
      },
    },
  ];
}
