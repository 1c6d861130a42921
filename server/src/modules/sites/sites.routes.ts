import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  HouseholdBenefit,
  IdParams,
  IndustryBeneficiaryCreate,
  IndustryPaymentCreate,
  IndustryPayoutCreate,
  IndustryProjectCreate,
  IndustryProjectDetail,
  IndustryProjectUpdate,
  SiteDetail,
  SiteFacility,
  SiteFacilityCreate,
  SiteFacilityUpdate,
  SitesOverview,
  SitesOverviewQuery,
  SupportTask,
  SupportTaskCreate,
  SupportTaskUpdate,
} from '@anju/contracts';
import { ctxOf } from '../../platform/auth/auth.plugin.ts';
import * as plan from './plan.service.ts';
import * as projects from './projects.service.ts';
import * as sites from './sites.service.ts';

const YearQuery = SitesOverviewQuery.pick({ year: true });

export async function sitesRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const read = app.authorize('site:read');
  const write = app.authorize('site:write');
  const tags = ['sites'];

  app.get(
    '/api/sites/overview',
    { schema: { tags, querystring: SitesOverviewQuery, response: { 200: SitesOverview } }, preHandler: read },
    (req) => sites.overview(app.database, ctxOf(req), req.query),
  );
  app.get(
    '/api/sites/plans',
    {
      schema: { tags, querystring: SitesOverviewQuery, response: { 200: z.array(SupportTask) } },
      preHandler: read,
    },
    (req) => plan.plans(app.database, ctxOf(req), req.query),
  );
  app.get(
    '/api/sites/:id',
    {
      schema: { tags, params: IdParams, querystring: YearQuery, response: { 200: SiteDetail } },
      preHandler: read,
    },
    (req) => sites.site(app.database, ctxOf(req), req.params.id, req.query.year),
  );
  app.post(
    '/api/site-facilities',
    { schema: { tags, body: SiteFacilityCreate, response: { 201: SiteFacility } }, preHandler: write },
    async (req, reply) => {
      reply.status(201);
      return sites.createFacility(app.database, ctxOf(req), req.body);
    },
  );
  app.get(
    '/api/site-facilities/:id',
    { schema: { tags, params: IdParams, response: { 200: SiteFacility } }, preHandler: read },
    (req) => sites.facility(app.database, ctxOf(req), req.params.id),
  );
  app.patch(
    '/api/site-facilities/:id',
    {
      schema: { tags, params: IdParams, body: SiteFacilityUpdate, response: { 200: SiteFacility } },
      preHandler: write,
    },
    (req) => sites.updateFacility(app.database, ctxOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/industry-projects',
    {
      schema: { tags, body: IndustryProjectCreate, response: { 201: IndustryProjectDetail } },
      preHandler: write,
    },
    async (req, reply) => {
      reply.status(201);
      return projects.create(app.database, ctxOf(req), req.body);
    },
  );
  app.get(
    '/api/industry-projects/:id',
    { schema: { tags, params: IdParams, response: { 200: IndustryProjectDetail } }, preHandler: read },
    (req) => projects.get(app.database, ctxOf(req), req.params.id),
  );
  app.patch(
    '/api/industry-projects/:id',
    {
      schema: {
        tags,
        params: IdParams,
        body: IndustryProjectUpdate,
        response: { 200: IndustryProjectDetail },
      },
      preHandler: write,
    },
    (req) => projects.update(app.database, ctxOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/industry-projects/:id/households',
    {
      schema: {
        tags,
        params: IdParams,
        body: IndustryBeneficiaryCreate,
        response: { 201: IndustryProjectDetail },
      },
      preHandler: write,
    },
    async (req, reply) => {
      reply.status(201);
      return projects.link(app.database, ctxOf(req), req.params.id, req.body);
    },
  );
  app.post(
    '/api/industry-projects/:id/payments',
    {
      schema: {
        tags,
        params: IdParams,
        body: IndustryPaymentCreate,
        response: { 201: IndustryProjectDetail },
      },
      preHandler: write,
    },
    async (req, reply) => {
      reply.status(201);
      return projects.pay(app.database, ctxOf(req), req.params.id, req.body);
    },
  );
  app.post(
    '/api/industry-projects/:id/payouts',
    {
      schema: {
        tags,
        params: IdParams,
        body: IndustryPayoutCreate,
        response: { 201: IndustryProjectDetail },
      },
      preHandler: write,
    },
    async (req, reply) => {
      reply.status(201);
      return projects.payout(app.database, ctxOf(req), req.params.id, req.body);
    },
  );
  app.get(
    '/api/households/:id/industry-benefits',
    { schema: { tags, params: IdParams, response: { 200: z.array(HouseholdBenefit) } }, preHandler: read },
    (req) => projects.ofHousehold(app.database, ctxOf(req), req.params.id),
  );
  app.post(
    '/api/support-tasks',
    { schema: { tags, body: SupportTaskCreate, response: { 201: SupportTask } }, preHandler: write },
    async (req, reply) => {
      reply.status(201);
      return plan.create(app.database, ctxOf(req), req.body);
    },
  );
  app.patch(
    '/api/support-tasks/:id',
    {
      schema: { tags, params: IdParams, body: SupportTaskUpdate, response: { 200: SupportTask } },
      preHandler: write,
    },
    (req) => plan.update(app.database, ctxOf(req), req.params.id, req.body),
  );
}
