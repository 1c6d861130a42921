import type { FastifyBaseLogger } from 'fastify';
import PgBoss from 'pg-boss';
import { CONNECT_TIMEOUT_MS, isDatabaseUnreachable, type Database } from '../../db/client.ts';

const JOBS_SETUP_LOCK = 7_311_003;
/** Schedules run on the communities' clock. */
const TIME_ZONE = 'Asia/Shanghai';

/** A background job; with `cron` it runs on that schedule exactly once across all server processes. */
export interface JobDefinition {
  name: string;
  cron?: string;
  /** `attempt` says which try this is, for a job sent with retries (`retryCount` 0 the first time). */
  run(database: Database, data: Record<string, unknown>, attempt: Attempt): Promise<void>;
}

export interface Attempt {
  retryCount: number;
  retryLimit: number;
}

/** pg-boss over PGlite: parameterless multi-statement text through `exec`, the rest through `query`. */
function pgliteAdapter(database: Database): PgBoss.Db {
  const pglite = database.pglite!;
  return {
    async executeSql(text: string, values: unknown[]) {
      if (!values?.length && text.includes(';')) {
        const results = await pglite.exec(text);
        return { rows: results.at(-1)?.rows ?? [] };
      }
      return { rows: (await pglite.query(text, values ?? [])).rows };
    },
  };
}

/**
 * Makes `boss.createQueue` (every module's, too) create a queue once, under the setup lock: two
 * processes making the same queue at once (both starting, or all starting again after an outage)
 * deadlock in pg-boss's DDL. pg-boss puts its methods on the instance, so the instance's is replaced.
 */
function createQueuesOnce(boss: PgBoss, database: Database) {
  const create = boss.createQueue.bind(boss);
  boss.createQueue = (name, options) =>
    database.exclusive(JOBS_SETUP_LOCK, async () => {
      if (!(await boss.getQueue(name))) await create(name, options);
    });
}

export interface Jobs {
  boss: PgBoss;
  send(name: string, data?: Record<string, unknown>): Promise<string | null>;
  stop(): Promise<void>;
}

/** Starts pg-boss on Anju's database (its own `pgboss` schema), registers workers and schedules. */
export async function startJobs(
  database: Database,
  definitions: JobDefinition[],
  log: FastifyBaseLogger,
  opts: { connectionString?: string; cronMonitorIntervalSeconds?: number } = {},
): Promise<Jobs> {
  const boss = new PgBoss({
    ...(database.pglite
      ? { db: pgliteAdapter(database) }
      : {
          connectionString: opts.connectionString,
          max: 4,
          connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
          keepAlive: true,
        }),
    application_name: 'anju-jobs',
    cronMonitorIntervalSeconds: opts.cronMonitorIntervalSeconds ?? 30,
  });
  createQueuesOnce(boss, database);
  // while the database is away every worker's poll fails; pg-boss keeps polling, so say it once in a while
  let quietUntil = 0;
  boss.on('error', (err) => {
    if (!isDatabaseUnreachable(err)) return log.error({ err }, 'job queue error');
    if (Date.now() < quietUntil) return;
    quietUntil = Date.now() + 30_000;
    log.warn({ err }, 'job queue cannot reach the database; it keeps trying');
  });
  // pg-boss creates its schema with DDL that deadlocks when two processes start together
  await database.exclusive(JOBS_SETUP_LOCK, () => boss.start());
  for (const def of definitions) await boss.createQueue(def.name);
  // a process starting beside running ones only reads, unless a schedule changed
  await database.exclusive(JOBS_SETUP_LOCK, async () => {
    const schedules = new Map(
      (await boss.getSchedules()).map((s) => [s.name, s as PgBoss.Schedule & { timezone?: string }]),
    );
    for (const def of definitions) {
      const scheduled = schedules.get(def.name);
      if (def.cron && (scheduled?.cron !== def.cron || scheduled.timezone !== TIME_ZONE))
        await boss.schedule(def.name, def.cron, {}, { tz: TIME_ZONE });
    }
  });
  for (const def of definitions) {
    await boss.work(def.name, { includeMetadata: true }, async (jobs) => {
      for (const job of jobs) {
        log.info({ job: def.name, id: job.id }, 'job started');
        await def.run(database, (job.data ?? {}) as Record<string, unknown>, job);
      }
    });
  }
  return {
    boss,
    send: (name, data = {}) => boss.send(name, data),
    stop: () => boss.stop({ graceful: true, wait: true, timeout: 10_000 }),
  };
}
