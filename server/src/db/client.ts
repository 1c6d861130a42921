import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import * as schema from './schema/index.ts';

export type Db = NodePgDatabase<typeof schema>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** Anything a repo function can run a query on: the database or an open transaction. */
export type Conn = Db | Tx;

export type DatabaseKind = 'pglite' | 'postgres';

/** The database Anju runs on: drizzle for typed queries, `query` for hand-written SQL, `copy` for bulk loads. */
export interface Database {
  kind: DatabaseKind;
  db: Db;
  /** `name` makes it a prepared statement on PostgreSQL, planned once per connection: for hot queries. */
  query<T = Record<string, unknown>>(text: string, params?: unknown[], name?: string): Promise<T[]>;
  /** Bulk-loads CSV text (no header) into table(columns) with COPY. */
  copy(table: string, columns: string[], csv: string): Promise<void>;
  close(): Promise<void>;
  /** Runs `fn` while holding a PostgreSQL advisory lock, so work like a first load happens in one process only. */
  exclusive<T>(key: number, fn: () => Promise<T>): Promise<T>;
  pool?: pg.Pool;
  pglite?: PGlite;
}

// bigint columns (ids, counts) come back as strings from node-postgres; ids stay below 2^53.
pg.types.setTypeParser(20, (v) => Number(v));

/** How long a request waits for a new connection before it answers 503 instead of hanging. */
export const CONNECT_TIMEOUT_MS = 5000;

const LOST_CONNECTION = [
  'Connection terminated',
  'timeout exceeded when trying to connect',
  'is not queryable',
];

/**
 * Whether `err` says the database is away (refused, reset, terminated, restarting) rather than that
 * a statement was wrong: those answer 503 and go away by themselves once it is back.
 */
export function isDatabaseUnreachable(err: unknown): boolean {
  for (let e = err as Record<string, unknown> | undefined, depth = 0; e && depth < 5; depth++) {
    const code = typeof e.code === 'string' ? e.code : '';
    // class 08: connection exception; 57P01-03: terminated, crashed, starting up or shutting down
    if (/^(08[0-9A-Z]{3}|57P0[123])$/.test(code)) return true;
    if (/^(ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|EHOSTUNREACH|ENETUNREACH|EAI_AGAIN)$/.test(code))
      return true;
    const message = typeof e.message === 'string' ? e.message : '';
    if (LOST_CONNECTION.some((m) => message.includes(m))) return true;
    if (Array.isArray(e.errors) && e.errors.some(isDatabaseUnreachable)) return true;
    e = e.cause as Record<string, unknown> | undefined;
  }
  return false;
}

export async function openPostgres(url: string, max = 20): Promise<Database> {
  const pool = new pg.Pool({
    connectionString: url,
    max,
    application_name: 'anju',
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    keepAlive: true,
  });
  // A restart, a failover or a terminated backend errors the connections: an `error` event nobody
  // listens to would end the process. The pool drops a broken connection and the next query opens a
  // new one; a connection lent out (a transaction, COPY) fails its query and is dropped on release.
  pool.on('error', () => undefined);
  pool.on('connect', (client) => client.on('error', () => undefined));
  const db = drizzlePg(pool, { schema });
  return {
    kind: 'postgres',
    db,
    pool,
    async query(text, params, name) {
      return (await pool.query({ text, values: params as unknown[], name })).rows;
    },
    async copy(table, columns, csv) {
      const client = await pool.connect();
      try {
        const stream = client.query(
          copyFrom(`COPY ${table} (${columns.join(',')}) FROM STDIN WITH (FORMAT csv)`),
        );
        await pipeline(Readable.from([csv]), stream);
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
    async exclusive(key, fn) {
      const client = await pool.connect();
      try {
        await client.query('SELECT pg_advisory_lock($1)', [key]);
        return await fn();
      } finally {
        await client.query('SELECT pg_advisory_unlock($1)', [key]).catch(() => undefined);
        client.release();
      }
    },
  };
}

/** A condition the operator must fix (not a bug): the CLI prints its message without a stack. */
export class DatabaseUnavailable extends Error {}

/**
 * PGlite's files belong to one process; a second one would corrupt them. A lock file holding the
 * owner's pid refuses the second process (a stale lock of a dead process is taken over).
 */
function lockDataDir(dir: string): () => void {
  const lock = path.join(path.dirname(dir), 'anju.pid');
  try {
    const owner = Number(fs.readFileSync(lock, 'utf8'));
    if (owner && owner !== process.pid && isAlive(owner)) {
      throw new DatabaseUnavailable(
        `the embedded database in ${path.dirname(dir)} is in use by process ${owner}; ` +
          'stop it first, or set DATABASE_URL to run several processes on PostgreSQL',
      );
    }
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  fs.writeFileSync(lock, String(process.pid));
  return () => fs.rmSync(lock, { force: true });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Embedded PostgreSQL (WASM). `dir` undefined keeps it in memory, as tests do. */
export async function openPglite(dir?: string): Promise<Database> {
  let unlock = () => {};
  if (dir) {
    fs.mkdirSync(path.dirname(dir), { recursive: true });
    unlock = lockDataDir(dir);
  }
  const client = new PGlite(dir);
  await client.waitReady;
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return {
    kind: 'pglite',
    db,
    pglite: client,
    async query(text, params) {
      return (await client.query(text, params as unknown[])).rows as never[];
    },
    async copy(table, columns, csv) {
      await client.query(`COPY ${table} (${columns.join(',')}) FROM '/dev/blob' WITH (FORMAT csv)`, [], {
        blob: new Blob([csv]),
      });
    },
    close: async () => {
      await client.close();
      unlock();
    },
    // one process owns an embedded database, so there is nobody to exclude
    exclusive: (_key, fn) => fn(),
  };
}

export async function openDatabase(opts: { databaseUrl?: string; dataDir: string }): Promise<Database> {
  return opts.databaseUrl ? openPostgres(opts.databaseUrl) : openPglite(path.join(opts.dataDir, 'pg'));
}
