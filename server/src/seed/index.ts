import type { Cipher } from '../platform/crypto.ts';
import { silentProgress, type Progress } from '../platform/progress.ts';
import type { Database } from '../db/client.ts';
import { orderSeeders, type GeneratedPlaces, type Seeder } from './registry.ts';
import { createRng } from './rng.ts';
import { scaleOf, type ScaleName } from './scales.ts';
import { SEEDERS } from './seeders.ts';

export { loadDivisions, loadVillages } from './divisions.ts';
export { DEMO_ACCOUNTS, DEMO_PASSWORD } from './demo-accounts.ts';
export { SCALE_NAMES, type ScaleName } from './scales.ts';

export interface SeedOptions {
  scale: ScaleName;
  seed?: number;
  /** The server's field cipher (createCipher(loadSecret(config))), so sealed identifiers can be revealed. */
  cipher: Cipher;
  progress?: Progress;
  log?: (line: string) => void;
  seeders?: Seeder[];
}

/** True when generated resettlement communities (12-digit codes under real townships) are already there. */
export async function hasCommunities(database: Database): Promise<boolean> {
  const rows = await database.query(
    `SELECT 1 FROM places WHERE level = 'community' AND code ~ '^[0-9]{12}$' LIMIT 1`,
  );
  return rows.length > 0;
}

/** Generates synthetic data of a scale, deterministic for a given seed; returns the places generated. */
export async function seed(database: Database, options: SeedOptions): Promise<GeneratedPlaces> {
  const seedNumber = options.seed ?? 1;
  const root = createRng(seedNumber);
  const places: GeneratedPlaces = { communities: [] };
  const scale = scaleOf(options.scale);
  for (const seeder of orderSeeders(options.seeders ?? SEEDERS)) {
    await seeder.run({
      database,
      rng: root.fork(seeder.name),
      seed: seedNumber,
      scale,
      progress: options.progress ?? silentProgress,
      cipher: options.cipher,
      places,
      log: options.log ?? (() => {}),
    });
  }
  // Rows bulk-loaded with COPY leave the planner without statistics (PGlite has no autovacuum).
  await database.query('ANALYZE');
  return places;
}
