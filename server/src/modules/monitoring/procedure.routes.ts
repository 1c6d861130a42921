import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParam, ProcedurePolicy, ProcedurePolicyInput } from '@anju/contracts';
import { ctxOf } from '../../platform/auth/auth.plugin.ts';
import { procedureFor, procedureHistory, saveProcedure } from './procedure.service.ts';

export async function procedureRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const read = app.authorize('monitoring:read');
  const tags = ['monitoring'];

  app.get(
    '/api/monitoring/procedure',
    {
      schema: {
        tags,
        querystring: z.object({ placeId: IdParam.optional() }),
        response: { 200: ProcedurePolicy },
      },
      preHandler: read,
    },
    (req) => procedureFor(app.database, ctxOf(req), req.query.placeId),
  );
  app.get(
    '/api/monitoring/procedure/history',
    {
      schema: {
        tags,
        querystring: z.object({ placeId: IdParam }),
        response: { 200: z.array(ProcedurePolicy) },
      },
      preHandler: read,
    },
    (req) => procedureHistory(app.database, ctxOf(req), req.query.placeId),
  );
  app.put(
    '/api/monitoring/procedure',
    {
      schema: { tags, body: ProcedurePolicyInput, response: { 200: ProcedurePolicy } },
      preHandler: app.authorize('monitoring:procedure'),
    },
    (req) => saveProcedure(app.database, ctxOf(req), req.body),
  );
}
