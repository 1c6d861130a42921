import { Command } from 'commander';
import { loadConfig } from '../config.ts';
import { openDatabase } from '../db/client.ts';
import { migrate } from '../db/migrate.ts';
import { start } from '../main.ts';

const program = new Command('anju').description('安居 Anju — resettlement community governance');

program
  .command('serve')
  .description('migrate the database and serve the API and web app')
  .option('--demo', 'load site-scale demo data on first start')
  .action(async () => {
    const config = loadConfig();
    const running = await start(config);
    console.log(`Anju is running at ${running.url}`);
    const shutdown = async () => {
      await running.stop();
      process.exit(0);
    };
    process.on('SIGINT', shutdown);
    process.on('SIGTERM', shutdown);
  });

program
  .command('migrate')
  .description('apply pending database migrations')
  .action(async () => {
    const database = await openDatabase(loadConfig());
    const applied = await migrate(database);
    console.log(applied.length ? `applied: ${applied.join(', ')}` : 'database is up to date');
    await database.close();
  });

await program.parseAsync();
