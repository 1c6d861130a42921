import { Command, InvalidArgumentError, Option } from 'commander';
import { loadConfig } from '../config.ts';
import { DatabaseUnavailable, openDatabase } from '../db/client.ts';
import { migrateAsOwner } from '../db/migrate.ts';
import { SCALE_NAMES } from '../seed/index.ts';
import { consoleProgress } from '../platform/progress.ts';
import { backup } from './backup.ts';
import { restore, RestoreRefused } from './restore.ts';
import { registerImport } from './import.ts';
import { seedCommand } from './seed.ts';
import { serve } from './serve.ts';

const program = new Command('anju').description('安居 Anju — resettlement community governance');

const integer = (value: string) => {
  const n = Number(value);
  if (!Number.isSafeInteger(n)) throw new InvalidArgumentError('not an integer');
  return n;
};

program
  .command('serve')
  .description('migrate the database and serve the API and web app; loads the divisions on first start')
  .option('--demo', 'on first start also load site-scale demo data and the demo accounts')
  .action(serve);

program
  .command('migrate')
  .description('apply pending database migrations')
  .action(async () => {
    const config = loadConfig();
    const database = await openDatabase(config);
    const applied = await migrateAsOwner(database, config.migrationDatabaseUrl);
    console.log(applied.length ? `applied: ${applied.join(', ')}` : 'database is up to date');
    await database.close();
  });

program
  .command('seed')
  .description('generate synthetic resettlement communities (deterministic for a seed) and the demo accounts')
  .addOption(new Option('--scale <scale>', 'how much to generate').choices(SCALE_NAMES).default('site'))
  .option('--seed <n>', 'seed of the generator', integer, 1)
  .option('--force', 'seed even though the database already holds communities')
  .action(seedCommand);

program
  .command('backup')
  .argument('<file>', 'where to write the backup (gzip)')
  .description('write a logical backup of every table (works on PGlite and PostgreSQL)')
  .action(async (file: string) => {
    const config = loadConfig();
    const database = await openDatabase(config);
    try {
      await migrateAsOwner(database, config.migrationDatabaseUrl);
      const manifest = await backup(database, file, consoleProgress());
      console.log(
        `backup written to ${file}: ${manifest.tables.length} tables at ${manifest.migrations.at(-1)}`,
      );
    } finally {
      await database.close();
    }
  });

program
  .command('restore')
  .argument('<file>', 'a backup written by `anju backup`')
  .description('restore a backup into an empty database')
  .action(async (file: string) => {
    // restoring sets the tables' sequences, which only their owner may do
    const config = loadConfig();
    const database = await openDatabase({
      ...config,
      databaseUrl: config.migrationDatabaseUrl ?? config.databaseUrl,
    });
    try {
      await migrateAsOwner(database, undefined);
      await restore(database, file, consoleProgress());
      console.log(`restored ${file}`);
    } catch (e) {
      if (!(e instanceof RestoreRefused)) throw e;
      console.error(`restore refused: ${e.message}`);
      process.exitCode = 1;
    } finally {
      await database.close();
    }
  });

registerImport(program);

try {
  await program.parseAsync();
} catch (e) {
  if (!(e instanceof DatabaseUnavailable || (e instanceof Error && /ANJU_SECRET_KEY/.test(e.message))))
    throw e;
  console.error(`anju: ${e.message}`);
  process.exitCode = 1;
}
