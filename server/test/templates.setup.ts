import { makePostgresTemplate, POSTGRES_TEMPLATE } from '../src/db/template.ts';

/** On PostgreSQL, migrates once per run the database every test database is copied from (`db/template.ts`). */
export default async function setup() {
  const url = process.env.DATABASE_URL;
  if (url) process.env[POSTGRES_TEMPLATE] = await makePostgresTemplate(url);
}
