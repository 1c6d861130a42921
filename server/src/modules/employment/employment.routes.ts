import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  EmploymentChange,
  EmploymentRecord,
  EmploymentRecordCreate,
  EmploymentRecordUpdate,
  HouseholdEmployment,
  IdParams,
  LabourPage,
  LabourProfile,
  LabourProfileInput,
  LabourQuery,
  RecomputeResult,
  ZeroEmploymentDetail,
  ZeroHelpCreate,
  ZeroPage,
  ZeroQuery,
} from '@anju/contracts';
import { ctxOf } from '../../platform/auth/auth.plugin.ts';
import * as employment from './employment.service.ts';
import * as zero from './zero.service.ts';

export async function employmentRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const read = app.authorize('employment:read');
  const write = app.authorize('employment:write');
  const tags = ['employment'];

  app.get(
    '/api/households/:id/employment',
    { schema: { tags, params: IdParams, response: { 200: HouseholdEmployment } }, preHandler: read },
    (req) => employment.ofHousehold(app.database, ctxOf(req), req.params.id),
  );
  app.put(
    '/api/persons/:id/labour',
    {
      schema: { tags, params: IdParams, body: LabourProfileInput, response: { 200: LabourProfile } },
      preHandler: write,
    },
    (req) => employment.saveProfile(app.database, ctxOf(req), req.params.id, req.body),
  );
  app.get(
    '/api/employment/labour',
    { schema: { tags, querystring: LabourQuery, response: { 200: LabourPage } }, preHandler: read },
    (req) => employment.labourList(app.database, ctxOf(req), req.query),
  );
  app.post(
    '/api/employment/records',
    {
      schema: { tags, body: EmploymentRecordCreate, response: { 201: EmploymentRecord } },
      preHandler: write,
    },
    async (req, reply) => {
      reply.status(201);
      return employment.createRecord(app.database, ctxOf(req), req.body);
    },
  );
  app.patch(
    '/api/employment/records/:id',
    {
      schema: { tags, params: IdParams, body: EmploymentRecordUpdate, response: { 200: EmploymentRecord } },
      preHandler: write,
    },
    (req) => employment.updateRecord(app.database, ctxOf(req), req.params.id, req.body),
  );
  app.get(
    '/api/employment/records/:id/history',
    { schema: { tags, params: IdParams, response: { 200: z.array(EmploymentChange) } }, preHandler: read },
    (req) => employment.historyOf(app.database, ctxOf(req), req.params.id),
  );
  app.get(
    '/api/employment/zero',
    { schema: { tags, querystring: ZeroQuery, response: { 200: ZeroPage } }, preHandler: read },
    (req) => zero.list(app.database, ctxOf(req), req.query),
  );
  app.post(
    '/api/employment/zero/recompute',
    { schema: { tags, response: { 200: RecomputeResult } }, preHandler: write },
    (req) => zero.recomputeAll(app.database, ctxOf(req)),
  );
  app.get(
    '/api/employment/zero/:id',
    { schema: { tags, params: IdParams, response: { 200: ZeroEmploymentDetail } }, preHandler: read },
    (req) => zero.get(app.database, ctxOf(req), req.params.id),
  );
  app.post(
    '/api/employment/zero/:id/help',
    {
      schema: { tags, params: IdParams, body: ZeroHelpCreate, response: { 201: ZeroEmploymentDetail } },
      preHandler: write,
    },
    async (req, reply) => {
      reply.status(201);
      return zero.addHelp(app.database, ctxOf(req), req.params.id, req.body);
    },
  );
}
