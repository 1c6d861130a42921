// Serves incident reports and scoped open lists two ways for the incidents benchmark: through Anju,
// and as a bare Fastify + pg handler running the same SQL (the INSERT of incidents.repo.ts, the list
// and count of incidents.repo.ts for a scoped user). Prints {"anju":port,"bare":port} once both listen.
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
  rateLimitLogin: 10_000,
});
const anju = await buildApp(config, anjuDb, { logger: false });
await anju.listen({ port: 0, host: '127.0.0.1' });

export const INSERT_SQL = `WITH next AS (SELECT nextval(pg_get_serial_sequence('incidents', 'id')) AS id)
  INSERT INTO incidents (id, code, category_code, title, description, source, reporter_user_id, reporter_name,
    reporter_phone_cipher, reporter_phone_masked, place_id, place_path, household_id, lat, lng, level,
    handling_place_id, status, accept_due_at, due_at, reported_at)
  SELECT id, 'SJ' || to_char($1::timestamptz AT TIME ZONE 'Asia/Shanghai', 'YYYYMMDD') || '-' || id,
    $2, $3, '', $4, $5, $6, NULL, NULL, $7, $8, NULL, NULL, NULL, $9, $10, 'reported',
    $1::timestamptz + make_interval(hours => $11), $1::timestamptz + make_interval(hours => $12), $1::timestamptz
    FROM next
  RETURNING id`;

const SELECT = `SELECT i.id, i.code, i.category_code, i.title, i.description, i.source, i.reporter_user_id,
    i.place_id, i.place_path, pp.name AS place_name, i.household_id, i.level,
    i.handling_place_id, hp.path AS handling_path, hp.name AS handling_name,
    i.assignee_user_id, i.department_id, i.status, i.supervised, i.overdue, i.accept_due_at, i.due_at,
    i.reported_at, i.accepted_at, i.replied_at, i.closed_at, i.satisfaction, i.version
  FROM incidents i JOIN places pp ON pp.id = i.place_id JOIN places hp ON hp.id = i.handling_place_id`;
const WHERE = `WHERE (i.reporter_user_id = $1 OR (i.place_path LIKE $2)) AND i.status NOT IN ('closed', 'recalled')`;
export const LIST_SQL = `${SELECT} ${WHERE} ORDER BY i.overdue DESC, i.reported_at DESC, i.id DESC LIMIT 20 OFFSET 0`;
export const COUNT_SQL = `SELECT count(*)::int AS total FROM incidents i ${WHERE}`;

interface Report {
  categoryCode: string;
  title: string;
  source: string;
  userId: number;
  name: string;
  placeId: number;
  placePath: string;
  level: number;
  handlingPlaceId: number;
  acceptHours: number;
  deadlineHours: number;
}

const bareDb = await openPostgres(url, 20);
const pool = bareDb.pool!;
const bare = Fastify({ logger: false });
bare.post<{ Body: Report }>('/incidents', async (req, reply) => {
  const b = req.body;
  const { rows } = await pool.query(INSERT_SQL, [
    new Date(),
    b.categoryCode,
    b.title,
    b.source,
    b.userId,
    b.name,
    b.placeId,
    b.placePath,
    b.level,
    b.handlingPlaceId,
    b.acceptHours,
    b.deadlineHours,
  ]);
  reply.status(201);
  return { id: String(rows[0].id) };
});
bare.get<{ Querystring: { user: string; scope: string } }>('/incidents', async (req) => {
  const args = [Number(req.query.user), `${req.query.scope}%`];
  const [items, count] = await Promise.all([pool.query(LIST_SQL, args), pool.query(COUNT_SQL, args)]);
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
