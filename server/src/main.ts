import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.ts';
import type { Config } from './config.ts';
import { openDatabase, type Database } from './db/client.ts';
import { migrateAsOwner } from './db/migrate.ts';
import { applicationRoleRisks } from './db/roles.ts';
import { loadSecret } from './platform/crypto.ts';

export interface Running {
  app: FastifyInstance;
  database: Database;
  url: string;
  stop(): Promise<void>;
}

/** config → database → migrations → app.listen. */
export async function start(
  config: Config,
  prepare?: (database: Database) => Promise<void>,
): Promise<Running> {
  // a missing key is refused before the database is touched
  loadSecret(config);
  const database = await openDatabase(config);
  await migrateAsOwner(database, config.migrationDatabaseUrl);
  if (prepare) await prepare(database);
  const app = await buildApp(config, database);
  for (const risk of await applicationRoleRisks(database))
    app.log.warn(
      `${risk}: it could alter the audit log; run Anju as its own role (docs/operations.md, database roles)`,
    );
  database.pool?.on('error', (err) =>
    app.log.warn({ err }, 'a database connection was lost; the next query opens a new one'),
  );
  await app.listen({ port: config.port, host: config.host });
  const url = `http://localhost:${config.port}`;
  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      await app.close();
      await database.close();
    })());
  return { app, database, url, stop };
}
