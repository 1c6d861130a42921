import type { Command } from 'commander';
import { can } from '@anju/contracts';
import { loadConfig } from '../config.ts';
import { openDatabase } from '../db/client.ts';
import { migrateAsOwner } from '../db/migrate.ts';
import { actorOf } from '../modules/registry/import/actor.ts';
import { errorBatches } from '../modules/registry/import/import.repo.ts';
import { reportLabels } from '../modules/registry/import/reasons.ts';
import { importFile } from '../modules/registry/import/run.ts';
import { createCipher, loadSecret } from '../platform/crypto.ts';
import { AppError } from '../platform/errors.ts';
import { consoleProgress, type ProgressTask } from '../platform/progress.ts';

/** `anju import <file> --user <name>`: a dry run that prints every error, and the commit on request. */
export async function importCommand(
  file: string,
  opts: { user: string; commit?: boolean; skipBadRows?: boolean },
): Promise<void> {
  const config = loadConfig();
  const database = await openDatabase(config);
  const progress = consoleProgress();
  let bar: { phase: string; task: ProgressTask; at: number } | undefined;
  const onProgress = (phase: string, percent: number) => {
    if (bar?.phase !== phase) {
      bar?.task.tick(100 - bar.at);
      bar?.task.done();
      bar = { phase, task: progress.start(phase, 100), at: 0 };
    }
    if (percent > bar.at) bar.task.tick(percent - bar.at);
    bar.at = Math.max(bar.at, percent);
  };
  try {
    await migrateAsOwner(database, config.migrationDatabaseUrl);
    const actor = await actorOf(database, { username: opts.user });
    if (!can(actor.roles, 'person:import'))
      throw new AppError('forbidden', `${opts.user} may not import (person:import)`);
    const deps = { database, cipher: createCipher(loadSecret(config)), dataDir: config.dataDir, onProgress };
    const ctx = { actor, ip: 'localhost', requestId: `cli:import:${process.pid}` };
    const job = await importFile(deps, ctx, file, {
      commit: !!opts.commit,
      skipBadRows: !!opts.skipBadRows,
      errors: 1,
    });
    bar?.task.tick(100 - bar.at);
    bar?.task.done();
    // the rest of the command speaks English; a Chinese terminal gets the reasons in Chinese
    const labels = reportLabels(process.env.LANG?.startsWith('zh') ? 'zh-CN' : 'en-US');
    for await (const batch of errorBatches(database, Number(job.id))) {
      for (const e of batch)
        console.log(`row ${e.row}\t${labels.column(e.column)}\t${labels.reason(e.reason, e.params)}`);
    }
    const c = job.counts;
    console.log(
      `import ${job.id} ${job.status}: ${c.rows} rows, ${c.valid} valid, ${c.invalid} with errors` +
        (c.skipped ? ` (${c.skipped} rows of bad households left out)` : '') +
        `; ${c.newPersons} new people, ${c.updates} updates, ${c.households} households`,
    );
    if (job.message) console.log(job.message);
    if (job.status === 'validated' && opts.commit)
      console.log('nothing was written: fix the rows above, or commit with --skip-bad-rows');
    else if (job.status === 'validated') console.log('dry run only: add --commit to write');
    if (job.status === 'failed' || (job.status !== 'committed' && c.invalid > 0)) process.exitCode = 1;
    if (opts.commit && job.status !== 'committed') process.exitCode = 1;
  } catch (err) {
    bar?.task.done();
    if (!(err instanceof AppError)) throw err;
    console.error(`import refused: ${err.message}`);
    process.exitCode = 1;
  } finally {
    await database.close();
  }
}

/** Adds `anju import` to the command line. */
export function registerImport(program: Command) {
  program
    .command('import')
    .argument('<file>', '.xlsx or .csv laid out as the import template')
    .description('import households and people: a dry run that lists every bad row; --commit writes them')
    .requiredOption('--user <username>', 'the user whose permissions and scope apply')
    .option('--commit', 'write the rows (all or nothing) when the dry run found no errors')
    .option('--skip-bad-rows', 'with --commit: leave out bad rows and every household holding one')
    .action(importCommand);
}
