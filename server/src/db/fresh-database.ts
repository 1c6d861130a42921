import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openPglite, openPostgres, type Database } from './client.ts';
import { migrate } from './migrate.ts';
import { postgresTemplate } from './template.ts';

/** An empty database of its own: a new PostgreSQL database next to DATABASE_URL's, or an in-memory PGlite. */
export interface FreshDatabase {
  /** The PostgreSQL URL of it (undefined on PGlite). */
  url?: string;
  open(): Promise<Database>;
  drop(): Promise<void>;
}

async function admin<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** For tests and benchmarks that need a database nobody else writes to (`base`: a PostgreSQL URL or nothing). */
export async function freshDatabase(
  base = process.env.DATABASE_URL,
  /** a migrated PostgreSQL database to copy instead of starting empty */
  template?: string,
): Promise<FreshDatabase> {
  if (!base) return { open: () => openPglite(), drop: async () => {} };
  const name = `anju_seed_${randomBytes(6).toString('hex')}`;
  await admin(base, (c) => c.query(`CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ''}`));
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    open: () => openPostgres(url.toString(), 5),
    drop: async () => {
      await admin(base, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}

/** Opens and migrates a fresh database. */
export async function migratedFreshDatabase(
  base?: string,
): Promise<{ database: Database; fresh: FreshDatabase }> {
  const fresh = await freshDatabase(base, postgresTemplate());
  const database = await fresh.open();
  await migrate(database);
  return { database, fresh };
}
