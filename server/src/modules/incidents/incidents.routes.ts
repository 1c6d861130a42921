import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  IdParams,
  Incident,
  IncidentAct,
  IncidentCategory,
  IncidentCategoryLimits,
  IncidentCounts,
  IncidentCountsQuery,
  IncidentDetail,
  IncidentQuery,
  IncidentReport,
  Kpi,
  KpiQuery,
  pageOf,
} from '@anju/contracts';
import { ctxOf } from '../../platform/auth/auth.plugin.ts';
import { invalid } from '../../platform/errors.ts';
import { act } from './act.service.ts';
import { listCategories, saveCategoryLimits } from './categories.service.ts';
import * as service from './incidents.service.ts';
import { kpi } from './kpi.ts';
import { incidentPhotoRoutes } from './photos.routes.ts';
import { kpiRoutes } from './kpi.routes.ts';
import { counts } from './workbench.service.ts';

export async function incidentsRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['incidents'];

  app.get(
    '/api/incident-categories',
    {
      schema: { tags, response: { 200: z.array(IncidentCategory) } },
      preHandler: app.authorize('incident:report'),
    },
    () => listCategories(app.database),
  );
  app.put(
    '/api/incident-categories/:code/limits',
    {
      schema: {
        tags,
        params: z.object({ code: z.string().regex(/^[a-z_]{1,32}$/) }),
        body: IncidentCategoryLimits,
        response: { 200: IncidentCategory },
      },
      preHandler: app.authorize('incident:policy'),
    },
    (req) => saveCategoryLimits(app.database, ctxOf(req), req.params.code, req.body),
  );
  app.post(
    '/api/incidents',
    {
      schema: { tags, body: IncidentReport, response: { 201: IncidentDetail } },
      preHandler: app.authorize('incident:report'),
    },
    async (req, reply) => {
      reply.status(201);
      return service.report(app.database, app.cipher, ctxOf(req), req.body);
    },
  );
  // everyone who may report may list: residents see their own reports only
  app.get(
    '/api/incidents',
    {
      schema: { tags, querystring: IncidentQuery, response: { 200: pageOf(Incident) } },
      preHandler: app.authorize('incident:report'),
    },
    (req) => service.list(app.database, ctxOf(req), req.query),
  );
  app.get(
    '/api/incidents/counts',
    {
      schema: { tags, querystring: IncidentCountsQuery, response: { 200: IncidentCounts } },
      preHandler: app.authorize('incident:report'),
    },
    (req) => counts(app.database, ctxOf(req), req.query),
  );
  app.get(
    '/api/incidents/kpi',
    {
      schema: { tags, querystring: KpiQuery, response: { 200: Kpi } },
      preHandler: app.authorize('incident:read'),
    },
    async (req) => {
      const { from, to, under } = req.query;
      if (from > to) throw invalid('from', 'must not be after to');
      return kpi(app.database, ctxOf(req), { under, from, to });
    },
  );
  app.get(
    '/api/incidents/:id',
    {
      schema: { tags, params: IdParams, response: { 200: IncidentDetail } },
      preHandler: app.authorize('incident:report'),
    },
    (req) => service.get(app.database, ctxOf(req), req.params.id),
  );
  app.post(
    '/api/incidents/:id/actions',
    {
      schema: { tags, params: IdParams, body: IncidentAct, response: { 200: IncidentDetail } },
      preHandler: app.authorize('incident:report'),
    },
    (req) => act(app.database, ctxOf(req), req.params.id, req.body),
  );
  await fastify.register(incidentPhotoRoutes);
  await kpiRoutes(fastify);
}
