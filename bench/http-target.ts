// Serves one scoped list two ways for the http benchmark: through Anju, and as a bare Fastify + pg
// handler running the same list SQL. Prints {"anju":port,"bare":port} once both listen.
import Fastify from 'fastify';
import { buildApp } from '../server/src/app.ts';
import { loadConfig } from '../server/src/config.ts';
import { openPostgres } from '../server/src/db/client.ts';

const url = process.env.DATABASE_URL!;
const anjuDb = await openPostgres(url, 20);
const config = loadConfig({
  runJobs: false,
  secretKey: process.env.ANJU_SECRET_KEY ?? 'be'.repeat(32),
  logLevel: 'warn',
  webDist: '/nonexistent',
  port: 0,
});
const anju = await buildApp(config, anjuDb, { logger: false });
await anju.listen({ port: 0, host: '127.0.0.1' });

export const LIST_SQL = `SELECT id, parent_id, level, code, name, child_count, path FROM places
  WHERE parent_id = $1 AND path LIKE $2 ORDER BY code, name LIMIT $3 OFFSET $4`;
export const COUNT_SQL = `SELECT count(*)::int AS total FROM places WHERE parent_id = $1 AND path LIKE $2`;

const bareDb = await openPostgres(url, 20);
const bare = Fastify({ logger: false });
bare.get<{ Params: { id: string }; Querystring: { scope: string } }>('/places/:id/children', async (req) => {
  const args = [Number(req.params.id), `${req.query.scope}%`];
  const [items, count] = await Promise.all([
    bareDb.pool!.query(LIST_SQL, [...args, 50, 0]),
    bareDb.pool!.query(COUNT_SQL, args),
  ]);
  return { items: items.rows, total: count.rows[0].total };
});
await bare.listen({ port: 0, host: '127.0.0.1' });

const port = (s: { server: { address(): unknown } }) => (s.server.address() as { port: number }).port;
console.log(JSON.stringify({ anju: port(anju), bare: port(bare) }));
process.on('SIGTERM', async () => {
  await Promise.all([anju.close(), bare.close()]);
  await Promise.all([anjuDb.close(), bareDb.close()]);
  process.exit(0);
});
