import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AttendanceInput,
  CompletionInput,
  CourseCreate,
  CourseDetail,
  CoursePage,
  CourseQuery,
  CourseUpdate,
  Enrolment,
  EnrolmentCreate,
  IdParams,
  PersonTraining,
} from '@anju/contracts';
import { ctxOf } from '../../platform/auth/auth.plugin.ts';
import * as training from './training.service.ts';

export async function trainingRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const read = app.authorize('training:read');
  const write = app.authorize('training:write');
  const tags = ['training'];

  app.get(
    '/api/training/courses',
    { schema: { tags, querystring: CourseQuery, response: { 200: CoursePage } }, preHandler: read },
    (req) => training.list(app.database, ctxOf(req), req.query),
  );
  app.post(
    '/api/training/courses',
    { schema: { tags, body: CourseCreate, response: { 201: CourseDetail } }, preHandler: write },
    async (req, reply) => {
      reply.status(201);
      return training.create(app.database, ctxOf(req), req.body);
    },
  );
  app.get(
    '/api/training/courses/:id',
    { schema: { tags, params: IdParams, response: { 200: CourseDetail } }, preHandler: read },
    (req) => training.get(app.database, ctxOf(req), req.params.id),
  );
  app.patch(
    '/api/training/courses/:id',
    {
      schema: { tags, params: IdParams, body: CourseUpdate, response: { 200: CourseDetail } },
      preHandler: write,
    },
    (req) => training.update(app.database, ctxOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/training/courses/:id/enrolments',
    {
      schema: { tags, params: IdParams, body: EnrolmentCreate, response: { 201: CourseDetail } },
      preHandler: write,
    },
    async (req, reply) => {
      reply.status(201);
      return training.enrol(app.database, ctxOf(req), req.params.id, req.body);
    },
  );
  app.put(
    '/api/training/enrolments/:id/attendance',
    {
      schema: { tags, params: IdParams, body: AttendanceInput, response: { 200: Enrolment } },
      preHandler: write,
    },
    (req) => training.setAttendance(app.database, ctxOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/training/enrolments/:id/completion',
    {
      schema: { tags, params: IdParams, body: CompletionInput, response: { 200: Enrolment } },
      preHandler: write,
    },
    (req) => training.complete(app.database, ctxOf(req), req.params.id, req.body),
  );
  app.get(
    '/api/households/:id/trainings',
    { schema: { tags, params: IdParams, response: { 200: z.array(PersonTraining) } }, preHandler: read },
    (req) => training.ofHousehold(app.database, ctxOf(req), req.params.id),
  );
}
