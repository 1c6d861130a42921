import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';

const Health = z.object({
  status: z.literal('ok'),
  database: z.enum(['pglite', 'postgres']),
  version: z.string(),
  uptimeSeconds: z.number(),
  time: z.string(),
});

export async function systemRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.get('/api/health', { schema: { tags: ['system'], response: { 200: Health } } }, async () => {
    const [row] = await app.database.query<{ now: Date }>('SELECT now() AS now');
    return {
      status: 'ok' as const,
      database: app.database.kind,
      version: '0.1.0',
      uptimeSeconds: Math.round(process.uptime()),
      time: new Date(row.now).toISOString(),
    };
  });
}
