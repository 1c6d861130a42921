// npm run bench -- http [--seconds 10] [--connections 64]
// An authenticated, scoped list (children of a township, 50 a page) through Anju versus a bare
// Fastify + pg handler running the same list SQL, both on PostgreSQL, measured in the same run.
import { spawn } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import autocannon from 'autocannon';
import { openPostgres } from '../server/src/db/client.ts';
import { migrate } from '../server/src/db/migrate.ts';
import { hashPassword } from '../server/src/platform/auth/password.ts';
import { buildTree } from './tree.ts';
import { arg, freshDatabase } from './util.ts';

export default async function http(args: string[]) {
  const seconds = Number(arg(args, 'seconds', '10'));
  const connections = Number(arg(args, 'connections', '64'));
  const url = await freshDatabase('anju_bench_http');
  const database = await openPostgres(url, 4);
  await migrate(database);
  const tree = await buildTree(database, {
    townships: 10,
    communities: 4,
    grids: 4,
    buildings: 20,
    dwellings: 30,
  });
  const [user] = await database.query<{ id: number }>(
    `INSERT INTO users (username, display_name, password_hash, roles) VALUES ('bench', 'bench', $1, '{county_admin}') RETURNING id`,
    [await hashPassword('Bench#2026')],
  );
  await database.query('INSERT INTO user_scopes (user_id, place_id) VALUES ($1, $2)', [
    user.id,
    tree.county.id,
  ]);
  await database.close();

  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(import.meta.dirname, 'http-target.ts')],
    {
      env: { ...process.env, DATABASE_URL: url },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const ports = JSON.parse(
    await new Promise<string>((r) => readline.createInterface(child.stdout!).once('line', r)),
  );
  try {
    const login = await fetch(`http://127.0.0.1:${ports.anju}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'bench', password: 'Bench#2026' }),
    });
    const cookie = login.headers.get('set-cookie')!.split(';')[0];
    const township = tree.townships[0];
    const anjuUrl = `http://127.0.0.1:${ports.anju}/api/places/${township.id}/children?pageSize=50`;
    const bareUrl = `http://127.0.0.1:${ports.bare}/places/${township.id}/children?scope=${encodeURIComponent(tree.county.path)}`;
    const check = await fetch(anjuUrl, { headers: { cookie } });
    if (check.status !== 200) throw new Error(`anju list answered ${check.status}`);

    const run = (u: string, headers: Record<string, string> = {}) =>
      autocannon({ url: u, connections, duration: seconds, headers });
    await run(bareUrl);
    const bare = await run(bareUrl);
    await run(anjuUrl, { cookie });
    const anju = await run(anjuUrl, { cookie });
    const figures = (r: autocannon.Result) => ({
      rps: Math.round(r.requests.average),
      p50ms: r.latency.p50,
      p99ms: r.latency.p99,
      errors: r.errors + r.non2xx,
    });
    return {
      database: 'postgres',
      connections,
      seconds,
      places: tree.total,
      anju: figures(anju),
      bare: figures(bare),
      ratio: Number((anju.requests.average / bare.requests.average).toFixed(2)),
    };
  } finally {
    child.kill('SIGTERM');
  }
}
