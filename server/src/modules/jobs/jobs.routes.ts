import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  Application,
  Candidate,
  CandidateQuery,
  JobConsent,
  Decide,
  EnterpriseStaff,
  Hire,
  IdParams,
  Interview,
  IdParam,
  Job,
  JobCreate,
  JobMatch,
  JobPage,
  JobQuery,
  JobUpdate,
  Recommend,
  StaffLink,
  StaffQuery,
} from '@anju/contracts';
import { ctxOf } from '../../platform/auth/auth.plugin.ts';
import * as applications from './applications.service.ts';
import * as jobs from './jobs.service.ts';
import * as ranking from './ranking.service.ts';

/** Jobs of the register's enterprises, ranking people for them, recommendations and the employer's applicants. */
export async function jobsRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const read = app.authorize(['job:read', 'job:post']);
  const write = app.authorize(['job:write', 'job:post']);
  const recommend = app.authorize('job:recommend');
  const official = app.authorize('job:read');
  const keeper = app.authorize('employment:write');
  const tags = ['jobs'];
  const cipher = app.cipher;

  app.get(
    '/api/jobs',
    { schema: { tags, querystring: JobQuery, response: { 200: JobPage } }, preHandler: read },
    (req) => jobs.list(app.database, ctxOf(req), req.query),
  );
  app.post(
    '/api/jobs',
    { schema: { tags, body: JobCreate, response: { 201: Job } }, preHandler: write },
    async (req, reply) => {
      reply.status(201);
      return jobs.create(app.database, ctxOf(req), req.body);
    },
  );
  app.get(
    '/api/jobs/staff',
    {
      schema: { tags, querystring: StaffQuery, response: { 200: z.array(EnterpriseStaff) } },
      preHandler: keeper,
    },
    (req) => jobs.staff(app.database, ctxOf(req), req.query.enterpriseId),
  );
  app.post(
    '/api/jobs/staff',
    { schema: { tags, body: StaffLink, response: { 200: z.array(EnterpriseStaff) } }, preHandler: keeper },
    (req) => jobs.linkStaff(app.database, ctxOf(req), req.body),
  );
  app.delete(
    '/api/jobs/staff/:userId',
    {
      schema: {
        tags,
        params: z.object({ userId: IdParam }),
        querystring: StaffQuery,
        response: { 200: z.array(EnterpriseStaff) },
      },
      preHandler: keeper,
    },
    (req) => jobs.unlinkStaff(app.database, ctxOf(req), req.query.enterpriseId, req.params.userId),
  );
  app.get(
    '/api/jobs/for-person/:id',
    { schema: { tags, params: IdParams, response: { 200: z.array(JobMatch) } }, preHandler: official },
    (req) => ranking.forPerson(app.database, ctxOf(req), req.params.id),
  );
  app.get(
    '/api/jobs/:id',
    { schema: { tags, params: IdParams, response: { 200: Job } }, preHandler: read },
    (req) => jobs.get(app.database, ctxOf(req), req.params.id),
  );
  app.patch(
    '/api/jobs/:id',
    { schema: { tags, params: IdParams, body: JobUpdate, response: { 200: Job } }, preHandler: write },
    (req) => jobs.update(app.database, ctxOf(req), req.params.id, req.body),
  );
  app.get(
    '/api/jobs/:id/candidates',
    {
      schema: { tags, params: IdParams, querystring: CandidateQuery, response: { 200: z.array(Candidate) } },
      preHandler: official,
    },
    (req) => ranking.candidates(app.database, ctxOf(req), req.params.id, req.query),
  );
  app.get(
    '/api/jobs/:id/applications',
    { schema: { tags, params: IdParams, response: { 200: z.array(Application) } }, preHandler: read },
    (req) => applications.ofJob(app.database, cipher, ctxOf(req), req.params.id),
  );
  app.post(
    '/api/jobs/:id/recommendations',
    {
      schema: { tags, params: IdParams, body: Recommend, response: { 201: Application } },
      preHandler: recommend,
    },
    async (req, reply) => {
      reply.status(201);
      return applications.recommend(app.database, cipher, ctxOf(req), req.params.id, req.body);
    },
  );
  app.get(
    '/api/job-applications/:id',
    { schema: { tags, params: IdParams, response: { 200: Application } }, preHandler: read },
    (req) => applications.get(app.database, cipher, ctxOf(req), req.params.id),
  );
  app.post(
    '/api/job-applications/:id/consent',
    {
      schema: { tags, params: IdParams, body: JobConsent, response: { 200: Application } },
      preHandler: recommend,
    },
    (req) => applications.consentOnBehalf(app.database, cipher, ctxOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/job-applications/:id/interview',
    {
      schema: { tags, params: IdParams, body: Interview, response: { 200: Application } },
      preHandler: write,
    },
    (req) => applications.interview(app.database, cipher, ctxOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/job-applications/:id/hire',
    { schema: { tags, params: IdParams, body: Hire, response: { 200: Application } }, preHandler: write },
    (req) => applications.hire(app.database, cipher, ctxOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/job-applications/:id/reject',
    { schema: { tags, params: IdParams, body: Decide, response: { 200: Application } }, preHandler: write },
    (req) => applications.reject(app.database, cipher, ctxOf(req), req.params.id, req.body),
  );
}
