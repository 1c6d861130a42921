import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { KpiBreakdown, KpiBreakdownQuery, KpiDefinition, KpiTrend, KpiTrendQuery } from '@anju/contracts';
import { ctxOf } from '../../platform/auth/auth.plugin.ts';
import { CONTENT_TYPES } from '../../platform/files/tabular.ts';
import { breakdown, trend } from './kpi-breakdown.ts';
import { exportBreakdown } from './kpi-export.ts';
import { KPI_DEFINITIONS } from './kpi.ts';

/** KPI definitions, breakdowns per grid, community, township or department, the trend, and the export. */
export async function kpiRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['incidents'];
  const read = app.authorize('incident:read');

  app.get(
    '/api/incidents/kpi/definitions',
    { schema: { tags, response: { 200: z.array(KpiDefinition) } }, preHandler: read },
    () => KPI_DEFINITIONS,
  );
  app.get(
    '/api/incidents/kpi/breakdown',
    { schema: { tags, querystring: KpiBreakdownQuery, response: { 200: KpiBreakdown } }, preHandler: read },
    (req) => breakdown(app.database, ctxOf(req), req.query),
  );
  app.get(
    '/api/incidents/kpi/trend',
    { schema: { tags, querystring: KpiTrendQuery, response: { 200: KpiTrend } }, preHandler: read },
    (req) => trend(app.database, ctxOf(req), req.query),
  );
  app.get(
    '/api/incidents/kpi/export',
    { schema: { tags, querystring: KpiBreakdownQuery }, preHandler: read },
    async (req, reply) => {
      const q = req.query;
      const stream = await exportBreakdown(app.database, ctxOf(req), q);
      reply.header('content-type', CONTENT_TYPES.xlsx);
      reply.header('content-disposition', `attachment; filename="kpi-${q.by}-${q.from}-${q.to}.xlsx"`);
      return reply.send(stream);
    },
  );
}
