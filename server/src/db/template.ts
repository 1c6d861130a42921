import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openPglite, openPostgres } from './client.ts';
import { migrate, MIGRATIONS_DIR } from './migrate.ts';

/**
 * Tests and benchmarks open many fresh databases; each starts from one migrated template instead
 * of an empty cluster migrated again. The run's setup makes the templates and names them here:
 * a PGlite data directory dumped to a file, and a PostgreSQL database to `CREATE DATABASE … TEMPLATE`.
 */
export const PGLITE_TEMPLATE = 'ANJU_PGLITE_TEMPLATE';
export const POSTGRES_TEMPLATE = 'ANJU_POSTGRES_TEMPLATE';

/** The migrations' contents, so a template made before a new migration is never used after it. */
function migrationsDigest(): string {
  const hash = createHash('sha256');
  for (const file of fs.readdirSync(MIGRATIONS_DIR, { recursive: true }).map(String).sort()) {
    const full = path.join(MIGRATIONS_DIR, file);
    if (fs.statSync(full).isFile()) hash.update(file).update(fs.readFileSync(full));
  }
  return hash.digest('hex').slice(0, 16);
}

const workerSuffix = (worker: string) => `_w${worker}`;

/** A dump of a migrated PGlite database, made once per set of migrations and kept in the temp dir. */
export async function makePgliteTemplate(): Promise<string> {
  const file = path.join(os.tmpdir(), `anju-pglite-${migrationsDigest()}.tar`);
  if (fs.existsSync(file)) return file;
  const database = await openPglite();
  try {
    await migrate(database);
    const dump = await database.pglite!.dumpDataDir('none');
    const partial = `${file}.${process.pid}`;
    fs.writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
    fs.renameSync(partial, file);
  } finally {
    await database.close();
  }
  return file;
}

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

let pgliteDump: Blob | undefined;

/** The PGlite template of this run, if its setup made one. */
export function pgliteTemplate(): Blob | undefined {
  const file = process.env[PGLITE_TEMPLATE];
  if (!file) return undefined;
  pgliteDump ??= new Blob([fs.readFileSync(file)]);
  return pgliteDump;
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
