import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  Division,
  DivisionSearchQuery,
  IdParams,
  Place,
  PlaceChildrenQuery,
  PlaceCreate,
  PlaceSearchQuery,
  PlaceSummary,
  PlacePoint,
  PlacePointUpdate,
  PlaceUpdate,
  pageOf,
} from '@anju/contracts';
import { ctxOf } from '../../platform/auth/auth.plugin.ts';
import * as service from './places.service.ts';
import { setPoint } from './point.service.ts';

/** Versions are PostgreSQL integers: a larger one can never match, and the database would refuse it. */

export async function placesRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const read = app.authorize('place:read');
  const write = app.authorize('place:write');
  const tags = ['places'];

  app.get(
    '/api/divisions/search',
    {
      schema: { tags, querystring: DivisionSearchQuery, response: { 200: z.array(Division) } },
      preHandler: read,
    },
    (req) => service.searchDivisions(app.database, req.query),
  );

  app.get(
    '/api/places/roots',
    { schema: { tags, response: { 200: z.array(PlaceSummary) } }, preHandler: read },
    (req) => service.roots(app.database, ctxOf(req)),
  );
  app.get(
    '/api/places/search',
    {
      schema: { tags, querystring: PlaceSearchQuery, response: { 200: z.array(PlaceSummary) } },
      preHandler: read,
    },
    (req) => service.search(app.database, ctxOf(req), req.query),
  );
  app.get(
    '/api/places/:id',
    { schema: { tags, params: IdParams, response: { 200: Place } }, preHandler: read },
    (req) => service.get(app.database, ctxOf(req), req.params.id),
  );
  app.get(
    '/api/places/:id/children',
    {
      schema: {
        tags,
        params: IdParams,
        querystring: PlaceChildrenQuery,
        response: { 200: pageOf(PlaceSummary) },
      },
      preHandler: read,
    },
    (req) => service.children(app.database, ctxOf(req), req.params.id, req.query.page, req.query.pageSize),
  );
  app.post(
    '/api/places',
    { schema: { tags, body: PlaceCreate, response: { 201: Place } }, preHandler: write },
    async (req, reply) => {
      reply.status(201);
      return service.create(app.database, ctxOf(req), req.body);
    },
  );
  app.patch(
    '/api/places/:id',
    { schema: { tags, params: IdParams, body: PlaceUpdate, response: { 200: Place } }, preHandler: write },
    (req) => service.rename(app.database, ctxOf(req), req.params.id, req.body),
  );
  app.put(
    '/api/places/:id/point',
    {
      schema: { tags, params: IdParams, body: PlacePointUpdate, response: { 200: PlacePoint } },
      preHandler: write,
    },
    (req) => setPoint(app.database, ctxOf(req), req.params.id, req.body),
  );
}
