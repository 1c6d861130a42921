// Serves incident reports and scoped open lists two ways for the incidents benchmark: through Anju,
// and as a bare Fastify + pg handler running the same SQL (the report's lookup and write statements of
// incidents.sql.ts, prepared under the same names; the page of incidents.repo.ts `list`, with its count,
// for a scoped user). Prints {"anju":port,"bare":port} once both listen.
import Fastify from 'fastify';
import { buildApp } from '../server/src/app.ts';
import { loadConfig } from '../server/src/config.ts';
import { openPostgres } from '../server/src/db/client.ts';
import { REPORT_LOOKUP, REPORT_WRITE } from '../server/src/modules/incidents/incidents.sql.ts';

const url = process.env.DATABASE_URL!;
const anjuDb = await openPostgres(url, 20);
const config = loadConfig({
  runJobs: false,
  secretKey: process.env.ANJU_SECRET_KEY ?? 'be'.repeat(32),
  logLevel: 'warn',
  webDist: '/nonexistent',
  port: 0,
  rateLimitLogin: 10_000,
});
const anju = await buildApp(config, anjuDb, { logger: false });
await anju.listen({ port: 0, host: '127.0.0.1' });

const WHERE = `WHERE (i.reporter_user_id = $1 OR (i.place_path LIKE $2)) AND i.status NOT IN ('closed', 'recalled')`;
export const LIST_SQL = `SELECT i.id, i.code, i.category_code, i.title, i.description, i.source, i.reporter_user_id,
    i.place_id, i.place_path, pp.name AS place_name, i.household_id, i.level,
    i.handling_place_id, hp.path AS handling_path, hp.name AS handling_name,
    i.assignee_user_id, i.department_id, i.status, i.supervised, i.overdue, i.accept_due_at, i.due_at,
    i.reported_at, i.accepted_at, i.replied_at, i.closed_at, i.satisfaction, i.rated_at, i.version,
    page.total::int AS total
  FROM (SELECT i.id, i.overdue, i.reported_at, count(*) OVER () AS total FROM incidents i ${WHERE}
         ORDER BY i.overdue DESC, i.reported_at DESC, i.id DESC LIMIT 20 OFFSET 0) page
  JOIN incidents i ON i.id = page.id
  JOIN places pp ON pp.id = i.place_id
  JOIN places hp ON hp.id = i.handling_place_id
 ORDER BY page.overdue DESC, page.reported_at DESC, page.id DESC`;

interface Report {
  categoryCode: string;
  title: string;
  placeId: number;
  source: string;
  userId: number;
  username: string;
  name: string;
  /** The ids on the reporter's scope path. */
  scopeIds: number[];
}

const LEVELS = ['grid', 'community', 'township', 'county'];
const ROLES = ['grid_worker', 'community_staff', 'township_officer', 'county_admin'];
interface Lookup {
  category: { code: string; accept_hours: number; deadline_hours: number; start_level: number };
  chain: { id: number; level: string; path: string }[];
}

const bareDb = await openPostgres(url, 20);
const pool = bareDb.pool!;
const bare = Fastify({ logger: false });
bare.post<{ Body: Report }>('/incidents', async (req, reply) => {
  const b = req.body;
  const lookup = await pool.query<Lookup>({
    name: 'anju_incident_report_lookup',
    text: REPORT_LOOKUP,
    values: [b.categoryCode, b.placeId, b.scopeIds],
  });
  const { category, chain } = lookup.rows[0];
  let level = category.start_level;
  while (!chain.some((a) => a.level === LEVELS[level])) level++;
  const { rows } = await pool.query({
    name: 'anju_incident_report_write',
    text: REPORT_WRITE,
    values: [
      new Date(),
      category.code,
      b.title,
      '',
      b.source,
      b.userId,
      b.name,
      null,
      null,
      chain[0].id,
      chain[0].path,
      null,
      null,
      null,
      level,
      chain.find((a) => a.level === LEVELS[level])!.id,
      category.accept_hours,
      category.deadline_hours,
      b.username,
      ROLES[level],
      req.ip,
      req.id,
    ],
  });
  reply.status(201);
  return { id: String(rows[0].id), code: rows[0].code, step: rows[0].step };
});
bare.get<{ Querystring: { user: string; scope: string } }>('/incidents', async (req) => {
  const args = [Number(req.query.user), `${req.query.scope}%`];
  const { rows } = await pool.query(LIST_SQL, args);
  return { items: rows, total: rows[0]?.total ?? 0 };
});
await bare.listen({ port: 0, host: '127.0.0.1' });

const port = (s: { server: { address(): unknown } }) => (s.server.address() as { port: number }).port;
console.log(JSON.stringify({ anju: port(anju), bare: port(bare) }));
process.on('SIGTERM', async () => {
  await Promise.all([anju.close(), bare.close()]);
  await Promise.all([anjuDb.close(), bareDb.close()]);
  process.exit(0);
});
