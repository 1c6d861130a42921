import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  Allocation,
  AllocationCreate,
  IdParams,
  NeedCreate,
  NeedDetail,
  NeedPage,
  NeedQuery,
  NeedStep,
  Resource,
  ResourceCreate,
  ResourcePage,
  ResourceQuery,
  ServiceCategories,
  SocialOrg,
  SocialOrgCreate,
  SocialOrgPage,
  SocialOrgQuery,
  SocialOrgUpdate,
} from '@anju/contracts';
import { ctxOf } from '../../platform/auth/auth.plugin.ts';
import { dictionary } from '../registry/extras.service.ts';
import * as needs from './needs.service.ts';
import * as orgs from './orgs.service.ts';
import * as resources from './resources.service.ts';

/** The needs list, the resources list and the social organizations (五社联动). */
export async function servicesRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const read = app.authorize('service:read');
  const write = app.authorize('service:write');
  /** Needs are read and worked by officials, providers and residents, each as the policy lets them. */
  const needers = app.authorize(['service:read', 'service:provide', 'service:request']);
  const raisers = app.authorize(['service:write', 'service:request']);
  const tags = ['services'];

  app.get(
    '/api/services/categories',
    { schema: { tags, response: { 200: ServiceCategories } }, preHandler: needers },
    async () => ({ categories: await dictionary(app.database, 'service_category') }),
  );

  app.get(
    '/api/services/organizations',
    { schema: { tags, querystring: SocialOrgQuery, response: { 200: SocialOrgPage } }, preHandler: read },
    (req) => orgs.list(app.database, ctxOf(req), req.query),
  );
  app.post(
    '/api/services/organizations',
    { schema: { tags, body: SocialOrgCreate, response: { 201: SocialOrg } }, preHandler: write },
    async (req, reply) => {
      reply.status(201);
      return orgs.create(app.database, ctxOf(req), req.body);
    },
  );
  app.get(
    '/api/services/organizations/:id',
    { schema: { tags, params: IdParams, response: { 200: SocialOrg } }, preHandler: read },
    (req) => orgs.get(app.database, ctxOf(req), req.params.id),
  );
  app.patch(
    '/api/services/organizations/:id',
    {
      schema: { tags, params: IdParams, body: SocialOrgUpdate, response: { 200: SocialOrg } },
      preHandler: write,
    },
    (req) => orgs.update(app.database, ctxOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/services/organizations/:id/staff',
    {
      schema: {
        tags,
        params: IdParams,
        body: z.object({ username: z.string().trim().min(1).max(64) }),
        response: { 200: z.object({ ok: z.literal(true) }) },
      },
      preHandler: write,
    },
    (req) => orgs.linkStaff(app.database, ctxOf(req), req.params.id, req.body.username),
  );

  app.get(
    '/api/services/needs',
    { schema: { tags, querystring: NeedQuery, response: { 200: NeedPage } }, preHandler: needers },
    (req) => needs.list(app.database, ctxOf(req), req.query),
  );
  app.post(
    '/api/services/needs',
    { schema: { tags, body: NeedCreate, response: { 201: NeedDetail } }, preHandler: raisers },
    async (req, reply) => {
      reply.status(201);
      return needs.create(app.database, ctxOf(req), req.body);
    },
  );
  app.get(
    '/api/services/needs/:id',
    { schema: { tags, params: IdParams, response: { 200: NeedDetail } }, preHandler: needers },
    (req) => needs.get(app.database, ctxOf(req), req.params.id),
  );
  app.get(
    '/api/services/needs/:id/providers',
    { schema: { tags, params: IdParams, response: { 200: z.array(SocialOrg) } }, preHandler: write },
    (req) => needs.providers(app.database, ctxOf(req), req.params.id),
  );
  app.post(
    '/api/services/needs/:id/steps',
    {
      schema: { tags, params: IdParams, body: NeedStep, response: { 200: NeedDetail } },
      preHandler: needers,
    },
    (req) => needs.step(app.database, ctxOf(req), req.params.id, req.body),
  );

  app.get(
    '/api/services/resources',
    { schema: { tags, querystring: ResourceQuery, response: { 200: ResourcePage } }, preHandler: read },
    (req) => resources.list(app.database, ctxOf(req), req.query),
  );
  app.post(
    '/api/services/resources',
    { schema: { tags, body: ResourceCreate, response: { 201: Resource } }, preHandler: write },
    async (req, reply) => {
      reply.status(201);
      return resources.create(app.database, ctxOf(req), req.body);
    },
  );
  app.post(
    '/api/services/resources/:id/allocations',
    {
      schema: { tags, params: IdParams, body: AllocationCreate, response: { 201: Allocation } },
      preHandler: write,
    },
    async (req, reply) => {
      reply.status(201);
      return resources.allocate(app.database, ctxOf(req), req.params.id, req.body);
    },
  );
}
