import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import multipart from '@fastify/multipart';
import {
  Coverage,
  CoverageQuery,
  DueList,
  DueQuery,
  IdParams,
  Visit,
  VisitCreate,
  VisitIncident,
  VisitIncidentCreate,
  VisitPhoto,
  VisitQuery,
  pageOf,
} from '@anju/contracts';
import { ctxOf } from '../../platform/auth/auth.plugin.ts';
import { PHOTO_UPLOAD_LIMITS, readPhoto } from '../../platform/files/photo.ts';
import { toIncident } from './incident.service.ts';
import { visitPlanRoutes } from './plans.routes.ts';
import * as visits from './visits.service.ts';

export async function visitsRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  await app.register(multipart, { limits: PHOTO_UPLOAD_LIMITS });
  const read = app.authorize('visit:read');
  const write = app.authorize('visit:write');
  const tags = ['visits'];
  await app.register(visitPlanRoutes);

  app.get(
    '/api/visits',
    { schema: { tags, querystring: VisitQuery, response: { 200: pageOf(Visit) } }, preHandler: read },
    (req) => visits.list(app.database, ctxOf(req), req.query),
  );
  app.post(
    '/api/visits',
    { schema: { tags, body: VisitCreate, response: { 201: Visit } }, preHandler: write },
    async (req, reply) => {
      reply.status(201);
      return visits.create(app.database, ctxOf(req), req.body);
    },
  );
  app.get(
    '/api/visits/coverage',
    { schema: { tags, querystring: CoverageQuery, response: { 200: Coverage } }, preHandler: read },
    (req) => visits.coverage(app.database, ctxOf(req), req.query),
  );
  app.get(
    '/api/visits/due',
    { schema: { tags, querystring: DueQuery, response: { 200: DueList } }, preHandler: read },
    (req) => visits.due(app.database, ctxOf(req), req.query),
  );
  app.post(
    '/api/visits/:id/incident',
    {
      schema: { tags, params: IdParams, body: VisitIncidentCreate, response: { 201: VisitIncident } },
      preHandler: write,
    },
    async (req, reply) => {
      reply.status(201);
      return toIncident(app.database, app.cipher, ctxOf(req), req.params.id, req.body);
    },
  );
  app.get(
    '/api/visits/:id',
    { schema: { tags, params: IdParams, response: { 200: Visit } }, preHandler: read },
    (req) => visits.get(app.database, ctxOf(req), req.params.id),
  );
  app.post(
    '/api/visits/:id/photos',
    {
      schema: { tags, params: IdParams, consumes: ['multipart/form-data'], response: { 201: VisitPhoto } },
      preHandler: write,
    },
    async (req, reply) => {
      const content = await readPhoto(req);
      reply.status(201);
      return visits.addPhoto(app.database, ctxOf(req), req.params.id, content);
    },
  );
  app.get(
    '/api/visit-photos/:id',
    { schema: { tags, params: IdParams }, preHandler: read },
    async (req, reply) => {
      const found = await visits.photo(app.database, ctxOf(req), req.params.id);
      reply.header('content-type', found.contentType);
      reply.header('cache-control', 'private, max-age=86400');
      return reply.send(found.content);
    },
  );
}
