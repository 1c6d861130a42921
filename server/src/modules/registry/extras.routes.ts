import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  DictionaryEntry,
  DutyAssignment,
  IdParams,
  Ok,
  SavedFilter,
  SavedFilterCreate,
} from '@anju/contracts';
import { ctxOf } from '../../platform/auth/auth.plugin.ts';
import * as extras from './extras.service.ts';

/** Code lists, saved filters and per-side duties: the small things around the registry. */
export async function registryExtrasRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['registry'];
  const signedIn = app.authorize();

  app.get(
    '/api/dictionaries/:kind',
    {
      schema: {
        tags,
        params: z.object({ kind: z.string().regex(/^[a-z_]{1,32}$/) }),
        response: { 200: z.array(DictionaryEntry) },
      },
      preHandler: signedIn,
    },
    (req) => extras.dictionary(app.database, req.params.kind),
  );

  app.get(
    '/api/saved-filters',
    {
      schema: {
        tags,
        querystring: z.object({ list: SavedFilterCreate.shape.list }),
        response: { 200: z.array(SavedFilter) },
      },
      preHandler: signedIn,
    },
    (req) => extras.savedFilters(app.database, ctxOf(req), req.query.list),
  );
  app.post(
    '/api/saved-filters',
    { schema: { tags, body: SavedFilterCreate, response: { 201: SavedFilter } }, preHandler: signedIn },
    async (req, reply) => {
      reply.status(201);
      return extras.saveFilter(app.database, ctxOf(req), req.body);
    },
  );
  app.delete(
    '/api/saved-filters/:id',
    { schema: { tags, params: IdParams, response: { 200: Ok } }, preHandler: signedIn },
    async (req) => {
      await extras.deleteFilter(app.database, ctxOf(req), req.params.id);
      return { ok: true as const };
    },
  );

  app.get(
    '/api/persons/:id/duties',
    {
      schema: { tags, params: IdParams, response: { 200: z.array(DutyAssignment) } },
      preHandler: app.authorize('person:read'),
    },
    (req) => extras.duties(app.database, ctxOf(req), req.params.id),
  );
  app.put(
    '/api/persons/:id/duties',
    {
      schema: {
        tags,
        params: IdParams,
        body: z.array(DutyAssignment).max(20),
        response: { 200: z.array(DutyAssignment) },
      },
      preHandler: app.authorize('person:write'),
    },
    (req) => extras.setDuties(app.database, ctxOf(req), req.params.id, req.body),
  );
}
