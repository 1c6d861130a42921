import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { EliminationCheck, IdParam, IdParams, Measure, MeasureInput } from '@anju/contracts';
import { ctxOf } from '../../platform/auth/auth.plugin.ts';
import { caseEliminationCheck } from './elimination.service.ts';
import { addMeasure, caseMeasures, updateMeasure } from './measures.service.ts';

/** Assistance measures of a monitoring case and its risk-elimination check. */
export async function measuresRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const read = app.authorize('monitoring:read');
  const write = app.authorize('monitoring:write');
  const tags = ['monitoring'];

  app.get(
    '/api/monitoring/cases/:id/measures',
    { schema: { tags, params: IdParams, response: { 200: z.array(Measure) } }, preHandler: read },
    (req) => caseMeasures(app.database, ctxOf(req), req.params.id),
  );
  app.post(
    '/api/monitoring/cases/:id/measures',
    { schema: { tags, params: IdParams, body: MeasureInput, response: { 201: Measure } }, preHandler: write },
    async (req, reply) => {
      reply.status(201);
      return addMeasure(app.database, ctxOf(req), req.params.id, req.body);
    },
  );
  app.put(
    '/api/monitoring/cases/:id/measures/:measureId',
    {
      schema: {
        tags,
        params: z.object({ id: IdParam, measureId: IdParam }),
        body: MeasureInput,
        response: { 200: Measure },
      },
      preHandler: write,
    },
    (req) => updateMeasure(app.database, ctxOf(req), req.params.id, req.params.measureId, req.body),
  );
  app.get(
    '/api/monitoring/cases/:id/elimination-check',
    { schema: { tags, params: IdParams, response: { 200: EliminationCheck } }, preHandler: read },
    (req) => caseEliminationCheck(app.database, ctxOf(req), req.params.id),
  );
}
