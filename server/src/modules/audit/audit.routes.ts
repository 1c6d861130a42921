import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AuditEntry, AuditQuery, ExportFormat, pageOf } from '@anju/contracts';
import { ctxOf } from '../../platform/auth/auth.plugin.ts';
import { CONTENT_TYPES } from '../../platform/files/tabular.ts';
import * as service from './audit.service.ts';

const ExportQuery = AuditQuery.omit({ page: true, pageSize: true }).extend({
  format: ExportFormat.default('xlsx'),
});

export async function auditRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['audit'];

  app.get(
    '/api/audit',
    {
      schema: { tags, querystring: AuditQuery, response: { 200: pageOf(AuditEntry) } },
      preHandler: app.authorize('audit:read'),
    },
    (req) => service.list(app.database, req.query),
  );
  app.get(
    '/api/audit/export',
    { schema: { tags, querystring: ExportQuery }, preHandler: app.authorize('audit:export') },
    async (req, reply) => {
      const { format, ...filter } = req.query;
      const stream = await service.exportLog(app.database, ctxOf(req), filter, format);
      const stamp = new Date().toISOString().slice(0, 10);
      reply.header('content-type', CONTENT_TYPES[format]);
      reply.header('content-disposition', `attachment; filename="audit-${stamp}.${format}"`);
      return reply.send(stream);
    },
  );
}
