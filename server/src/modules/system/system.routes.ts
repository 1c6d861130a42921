import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';

/** How long the health check waits for the database before calling it away. */
const HEALTH_TIMEOUT_MS = 3000;

const Health = z.object({
  status: z.enum(['ok', 'unavailable']),
  database: z.enum(['pglite', 'postgres']),
  /** Whether the database answered a query just now. */
  databaseAnswers: z.boolean(),
  /** Whether this process receives notification signals (false while its LISTEN is being re-made). */
  notificationsListening: z.boolean(),
  version: z.string(),
  uptimeSeconds: z.number(),
  time: z.string(),
});

const Live = z.object({ status: z.literal('ok'), uptimeSeconds: z.number() });

export async function systemRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  const databaseAnswers = async (): Promise<boolean> => {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), HEALTH_TIMEOUT_MS);
    });
    const query = app.database.query('SELECT 1').then(
      () => true,
      () => false,
    );
    try {
      return await Promise.race([query, timeout]);
    } finally {
      clearTimeout(timer);
    }
  };

  // readiness: a load balancer sends requests only to processes whose database answers
  app.get(
    '/api/health',
    { schema: { tags: ['system'], response: { 200: Health, 503: Health } } },
    async (_req, reply) => {
      const answers = await databaseAnswers();
      const listening = app.notificationHub.listening;
      const ready = answers && listening;
      return reply.status(ready ? 200 : 503).send({
        status: ready ? ('ok' as const) : ('unavailable' as const),
        database: app.database.kind,
        databaseAnswers: answers,
        notificationsListening: listening,
        version: '0.1.0',
        uptimeSeconds: Math.round(process.uptime()),
        time: new Date().toISOString(),
      });
    },
  );

  // liveness: the process runs and serves; a database outage is no reason to restart it
  app.get('/api/health/live', { schema: { tags: ['system'], response: { 200: Live } } }, async () => ({
    status: 'ok' as const,
    uptimeSeconds: Math.round(process.uptime()),
  }));
}
