import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { IdParams, Open311Publication, Open311PublicationSet } from '@anju/contracts';
import { ctxOf } from '../../platform/auth/auth.plugin.ts';
import { setPublication } from '../incidents/incidents.service.ts';

/** An official who handles an incident puts it in Open311's public feed, or takes it out. */
export async function open311PublicationRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.put(
    '/api/open311/feed/:id',
    {
      schema: {
        tags: ['open311'],
        params: IdParams,
        body: Open311PublicationSet,
        response: { 200: Open311Publication },
      },
      preHandler: app.authorize('incident:handle'),
    },
    (req) => setPublication(app.database, ctxOf(req), req.params.id, req.body),
  );
}
