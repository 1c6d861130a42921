import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CommunityCodeParams,
  Disclosure,
  DisclosureCreate,
  DisclosureDue,
  DisclosureQuery,
  DisclosureStep,
  IdParams,
  PublicDisclosures,
} from '@anju/contracts';
import { ctxOf } from '../../platform/auth/auth.plugin.ts';
import * as disclosures from './disclosure.service.ts';

/** Open affairs (居务/财务公开): drafts, approval, publication, the schedule, and the public page of a community. */
export async function disclosureRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const read = app.authorize('disclosure:read');
  const write = app.authorize('disclosure:write');
  const steps = app.authorize(['disclosure:write', 'disclosure:approve']);
  const tags = ['disclosure'];

  app.get(
    '/api/disclosures',
    {
      schema: { tags, querystring: DisclosureQuery, response: { 200: z.array(Disclosure) } },
      preHandler: read,
    },
    (req) => disclosures.list(app.database, ctxOf(req), req.query.placeId),
  );
  app.get(
    '/api/disclosures/schedule',
    { schema: { tags, response: { 200: z.array(DisclosureDue) } }, preHandler: read },
    (req) => disclosures.schedule(app.database, ctxOf(req)),
  );
  app.post(
    '/api/disclosures',
    { schema: { tags, body: DisclosureCreate, response: { 201: Disclosure } }, preHandler: write },
    async (req, reply) => {
      reply.status(201);
      return disclosures.draft(app.database, ctxOf(req), req.body);
    },
  );
  app.get(
    '/api/disclosures/:id',
    { schema: { tags, params: IdParams, response: { 200: Disclosure } }, preHandler: read },
    (req) => disclosures.get(app.database, ctxOf(req), req.params.id),
  );
  app.post(
    '/api/disclosures/:id/steps',
    {
      schema: { tags, params: IdParams, body: DisclosureStep, response: { 200: Disclosure } },
      preHandler: steps,
    },
    (req) => disclosures.step(app.database, ctxOf(req), req.params.id, req.body.action, req.body.version),
  );
  app.post(
    '/api/disclosures/:id/correction',
    { schema: { tags, params: IdParams, response: { 201: Disclosure } }, preHandler: write },
    async (req, reply) => {
      reply.status(201);
      return disclosures.correct(app.database, ctxOf(req), req.params.id);
    },
  );
  app.get(
    '/api/public/disclosures/:code',
    {
      schema: { tags, params: CommunityCodeParams, response: { 200: PublicDisclosures } },
      config: { rateLimit: { max: 300, timeWindow: '1 minute' } },
    },
    (req) => disclosures.publicPage(app.database, req.params.code),
  );
}
