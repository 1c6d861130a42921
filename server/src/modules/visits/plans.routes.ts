import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  IdParams,
  Ok,
  VisitPlan,
  VisitPlanCreate,
  VisitPlanDelete,
  VisitPlans,
  VisitPlansQuery,
  VisitPlanUpdate,
} from '@anju/contracts';
import { ctxOf } from '../../platform/auth/auth.plugin.ts';
import * as plans from './plans.service.ts';

/** Visit plans: read by whoever reads visits, changed by those who keep the grids. */
export async function visitPlanRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const read = app.authorize('visit:read');
  const write = app.authorize('grid:write');
  const tags = ['visits'];

  app.get(
    '/api/visit-plans',
    { schema: { tags, querystring: VisitPlansQuery, response: { 200: VisitPlans } }, preHandler: read },
    (req) => plans.plansOf(app.database, ctxOf(req), req.query.communityId),
  );
  app.post(
    '/api/visit-plans',
    { schema: { tags, body: VisitPlanCreate, response: { 201: VisitPlan } }, preHandler: write },
    async (req, reply) => {
      reply.status(201);
      return plans.createPlan(app.database, ctxOf(req), req.body);
    },
  );
  app.put(
    '/api/visit-plans/:id',
    {
      schema: { tags, params: IdParams, body: VisitPlanUpdate, response: { 200: VisitPlan } },
      preHandler: write,
    },
    (req) => plans.updatePlan(app.database, ctxOf(req), req.params.id, req.body),
  );
  app.delete(
    '/api/visit-plans/:id',
    {
      schema: { tags, params: IdParams, querystring: VisitPlanDelete, response: { 200: Ok } },
      preHandler: write,
    },
    (req) => plans.removePlan(app.database, ctxOf(req), req.params.id, req.query.version),
  );
}
