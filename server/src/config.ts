import path from 'node:path';

/** All settings come from the environment, parsed here and nowhere else. */
export interface Config {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  /** PostgreSQL: the owner of the tables, who migrates; `databaseUrl` is then the application's own role. */
  migrationDatabaseUrl: string | undefined;
  dataDir: string;
  logLevel: string;
  sessionIdleSeconds: number;
  sessionMaxSeconds: number;
  cookieSecure: boolean;
  secretKey: string | undefined;
  webDist: string;
  rateLimitLogin: number;
  /** Run pg-boss workers and schedules in this process. */
  runJobs: boolean;
  /** How often an open notification stream is checked against its session and kept alive. */
  notificationHeartbeatMs: number;
  /** Proxies whose X-Forwarded-For is believed: false, true, or a list of addresses/CIDRs. */
  trustProxy: boolean | string[];
  sessionPurgeCron: string;
  cronMonitorIntervalSeconds: number;
  /** Largest registry import file accepted, in bytes. */
  importMaxBytes: number;
  /** A connection silent this long is closed, so a stalled upload never holds a request open. */
  idleTimeoutMs: number;
  /** Bearer token that /metrics asks for; without one, /metrics answers loopback callers only. */
  metricsToken: string | undefined;
  /** A map tile URL template ({z}/{x}/{y}) drawn under the community maps; without one they draw from Anju's own data. */
  mapTiles: string | undefined;
  /** The deployment's SMS or WeChat gateway: each opted-in notification is POSTed there, signed. */
  notifyWebhookUrl: string | undefined;
  notifyWebhookSecret: string | undefined;
  /** How often a delivery the gateway refused is tried again, and the first wait (doubling) in seconds. */
  notifyWebhookRetries: number;
  notifyWebhookRetrySeconds: number;
  /** Where users reach Anju (https://anju.example.gov.cn), so links in messages open it. */
  publicUrl: string | undefined;
}

function int(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a non-negative integer, got "${raw}"`);
  return n;
}

function trustProxy(raw: string | undefined): boolean | string[] {
  if (!raw || raw === 'false') return false;
  if (raw === 'true') return true;
  return raw.split(',').map((s) => s.trim());
}

/**
 * Whether a request reached Anju over HTTPS: always when ANJU_COOKIE_SECURE says Anju is served so,
 * else when a trusted proxy reports `X-Forwarded-Proto: https` (the request's protocol believes
 * only proxies of ANJU_TRUST_PROXY).
 */
export const servedOverHttps = (config: Config, req: { protocol: string }) =>
  config.cookieSecure || req.protocol === 'https';

export function loadConfig(overrides: Partial<Config> = {}): Config {
  const root = path.resolve(import.meta.dirname, '../..');
  const config: Config = {
    port: int('PORT', 8080),
    host: process.env.HOST ?? '0.0.0.0',
    databaseUrl: process.env.DATABASE_URL || undefined,
    migrationDatabaseUrl: process.env.ANJU_MIGRATION_DATABASE_URL || undefined,
    dataDir: path.resolve(process.env.ANJU_DATA_DIR ?? path.join(process.cwd(), 'data')),
    logLevel: process.env.LOG_LEVEL ?? 'info',
    sessionIdleSeconds: int('ANJU_SESSION_IDLE_SECONDS', 30 * 60),
    sessionMaxSeconds: int('ANJU_SESSION_MAX_SECONDS', 12 * 60 * 60),
    cookieSecure: process.env.ANJU_COOKIE_SECURE === 'true',
    secretKey: process.env.ANJU_SECRET_KEY || undefined,
    webDist: path.join(root, 'web/dist'),
    rateLimitLogin: int('ANJU_RATE_LIMIT_LOGIN', 20),
    runJobs: process.env.ANJU_JOBS !== 'off',
    notificationHeartbeatMs: int('ANJU_NOTIFICATION_HEARTBEAT_MS', 25_000),
    trustProxy: trustProxy(process.env.ANJU_TRUST_PROXY),
    sessionPurgeCron: process.env.ANJU_SESSION_PURGE_CRON ?? '*/5 * * * *',
    cronMonitorIntervalSeconds: int('ANJU_CRON_MONITOR_SECONDS', 30),
    importMaxBytes: int('ANJU_IMPORT_MAX_MB', 200) * 1024 * 1024,
    idleTimeoutMs: int('ANJU_IDLE_TIMEOUT_SECONDS', 60) * 1000,
    metricsToken: process.env.ANJU_METRICS_TOKEN || undefined,
    mapTiles: process.env.ANJU_MAP_TILES || undefined,
    notifyWebhookUrl: process.env.ANJU_NOTIFY_WEBHOOK_URL || undefined,
    notifyWebhookSecret: process.env.ANJU_NOTIFY_WEBHOOK_SECRET || undefined,
    notifyWebhookRetries: int('ANJU_NOTIFY_WEBHOOK_RETRIES', 8),
    notifyWebhookRetrySeconds: int('ANJU_NOTIFY_WEBHOOK_RETRY_SECONDS', 30),
    publicUrl: process.env.ANJU_PUBLIC_URL?.replace(/\/+$/, '') || undefined,
    ...overrides,
  };
  if (config.notifyWebhookUrl && (config.notifyWebhookSecret ?? '').length < 16)
    throw new Error(
      'ANJU_NOTIFY_WEBHOOK_URL needs ANJU_NOTIFY_WEBHOOK_SECRET (at least 16 characters) to sign with',
    );
  return config;
}
