import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { MonitoringOverview, OverviewQuery } from '@anju/contracts';
import { ctxOf } from '../../platform/auth/auth.plugin.ts';
import { overview } from './overview.service.ts';

/** The county monitoring overview: cases by category, risk type and step, the overdue, and the trend. */
export async function monitoringOverviewRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/api/monitoring/overview',
    {
      schema: { tags: ['monitoring'], querystring: OverviewQuery, response: { 200: MonitoringOverview } },
      preHandler: app.authorize('monitoring:read'),
    },
    (req) => overview(app.database, ctxOf(req), req.query),
  );
}
