import pg from 'pg';
import { openPostgres, type Database } from '../server/src/db/client.ts';
import { migrate } from '../server/src/db/migrate.ts';

export const BENCH_PG = process.env.ANJU_BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** `--name value` from argv, or the fallback. */
export function arg(args: string[], name: string, fallback: string): string {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
}

/** Drops and creates a database for one benchmark and returns its URL. */
export async function freshDatabase(name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: BENCH_PG });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  return Object.assign(new URL(BENCH_PG), { pathname: `/${name}` }).toString();
}

/**
 * The benchmark's migrated database: with `reuse`, the one an earlier run left when `filled` (a table)
 * holds rows; otherwise dropped, created and filled by `fill`, timed.
 */
export async function benchDatabase(
  name: string,
  opts: { reuse: boolean; pool: number; filled: string; fill: (database: Database) => Promise<void> },
): Promise<{ url: string; database: Database; fillSeconds: number | null }> {
  const url = Object.assign(new URL(BENCH_PG), { pathname: `/${name}` }).toString();
  if (opts.reuse) {
    const admin = new pg.Client({ connectionString: BENCH_PG });
    await admin.connect();
    const exists = (await admin.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [name])).rowCount;
    await admin.end();
    if (exists) {
      const database = await openPostgres(url, opts.pool);
      await migrate(database);
      const [row] = await database.query<{ found: boolean }>(
        `SELECT EXISTS (SELECT 1 FROM ${opts.filled}) AS found`,
      );
      if (row.found) return { url, database, fillSeconds: null };
      await database.close();
    }
  }
  await freshDatabase(name);
  const database = await openPostgres(url, opts.pool);
  await migrate(database);
  const started = performance.now();
  await opts.fill(database);
  return { url, database, fillSeconds: +((performance.now() - started) / 1000).toFixed(1) };
}
