import { postgresTemplate, workerDatabase } from '../src/db/template.ts';

/** On PostgreSQL, each test worker runs on a database of its own (`db/template.ts`). */
const url = process.env.DATABASE_URL;
const template = postgresTemplate();
const worker = process.env.VITEST_POOL_ID;
if (url && template && worker && !process.env.ANJU_WORKER_DATABASE) {
  process.env.DATABASE_URL = await workerDatabase(url, template, worker);
  process.env.ANJU_WORKER_DATABASE = worker;
}
