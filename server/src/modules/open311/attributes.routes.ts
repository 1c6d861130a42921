import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Open311AttributesSet, Open311CodeParams, Open311Service } from '@anju/contracts';
import { ctxOf } from '../../platform/auth/auth.plugin.ts';
import { getService, listServices, setServiceAttributes } from './attributes.service.ts';

/** Whoever manages Open311 in the county lists the services and sets the attributes each asks. */
export async function open311AttributesRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['open311'];
  const preHandler = app.authorize('open311:manage');

  app.get(
    '/api/open311/services',
    { schema: { tags, response: { 200: z.array(Open311Service) } }, preHandler },
    (req) => listServices(app.database, ctxOf(req)),
  );
  app.get(
    '/api/open311/services/:code',
    { schema: { tags, params: Open311CodeParams, response: { 200: Open311Service } }, preHandler },
    (req) => getService(app.database, ctxOf(req), req.params.code),
  );
  app.put(
    '/api/open311/services/:code/attributes',
    {
      schema: {
        tags,
        params: Open311CodeParams,
        body: Open311AttributesSet,
        response: { 200: Open311Service },
      },
      preHandler,
    },
    (req) => setServiceAttributes(app.database, ctxOf(req), req.params.code, req.body),
  );
}
