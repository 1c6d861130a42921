import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams } from '@anju/contracts';
import { Open311Key, Open311KeyCreate, Open311KeyCreated } from '@anju/contracts';
import { ctxOf } from '../../platform/auth/auth.plugin.ts';
import { createKey, listKeys, revokeKey } from './keys.service.ts';

/** A county administrator issues, lists and revokes the keys of Open311 systems of their county. */
export async function open311KeysRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['open311'];
  const preHandler = app.authorize('open311:manage');

  app.post(
    '/api/open311/keys',
    { schema: { tags, body: Open311KeyCreate, response: { 201: Open311KeyCreated } }, preHandler },
    async (req, reply) => {
      reply.status(201);
      return createKey(app.database, ctxOf(req), req.body);
    },
  );
  app.get(
    '/api/open311/keys',
    { schema: { tags, response: { 200: z.array(Open311Key) } }, preHandler },
    (req) => listKeys(app.database, ctxOf(req)),
  );
  app.delete(
    '/api/open311/keys/:id',
    { schema: { tags, params: IdParams, response: { 200: Open311Key } }, preHandler },
    (req) => revokeKey(app.database, ctxOf(req), req.params.id),
  );
}
