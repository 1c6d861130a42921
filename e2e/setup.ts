import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    /** The same server through the machine's first non-loopback IPv4 address, when it has one. */
    lanUrl: string | undefined;
  }
}

const root = path.resolve(import.meta.dirname, '..');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

async function waitForHealth(url: string, server: ChildProcess, log: () => string) {
  const deadline = Date.now() + 170_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the server exited with ${server.exitCode}:\n${log()}`);
    const ok = await fetch(`${url}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`the server did not answer /api/health in time:\n${log()}`);
}

/** The first non-internal IPv4 address of this machine. */
function lanAddress(): string | undefined {
  return Object.values(os.networkInterfaces())
    .flat()
    .find((a) => a && a.family === 'IPv4' && !a.internal)?.address;
}

/** Starts `anju serve --demo` on a free port with a fresh data directory, for the browser journeys. */
export default async function setup(project: TestProject) {
  if (!fs.existsSync(path.join(root, 'web/dist/index.html'))) {
    throw new Error('web/dist is missing: run `npm run build -w web` before the browser journeys');
  }
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'anju-e2e-'));
  let output = '';
  const server = spawn(process.execPath, ['server/bin/anju.js', 'serve', '--demo'], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      // every address, so journeys can also come in the way a county intranet does
      HOST: '0.0.0.0',
      ANJU_DATA_DIR: dataDir,
      ANJU_RATE_LIMIT_LOGIN: '1000',
      LOG_LEVEL: 'warn',
      DATABASE_URL: '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // the server's log goes to e2e/artifacts/server.log; its errors are also printed when the journeys end
  fs.mkdirSync(path.join(root, 'e2e/artifacts'), { recursive: true });
  const logFile = path.join(root, 'e2e/artifacts/server.log');
  const log = fs.createWriteStream(logFile);
  const keep = (chunk: Buffer) => {
    log.write(chunk);
    output = (output + chunk.toString()).slice(-4000);
  };
  server.stdout!.on('data', keep);
  server.stderr!.on('data', keep);
  const baseUrl = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (server.exitCode === null) {
      const exited = new Promise((r) => server.once('exit', r));
      server.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      if (server.exitCode === null) server.kill('SIGKILL');
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
    await new Promise((r) => log.end(r));
    const errors = fs
      .readFileSync(logFile, 'utf8')
      .split('\n')
      .filter((line) => /"level":(50|60)/.test(line));
    if (errors.length) console.error(`server errors during the journeys:\n${errors.join('\n')}`);
  };
  try {
    await waitForHealth(baseUrl, server, () => output);
  } catch (e) {
    await stop();
    throw e;
  }
  project.provide('baseUrl', baseUrl);
  const lan = lanAddress();
  project.provide('lanUrl', lan && `http://${lan}:${port}`);
  return stop;
}
