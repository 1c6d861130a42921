import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  Enterprise,
  EnterpriseCreate,
  EnterprisePage,
  EnterpriseQuery,
  EnterpriseUpdate,
  IdParams,
  WorkshopTypes,
} from '@anju/contracts';
import { ctxOf } from '../../platform/auth/auth.plugin.ts';
import * as enterprises from './enterprises.service.ts';

/** The register of enterprises and workshops (帮扶车间). */
export async function enterprisesRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const read = app.authorize('employment:read');
  const write = app.authorize('employment:write');
  const tags = ['enterprises'];

  app.get(
    '/api/enterprises',
    { schema: { tags, querystring: EnterpriseQuery, response: { 200: EnterprisePage } }, preHandler: read },
    (req) => enterprises.list(app.database, ctxOf(req), req.query),
  );
  app.post(
    '/api/enterprises',
    { schema: { tags, body: EnterpriseCreate, response: { 201: Enterprise } }, preHandler: write },
    async (req, reply) => {
      reply.status(201);
      return enterprises.create(app.database, app.cipher, ctxOf(req), req.body);
    },
  );
  app.get(
    '/api/enterprises/workshop-types',
    { schema: { tags, response: { 200: WorkshopTypes } }, preHandler: read },
    () => enterprises.workshopTypes(app.database),
  );
  app.get(
    '/api/enterprises/:id',
    { schema: { tags, params: IdParams, response: { 200: Enterprise } }, preHandler: read },
    (req) => enterprises.get(app.database, ctxOf(req), req.params.id),
  );
  app.patch(
    '/api/enterprises/:id',
    {
      schema: { tags, params: IdParams, body: EnterpriseUpdate, response: { 200: Enterprise } },
      preHandler: write,
    },
    (req) => enterprises.update(app.database, app.cipher, ctxOf(req), req.params.id, req.body),
  );
}
