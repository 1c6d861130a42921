import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { EmploymentFigures, FiguresQuery } from '@anju/contracts';
import { ctxOf } from '../../platform/auth/auth.plugin.ts';
import { CONTENT_TYPES } from '../../platform/files/tabular.ts';
import * as figures from './figures.service.ts';

/** The employment figures of a place in the caller's scope, and their workbook. */
export async function figuresRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const read = app.authorize('employment:read');
  const tags = ['employment'];

  app.get(
    '/api/employment/figures',
    { schema: { tags, querystring: FiguresQuery, response: { 200: EmploymentFigures } }, preHandler: read },
    (req) => figures.figures(app.database, ctxOf(req), req.query.place),
  );
  app.get(
    '/api/employment/figures.xlsx',
    { schema: { tags, querystring: FiguresQuery }, preHandler: read },
    async (req, reply) => {
      const file = await figures.exportFigures(app.database, ctxOf(req), req.query.place);
      reply.header('content-type', CONTENT_TYPES.xlsx);
      reply.header('content-disposition', `attachment; filename="${file.fileName}"`);
      return reply.send(file.body);
    },
  );
}
