import type { FastifyBaseLogger } from 'fastify';
import PgBoss from 'pg-boss';
import type { Database } from '../../db/client.ts';

const JOBS_SETUP_LOCK = 7_311_003;

/** A background job; with `cron` it runs on that schedule exactly once across all server processes. */
export interface JobDefinition {
  name: string;
  cron?: string;
  run(database: Database, data: Record<string, unknown>): Promise<void>;
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
      : { connectionString: opts.connectionString, max: 4 }),
    application_name: 'anju-jobs',
    cronMonitorIntervalSeconds: opts.cronMonitorIntervalSeconds ?? 30,
  });
  boss.on('error', (err) => log.error({ err }, 'job queue error'));
  // pg-boss creates its schema and queues with DDL that deadlocks when two processes start together
  await database.exclusive(JOBS_SETUP_LOCK, async () => {
    await boss.start();
    for (const def of definitions) {
      await boss.createQueue(def.name);
      if (def.cron) await boss.schedule(def.name, def.cron, {}, { tz: 'Asia/Shanghai' });
    }
  });
  for (const def of definitions) {
    await boss.work(def.name, async (jobs) => {
      for (const job of jobs) {
        log.info({ job: def.name, id: job.id }, 'job started');
        await def.run(database, (job.data ?? {}) as Record<string, unknown>);
      }
    });
  }
  return {
    boss,
    send: (name, data = {}) => boss.send(name, data),
    stop: () => boss.stop({ graceful: true, wait: true, timeout: 10_000 }),
  };
}
