// npm run bench -- web [--runs 3] [--root <checkout>]
// First load of the web app on a throttled phone (1.6 Mbps down, 750 kbps up, 150 ms round trip,
// CPU slowed 4×, 390×844) through Chromium's DevTools protocol, against `anju serve --demo`:
// 1. a first visit with an empty cache until the login form is usable (target ≤ 5 s);
// 2. signed in as the resident, opening the report page until its form is usable (target ≤ 3 s).
// Median of --runs fresh browser contexts. --root serves another checkout (a build of an older commit).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { arg } from './util.ts';

const PASSWORD = 'Anju@2026';
const PHONE = { width: 390, height: 844 };
const seconds = (since: number) => +((performance.now() - since) / 1000).toFixed(2);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/** Starts `anju serve --demo` of `root` on a fresh data directory; resolves once it answers. */
async function serveDemo(root: string) {
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'anju-bench-web-'));
  const child = spawn(process.execPath, ['server/bin/anju.js', 'serve', '--demo'], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      ANJU_DATA_DIR: dataDir,
      ANJU_RATE_LIMIT_LOGIN: '1000',
      ANJU_JOBS: 'off',
      LOG_LEVEL: 'warn',
      DATABASE_URL: '',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`anju serve exited with ${child.exitCode}`);
    if (
      await fetch(`${url}/api/health`).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
    await new Promise((r) => setTimeout(r, 500));
  }
  const stop = () => {
    child.kill('SIGTERM');
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  return { url, stop };
}

/** A fresh context (empty cache) with the phone profile applied to its page. */
async function phonePage(browser: Browser, baseURL: string): Promise<Page> {
  const context = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true, baseURL });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 150,
    downloadThroughput: 1_600_000 / 8,
    uploadThroughput: 750_000 / 8,
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  page.setDefaultTimeout(120_000);
  return page;
}

/** Waits until a text field can be typed into and a button pressed. */
async function usable(page: Page, field: string, button: string) {
  await page.getByTestId(field).waitFor();
  await page.waitForFunction(
    ([f, b]) => {
      const input = document.querySelector<HTMLInputElement>(`[data-testid="${f}"]`);
      const submit = document.querySelector<HTMLButtonElement>(`[data-testid="${b}"]`);
      return !!input && !input.disabled && !!submit && !submit.disabled;
    },
    [field, button],
  );
}

async function once(browser: Browser, url: string) {
  const page = await phonePage(browser, url);
  try {
    let start = performance.now();
    await page.goto('/login', { waitUntil: 'commit' });
    await usable(page, 'login-username', 'login-submit');
    const login = seconds(start);
    await page.getByTestId('login-username').fill('resident');
    await page.getByTestId('login-password').fill(PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('menu-home').or(page.getByTestId('menu-toggle')).first().waitFor();
    start = performance.now();
    await page.goto('/incidents/new', { waitUntil: 'commit' });
    await usable(page, 'report-title', 'report-submit');
    return { login, report: seconds(start) };
  } finally {
    await page.context().close();
  }
}

export default async function web(args: string[]) {
  const runs = Number(arg(args, 'runs', '3'));
  const root = path.resolve(arg(args, 'root', path.resolve(import.meta.dirname, '..')));
  const load = os.loadavg().map((l) => +l.toFixed(2));
  const server = await serveDemo(root);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    const results = [];
    for (let i = 0; i < runs; i++) results.push(await once(browser, server.url));
    const login = results.map((r) => r.login);
    const report = results.map((r) => r.report);
    return {
      root,
      runs,
      loadAverage: load,
      profile: '1.6 Mbps down, 750 kbps up, 150 ms RTT, CPU 4x, 390x844',
      loginUsableSeconds: { median: median(login), all: login, target: 5 },
      reportUsableSeconds: { median: median(report), all: report, target: 3 },
    };
  } finally {
    await browser.close();
    server.stop();
  }
}
