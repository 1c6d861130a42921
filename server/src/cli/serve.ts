import { loadConfig, type Config } from '../config.ts';
import type { Database } from '../db/client.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, hasCommunities, loadDivisions, seed } from '../seed/index.ts';
import { start } from '../main.ts';
import { createCipher, loadSecret } from '../platform/crypto.ts';
import { consoleProgress } from '../platform/progress.ts';

const FIRST_START_LOCK = 7_311_002;

/**
 * First start: the divisions when the place tree is empty, and with `demo` the site-scale demo data,
 * its identifiers sealed with the server's own key.
 */
export async function prepareDatabase(database: Database, config: Config, demo: boolean): Promise<void> {
  const progress = consoleProgress();
  // processes starting together on one PostgreSQL load the first data once
  await database.exclusive(FIRST_START_LOCK, async () => {
    await loadDivisions(database, progress);
    if (demo && !(await hasCommunities(database))) {
      const cipher = createCipher(loadSecret(config));
      await seed(database, { scale: 'site', seed: 1, cipher, progress, log: (line) => console.log(line) });
    }
  });
}

export async function serve(opts: { demo?: boolean }): Promise<void> {
  const demo = opts.demo === true;
  const config = loadConfig();
  const running = await start(config, (database) => prepareDatabase(database, config, demo));
  console.log(`Anju is running at ${running.url}`);
  if (demo) {
    console.log(
      `Demo accounts (password ${DEMO_PASSWORD}): ${DEMO_ACCOUNTS.map((a) => a.username).join(', ')}`,
    );
  }
  const shutdown = async () => {
    await running.stop();
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}
