import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DictionaryItem, DictionaryItemCreate, DictionaryItemUpdate } from '@anju/contracts';
import { ctxOf } from '../../platform/auth/auth.plugin.ts';
import { addItem, listItems, updateItem } from './dictionaries.service.ts';

const Kind = z.object({ kind: z.string().regex(/^[a-z_]{1,32}$/) });

/** The monitored categories and risk types, edited as data by holders of the monitoring policy. */
export async function dictionariesRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const policy = app.authorize('monitoring:policy');
  const tags = ['monitoring'];

  app.get(
    '/api/monitoring/dictionaries/:kind',
    {
      schema: { tags, params: Kind, response: { 200: z.array(DictionaryItem) } },
      preHandler: app.authorize('monitoring:read'),
    },
    (req) => listItems(app.database, req.params.kind),
  );
  app.post(
    '/api/dictionaries/:kind',
    {
      schema: { tags, params: Kind, body: DictionaryItemCreate, response: { 201: DictionaryItem } },
      preHandler: policy,
    },
    async (req, reply) => {
      reply.status(201);
      return addItem(app.database, ctxOf(req), req.params.kind, req.body);
    },
  );
  app.put(
    '/api/dictionaries/:kind/:code',
    {
      schema: {
        tags,
        params: Kind.extend({ code: z.string().regex(/^[a-z_]{1,32}$/) }),
        body: DictionaryItemUpdate,
        response: { 200: DictionaryItem },
      },
      preHandler: policy,
    },
    (req) => updateItem(app.database, ctxOf(req), req.params.kind, req.params.code, req.body),
  );
}
