import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { HouseholdWages, IdParams, WageAccept, WageQuery } from '@anju/contracts';
import { ctxOf } from '../../platform/auth/auth.plugin.ts';
import * as wages from './wages.service.ts';

/** A household's wage income of a year from its employment records, and accepting it into the income record. */
export async function wagesRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['employment'];
  app.get(
    '/api/households/:id/employment/wages',
    {
      schema: { tags, params: IdParams, querystring: WageQuery, response: { 200: HouseholdWages } },
      preHandler: app.authorize('employment:read'),
    },
    (req) => wages.wagesOf(app.database, ctxOf(req), req.params.id, req.query.year),
  );
  app.post(
    '/api/households/:id/employment/wages/accept',
    {
      schema: { tags, params: IdParams, body: WageAccept, response: { 200: HouseholdWages } },
      preHandler: app.authorize('monitoring:write'),
    },
    (req) => wages.acceptWages(app.database, ctxOf(req), req.params.id, req.body),
  );
}
