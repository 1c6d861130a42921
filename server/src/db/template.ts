import pg from 'pg';
import { openPostgres } from './client.ts';
import { migrate } from './migrate.ts';

/**
 * On PostgreSQL, tests and benchmarks open many fresh databases; each is copied from one migrated
 * template (`CREATE DATABASE … TEMPLATE`) instead of migrated again. The run's setup makes it and
 * names it here. (PGlite has no such copy: a data directory loaded from a dump grows its tables
 * many times slower than a new one.)
 */
export const POSTGRES_TEMPLATE = 'ANJU_POSTGRES_TEMPLATE';

const workerSuffix = (worker: string) => `_w${worker}`;

/**
 * A migrated PostgreSQL database beside `url`'s, named after it, made again on every call; the
 * workers' databases copied from the last one are dropped with it.
 */
export async function makePostgresTemplate(url: string): Promise<string> {
  const base = new URL(url).pathname.slice(1);
  const name = `${base}_template`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    const { rows } = await admin.query<{ datname: string }>(
      'SELECT datname FROM pg_database WHERE datname ~ $1',
      [`^${base}${workerSuffix('[0-9]+')}$`],
    );
    for (const { datname } of rows) await admin.query(`DROP DATABASE ${datname} WITH (FORCE)`);
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const database = await openPostgres(Object.assign(new URL(url), { pathname: `/${name}` }).toString(), 1);
  try {
    await migrate(database);
  } finally {
    await database.close();
  }
  return name;
}

/** The PostgreSQL template database of this run, if its setup made one. */
export function postgresTemplate(): string | undefined {
  return process.env[POSTGRES_TEMPLATE];
}

/**
 * The PostgreSQL database of one test worker, copied from the template the first time: workers
 * running side by side never see each other's rows, and each worker's files share theirs, as
 * files of a single run share `DATABASE_URL`'s.
 */
export async function workerDatabase(url: string, template: string, worker: string): Promise<string> {
  const name = `${new URL(url).pathname.slice(1)}${workerSuffix(worker)}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
  } finally {
    await admin.end();
  }
  return Object.assign(new URL(url), { pathname: `/${name}` }).toString();
}
