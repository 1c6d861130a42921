import { PGlite } from '@electric-sql/pglite';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';

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

/**
 * A demo server of a journey's own, on its own port and data directory, so the journey can stop it,
 * move dates back in its database to let time pass, and start it again on the same data.
 */
export class OwnServer {
  readonly dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'anju-e2e-cases-'));
  private child: ChildProcess | null = null;
  private output = '';
  port = 0;

  get baseUrl() {
    return `http://127.0.0.1:${this.port}`;
  }

  async start() {
    if (!this.port) this.port = await freePort();
    this.output = '';
    const child = spawn(process.execPath, ['server/bin/anju.js', 'serve', '--demo'], {
      cwd: root,
      env: {
        ...process.env,
        PORT: String(this.port),
        HOST: '127.0.0.1',
        ANJU_DATA_DIR: this.dataDir,
        ANJU_RATE_LIMIT_LOGIN: '1000',
        LOG_LEVEL: 'warn',
        DATABASE_URL: '',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const keep = (chunk: Buffer) => (this.output = (this.output + chunk.toString()).slice(-4000));
    child.stdout!.on('data', keep);
    child.stderr!.on('data', keep);
    this.child = child;
    const deadline = Date.now() + 170_000;
    while (Date.now() < deadline) {
      if (child.exitCode !== null)
        throw new Error(`the server exited with ${child.exitCode}:\n${this.output}`);
      const ok = await fetch(`${this.baseUrl}/api/health`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) return;
      await new Promise((r) => setTimeout(r, 500));
    }
    throw new Error(`the server did not answer /api/health in time:\n${this.output}`);
  }

  async stop() {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
    if (child.exitCode === null) {
      child.kill('SIGKILL');
      await exited;
    }
  }

  /** Stops the server, runs `statements` on its database (to move dates back), and starts it again. */
  async letTimePass(statements: string) {
    await this.stop();
    try {
      const db = new PGlite(path.join(this.dataDir, 'pg'));
      try {
        await db.exec(statements);
      } finally {
        await db.close();
      }
    } finally {
      await this.start();
    }
  }

  async dispose() {
    await this.stop();
    fs.rmSync(this.dataDir, { recursive: true, force: true });
  }
}

/** Debian's Chromium, as the other journeys launch it. */
export const launchChromium = (): Promise<Browser> =>
  chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });

/** A fresh signed-out browser context on the server, in Chinese and on China's clock as its users are. */
export const contextOn = (browser: Browser, server: OwnServer, viewport: { width: number; height: number }) =>
  browser.newContext({
    viewport,
    baseURL: server.baseUrl,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  }) as Promise<BrowserContext>;
