import { loadConfig } from '../config.ts';
import { openDatabase } from '../db/client.ts';
import { migrateAsOwner } from '../db/migrate.ts';
import { hasCommunities, seed, type ScaleName } from '../seed/index.ts';
import { createCipher, loadSecret } from '../platform/crypto.ts';
import { consoleProgress } from '../platform/progress.ts';

/** `anju seed`: synthetic data of a scale into the configured database. */
export async function seedCommand(opts: { scale: ScaleName; seed: number; force?: boolean }): Promise<void> {
  const config = loadConfig();
  const cipher = createCipher(loadSecret(config));
  const database = await openDatabase(config);
  try {
    await migrateAsOwner(database, config.migrationDatabaseUrl);
    if (!opts.force && (await hasCommunities(database))) {
      console.error(
        'This database already holds resettlement communities; seeding again would add more. Use --force to add them anyway.',
      );
      process.exitCode = 1;
      return;
    }
    const started = Date.now();
    const places = await seed(database, {
      scale: opts.scale,
      seed: opts.seed,
      cipher,
      progress: consoleProgress(),
      log: (line) => console.log(line),
    });
    console.log(
      `seeded scale ${opts.scale} (seed ${opts.seed}): ${places.communities.length} communities in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
  } finally {
    await database.close();
  }
}
