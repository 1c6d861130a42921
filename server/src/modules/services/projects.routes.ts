import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  Credibility,
  Id,
  IdParams,
  MilestoneCreate,
  MilestoneDone,
  NeedMatches,
  ProgressReportCreate,
  ServiceProjectComplaintCreate,
  ServiceProjectCreate,
  ServiceProjectDetail,
  ServiceProjectEvaluation,
  ServiceProjectPage,
  ServiceProjectQuery,
  ServiceProjectRatingCreate,
  ServiceProjectServedAdd,
  VisitPhoto,
} from '@anju/contracts';
import { ctxOf } from '../../platform/auth/auth.plugin.ts';
import { PHOTO_UPLOAD_LIMITS, readPhoto } from '../../platform/files/photo.ts';
import * as matching from './matching.service.ts';
import * as projects from './projects.service.ts';

/** The projects list (项目清单), an organization's credibility and the matching of a need. */
export async function projectsRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  await app.register(multipart, { limits: PHOTO_UPLOAD_LIMITS });
  const read = app.authorize('service:read');
  const write = app.authorize('service:write');
  /** Projects are read by officials, their provider and the residents they serve, as the policy lets them. */
  const readers = app.authorize(['service:read', 'service:provide', 'service:request']);
  /** Progress is reported by officials and the provider. */
  const reporters = app.authorize(['service:write', 'service:provide']);
  const tags = ['services'];
  const detail = { response: { 200: ServiceProjectDetail } };

  app.get(
    '/api/service-projects',
    {
      schema: { tags, querystring: ServiceProjectQuery, response: { 200: ServiceProjectPage } },
      preHandler: readers,
    },
    (req) => projects.list(app.database, ctxOf(req), req.query),
  );
  app.post(
    '/api/service-projects',
    {
      schema: { tags, body: ServiceProjectCreate, response: { 201: ServiceProjectDetail } },
      preHandler: write,
    },
    async (req, reply) => {
      reply.status(201);
      return projects.create(app.database, ctxOf(req), req.body);
    },
  );
  app.get(
    '/api/service-projects/:id',
    { schema: { tags, params: IdParams, ...detail }, preHandler: readers },
    (req) => projects.get(app.database, ctxOf(req), req.params.id),
  );
  app.post(
    '/api/service-projects/:id/served',
    { schema: { tags, params: IdParams, body: ServiceProjectServedAdd, ...detail }, preHandler: write },
    (req) => projects.addServed(app.database, ctxOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/service-projects/:id/milestones',
    { schema: { tags, params: IdParams, body: MilestoneCreate, ...detail }, preHandler: write },
    (req) => projects.addMilestone(app.database, ctxOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/service-milestones/:id/done',
    { schema: { tags, params: IdParams, body: MilestoneDone, ...detail }, preHandler: reporters },
    (req) => projects.markMilestone(app.database, ctxOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/service-projects/:id/reports',
    {
      schema: {
        tags,
        params: IdParams,
        body: ProgressReportCreate,
        response: { 201: z.object({ id: Id, project: ServiceProjectDetail }) },
      },
      preHandler: reporters,
    },
    async (req, reply) => {
      reply.status(201);
      return projects.addReport(app.database, ctxOf(req), req.params.id, req.body);
    },
  );
  app.post(
    '/api/service-reports/:id/photos',
    {
      schema: { tags, params: IdParams, consumes: ['multipart/form-data'], response: { 201: VisitPhoto } },
      preHandler: reporters,
    },
    async (req, reply) => {
      const content = await readPhoto(req);
      reply.status(201);
      return projects.addPhoto(app.database, ctxOf(req), req.params.id, content);
    },
  );
  app.get(
    '/api/service-project-photos/:id',
    { schema: { tags, params: IdParams }, preHandler: readers },
    async (req, reply) => {
      const found = await projects.photo(app.database, ctxOf(req), req.params.id);
      reply.header('content-type', found.contentType);
      reply.header('cache-control', 'private, max-age=86400');
      return reply.send(found.content);
    },
  );
  app.post(
    '/api/service-projects/:id/ratings',
    { schema: { tags, params: IdParams, body: ServiceProjectRatingCreate, ...detail }, preHandler: readers },
    (req) => projects.rate(app.database, ctxOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/service-projects/:id/complaints',
    { schema: { tags, params: IdParams, body: ServiceProjectComplaintCreate, ...detail }, preHandler: write },
    (req) => projects.complain(app.database, ctxOf(req), req.params.id, req.body.summary),
  );
  app.post(
    '/api/service-projects/:id/evaluation',
    { schema: { tags, params: IdParams, body: ServiceProjectEvaluation, ...detail }, preHandler: write },
    (req) => projects.evaluate(app.database, ctxOf(req), req.params.id, req.body),
  );

  app.get(
    '/api/services/organizations/:id/credibility',
    { schema: { tags, params: IdParams, response: { 200: Credibility } }, preHandler: read },
    (req) => matching.credibility(app.database, ctxOf(req), req.params.id),
  );
  app.get(
    '/api/services/needs/:id/matches',
    { schema: { tags, params: IdParams, response: { 200: NeedMatches } }, preHandler: write },
    (req) => matching.matches(app.database, ctxOf(req), req.params.id),
  );
}
