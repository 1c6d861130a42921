import {
  makePgliteTemplate,
  makePostgresTemplate,
  PGLITE_TEMPLATE,
  POSTGRES_TEMPLATE,
} from '../src/db/template.ts';

/** Migrates once per run what every test database starts from (`db/template.ts`). */
export default async function setup() {
  process.env[PGLITE_TEMPLATE] = await makePgliteTemplate();
  const url = process.env.DATABASE_URL;
  if (url) process.env[POSTGRES_TEMPLATE] = await makePostgresTemplate(url);
}
