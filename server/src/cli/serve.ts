import { loadConfig } from '../config.ts';
import type { Database } from '../db/client.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, hasCommunities, loadDivisions, seed } from '../db/seed/index.ts';
import { start } from '../main.ts';
import { consoleProgress } from '../platform/progress.ts';

/** First start: the divisions when the place tree is empty, and with `demo` the site-scale demo data. */
export async function prepareDatabase(database: Database, demo: boolean): Promise<void> {
  const progress = consoleProgress();
  await loadDivisions(database, progress);
  if (demo && !(await hasCommunities(database))) {
    await seed(database, { scale: 'site', seed: 1, progress, log: (line) => console.log(line) });
  }
}

export async function serve(opts: { demo?: boolean }): Promise<void> {
  const demo = opts.demo === true;
  const running = await start(loadConfig(), (database) => prepareDatabase(database, demo));
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
