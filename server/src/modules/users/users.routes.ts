import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  IdParams,
  PasswordReset,
  User,
  UserCreate,
  UserGrant,
  UserListQuery,
  UserUpdate,
  pageOf,
} from '@anju/contracts';
import { ctxOf } from '../../platform/auth/auth.plugin.ts';
import * as service from './users.service.ts';

export async function usersRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['users'];
  const read = app.authorize('user:read');
  const write = app.authorize('user:write');
  const grant = app.authorize('user:grant');
  // which of the two an account takes depends on its roles; the service asks the policy
  const manage = app.authorize(['user:write', 'user:admins']);

  app.get(
    '/api/users',
    { schema: { tags, querystring: UserListQuery, response: { 200: pageOf(User) } }, preHandler: read },
    (req) => service.list(app.database, req.query),
  );
  app.get(
    '/api/users/:id',
    { schema: { tags, params: IdParams, response: { 200: User } }, preHandler: read },
    (req) => service.get(app.database, req.params.id),
  );
  app.post(
    '/api/users',
    { schema: { tags, body: UserCreate, response: { 201: User } }, preHandler: write },
    async (req, reply) => {
      reply.status(201);
      return service.create(app.database, ctxOf(req), req.body);
    },
  );
  app.patch(
    '/api/users/:id',
    { schema: { tags, params: IdParams, body: UserUpdate, response: { 200: User } }, preHandler: manage },
    (req) => service.update(app.database, ctxOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/users/:id/password',
    { schema: { tags, params: IdParams, body: PasswordReset, response: { 200: User } }, preHandler: manage },
    (req) => service.resetPassword(app.database, ctxOf(req), req.params.id, req.body.password),
  );
  app.put(
    '/api/users/:id/grants',
    { schema: { tags, params: IdParams, body: UserGrant, response: { 200: User } }, preHandler: grant },
    (req) => service.grant(app.database, ctxOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/users/:id/unlock',
    { schema: { tags, params: IdParams, response: { 200: User } }, preHandler: grant },
    (req) => service.unlock(app.database, ctxOf(req), req.params.id),
  );
}
