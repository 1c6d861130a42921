import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CareMap,
  IdParams,
  LinkedHouseholds,
  LinkedHouseholdsUpdate,
  PartyCandidate,
  PartyLevel,
  PartyLevelsUpdate,
  PartyMembersUpdate,
  PartyOrg,
  PartyOrgCreate,
  PartyOrgUpdate,
} from '@anju/contracts';
import { ctxOf } from '../../platform/auth/auth.plugin.ts';
import { careMap, setLinks } from './care.service.ts';
import { setLevels } from './levels.service.ts';
import * as party from './party.service.ts';

export async function partyRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const read = app.authorize('party:read');
  const write = app.authorize('party:write');
  const setLevelsOf = app.authorize('party:levels');
  const tags = ['party'];

  app.get(
    '/api/party/levels',
    { schema: { tags, response: { 200: z.array(PartyLevel) } }, preHandler: read },
    () => party.levels(app.database),
  );
  app.put(
    '/api/party/levels',
    {
      schema: { tags, body: PartyLevelsUpdate, response: { 200: z.array(PartyLevel) } },
      preHandler: setLevelsOf,
    },
    (req) => setLevels(app.database, ctxOf(req), req.body),
  );
  app.get(
    '/api/communities/:id/party',
    { schema: { tags, params: IdParams, response: { 200: z.array(PartyOrg) } }, preHandler: read },
    (req) => party.tree(app.database, ctxOf(req), req.params.id),
  );
  app.get(
    '/api/communities/:id/care',
    { schema: { tags, params: IdParams, response: { 200: CareMap } }, preHandler: read },
    (req) => careMap(app.database, ctxOf(req), req.params.id),
  );
  app.post(
    '/api/party/orgs',
    { schema: { tags, body: PartyOrgCreate, response: { 201: PartyOrg } }, preHandler: write },
    async (req, reply) => {
      reply.status(201);
      return party.create(app.database, ctxOf(req), req.body);
    },
  );
  app.patch(
    '/api/party/orgs/:id',
    {
      schema: { tags, params: IdParams, body: PartyOrgUpdate, response: { 200: PartyOrg } },
      preHandler: write,
    },
    (req) => party.rename(app.database, ctxOf(req), req.params.id, req.body),
  );
  app.get(
    '/api/party/orgs/:id/candidates',
    {
      schema: { tags, params: IdParams, response: { 200: z.array(PartyCandidate) } },
      preHandler: read,
    },
    (req) => party.candidates(app.database, ctxOf(req), req.params.id),
  );
  app.put(
    '/api/party/orgs/:id/members',
    {
      schema: { tags, params: IdParams, body: PartyMembersUpdate, response: { 200: PartyOrg } },
      preHandler: write,
    },
    (req) => party.setMembers(app.database, ctxOf(req), req.params.id, req.body),
  );
  app.put(
    '/api/party/orgs/:id/links',
    {
      schema: { tags, params: IdParams, body: LinkedHouseholdsUpdate, response: { 200: LinkedHouseholds } },
      preHandler: write,
    },
    (req) => setLinks(app.database, ctxOf(req), req.params.id, req.body),
  );
}
