import { randomBytes } from 'node:crypto';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { freshDatabase, type FreshDatabase } from '../db/fresh-database.ts';

const bin = path.join(import.meta.dirname, '../../bin/anju.js');
const secretKey = process.env.ANJU_SECRET_KEY ?? randomBytes(32).toString('hex');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'anju-serve-'));
let fresh: FreshDatabase;
beforeAll(async () => {
  fresh = await freshDatabase();
});
afterAll(async () => {
  await fresh.drop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });

/** Starts `anju serve --demo` and resolves once it has listened and printed the demo accounts. */
async function serve(): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ANJU_DATA_DIR: dataDir,
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
  };
  if (fresh.url) Object.assign(env, { DATABASE_URL: fresh.url, ANJU_SECRET_KEY: secretKey });
  const child = spawn(process.execPath, [bin, 'serve', '--demo'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const onData = (data: Buffer) => {
      output += data.toString();
      const m = /Anju is running at (\S+)\n[^]*Demo accounts.*\n/.exec(output);
      if (m) resolve(m[1]);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => reject(new Error(`anju serve exited with ${code}: ${output}`)));
  });
  return { child, url, output: () => output };
}

async function stop(child: ChildProcess) {
  const exited = new Promise((resolve) => child.on('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

async function signIn(url: string) {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'grid_worker', password: 'Anju@2026' }),
  });
  expect(res.status).toBe(200);
  return (await res.json()) as { scopes: { id: string; code: string }[] };
}

it('serve --demo loads the demo data on first start and keeps it across a restart', async () => {
  const first = await serve();
  expect(first.output()).toMatch(/communities/);
  expect(first.output()).toMatch(/Demo accounts \(password Anju@2026\): county_admin/);
  const before = await signIn(first.url);
  expect(before.scopes[0].code).toMatch(/^530602105\d{6}$/);
  await stop(first.child);

  const second = await serve();
  expect(second.output()).not.toMatch(/divisions|communities|villages/);
  expect(await signIn(second.url)).toEqual(expect.objectContaining({ scopes: before.scopes }));
  await stop(second.child);
}, 180_000);
